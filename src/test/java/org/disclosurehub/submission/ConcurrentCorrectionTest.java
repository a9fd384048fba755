package org.disclosurehub.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.at;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Simultaneous writes to one report: exactly one wins, the others are told, nothing is lost. */
@QuarkusTest
class ConcurrentCorrectionTest {
  private static final int ROUNDS = 5;
  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  @Test
  void shouldLetExactlyOneOfTwoCorrectionsWithTheSameIfMatchSucceed() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String agency = registerAgency("320400");
      assertThat(put(agency, penalties(87), null).call()).isEqualTo(201);

      List<Integer> statuses = race(agency, penalties(100), penalties(200), "\"1\"");

      assertThat(statuses).containsExactlyInAnyOrder(200, 412);
      var history = given().get(reportPath(agency, 2024) + "/revisions").jsonPath();
      assertThat(history.getList("revision", Integer.class)).containsExactly(1, 2);
      int penalties =
          given()
              .get(reportPath(agency, 2024))
              .jsonPath()
              .getInt("report.activeDisclosure.penalties");
      assertThat(penalties).isIn(100, 200);
    }
  }

  @Test
  void shouldKeepBothOfTwoSimultaneousFirstSubmissionsAsRevisions() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String agency = registerAgency("320400");

      List<Integer> statuses = race(agency, penalties(100), penalties(200), null);

      assertThat(statuses).containsExactlyInAnyOrder(201, 200);
      var history = given().get(reportPath(agency, 2024) + "/revisions").jsonPath();
      assertThat(history.getList("revision", Integer.class)).containsExactly(1, 2);
    }
  }

  private List<Integer> race(String agency, ObjectNode one, ObjectNode other, String ifMatch)
      throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    for (ObjectNode report : List.of(one, other)) {
      Callable<Integer> put =
          () -> {
            start.await();
            return put(agency, report, ifMatch).call();
          };
      results.add(pool.submit(put));
    }
    start.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> result : results) {
      statuses.add(result.get(30, TimeUnit.SECONDS));
    }
    return statuses;
  }

  private static ObjectNode penalties(int count) {
    ObjectNode report = naturalResources2024();
    at(report, "/activeDisclosure").put("penalties", count);
    return report;
  }

  private static Callable<Integer> put(String agency, ObjectNode report, String ifMatch) {
    return () -> {
      var request = admin().contentType("application/json").body(report.toString());
      if (ifMatch != null) {
        request.header("If-Match", ifMatch);
      }
      return request.put(reportPath(agency, 2024)).statusCode();
    };
  }
}
