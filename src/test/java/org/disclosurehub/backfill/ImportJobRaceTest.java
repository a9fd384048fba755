package org.disclosurehub.backfill;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.registerNamed;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.disclosurehub.backfill.ImportJobWorkers.Step.Phase;
import org.junit.jupiter.api.Test;

/**
 * Two workers finish a job's last two files at the same moment: each has recorded its file's
 * outcome, uncommitted, when both settle the job. Each then sees the other's file still queued
 * unless one waits for the other's commit (the job's row lock); without it, both would leave the
 * job running for ever.
 */
@QuarkusTest
class ImportJobRaceTest {
  /** 新邵县 (邵阳市): no other test has agencies in 4305xx. */
  private static final String COUNTY = "430522";

  @Inject WorkerRendezvous rendezvous;

  @Test
  void shouldEndTheJobOnceWhenTwoWorkersFinishItsLastTwoFilesTogether() throws Exception {
    String civil = registerNamed(COUNTY, "新邵县民政局");
    String education = registerNamed(COUNTY, "新邵县教育局");
    Map<String, byte[]> files = Archives.files();
    files.put("2024/新邵县民政局2024年政府信息公开工作年度报告.txt", ImportJobTest.seed("新邵县民政局"));
    files.put("2024/新邵县教育局2024年政府信息公开工作年度报告.txt", ImportJobTest.seed("新邵县教育局"));

    // Both workers wait for each other once their file is recorded, and again once each has
    // settled the job (a worker that waits for the other's lock never gets there: the first goes
    // on after a second).
    WorkerRendezvous.Meeting meeting =
        rendezvous.arm(
            Map.of(Phase.RECORDED, Duration.ofSeconds(30), Phase.SETTLED, Duration.ofSeconds(1)));
    long job;
    JsonPath done;
    try {
      job = Archives.post(COUNTY, Archives.zipInGbk(files));
      done = ended(job, Duration.ofSeconds(40));
    } finally {
      rendezvous.disarm();
    }
    assertThat(meeting.metAt(Phase.RECORDED))
        .as("the two workers held the last two files at once: %s", meeting.workers())
        .isTrue();
    assertThat(meeting.files()).hasSize(2);
    assertThat(meeting.workers()).hasSize(2);

    assertThat(done.getString("state")).as(done.prettify()).isEqualTo("finished");
    assertThat(done.getString("finishedAt")).isNotNull();
    assertThat(done.getInt("progress.total")).isEqualTo(2);
    assertThat(done.getInt("progress.done")).isEqualTo(2);
    assertThat(done.getInt("progress.stored")).as(done.prettify()).isEqualTo(2);
    assertThat(done.getList("files.state")).containsOnly("stored");
    assertThat(done.getList("files.revision", Integer.class)).containsOnly(1);
    for (String agency : new String[] {civil, education}) {
      admin()
          .get("/api/v1/agencies/" + agency + "/reports/2024/revisions")
          .then()
          .statusCode(200)
          .body("size()", equalTo(1))
          .body("[0].imported", equalTo(true));
    }
    // The archive's bytes leave with the finished job.
    given().get("/api/v1/import-jobs/" + job + "/files/1/source").then().statusCode(404);
  }

  /** The job once it is no longer running; the test fails if it still runs after the wait. */
  private static JsonPath ended(long job, Duration wait) throws InterruptedException {
    Instant deadline = Instant.now().plus(wait);
    while (true) {
      JsonPath view =
          given().get("/api/v1/import-jobs/" + job).then().statusCode(200).extract().jsonPath();
      if (!view.getString("state").equals("running")) {
        return view;
      }
      assertThat(Instant.now())
          .as("job %d still running after %s: %s", job, wait, view.prettify())
          .isBefore(deadline);
      Thread.sleep(200);
    }
  }
}
