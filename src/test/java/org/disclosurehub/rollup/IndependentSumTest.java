package org.disclosurehub.rollup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.disclosurehub.Fixtures;
import org.disclosurehub.GeneratedReports;
import org.junit.jupiter.api.Test;

/**
 * Roll-ups equal a sum the test computes itself, every cell, from the reports it filed: after first
 * filings, corrections, agencies moving between divisions, withdrawals and imports, and after 8
 * threads filed into one city at once (what the sharded region_totals are for). The test keeps its
 * own picture (which agency is where, with which current report) and sums it per region. It works
 * in province 52 (贵州), which no other test's roll-ups read: 遵义市 520300 and its districts, 铜仁市
 * 520600, and 贵阳市 520100 for the concurrent filings.
 */
@QuarkusTest
class IndependentSumTest {
  private static final int YEAR = 2024;
  private static final String ZUNYI = "520300";
  private static final List<String> ZUNYI_REGIONS =
      List.of(ZUNYI, "520302", "520303", "520304", "520600");
  private static final String GUIYANG = "520100";
  private static final List<String> GUIYANG_DISTRICTS =
      List.of("520102", "520103", "520111", "520112", "520113", "520115");

  /** Where each agency is, and its current report (none once withdrawn). */
  private final Map<String, String> divisions = new LinkedHashMap<>();

  private final Map<String, ObjectNode> current = new LinkedHashMap<>();
  private final Random random = new Random(2203);

  @Test
  void shouldEqualTheSumOfTheCurrentReportsAfterCorrectionsMovesWithdrawalsAndImports() {
    // Every region has an agency that never reports: a region without agencies has no roll-up
    // (404), and agencies move out of some below.
    for (String region : ZUNYI_REGIONS) {
      divisions.put(registerAgency(region), region);
    }
    List<String> agencies = new ArrayList<>();
    for (String division : List.of(ZUNYI, ZUNYI, "520302", "520302", "520303", "520304")) {
      String agency = registerAgency(division);
      divisions.put(agency, division);
      agencies.add(agency);
      file(agency, GeneratedReports.valid(random, agencies.size() % 2 == 0), null);
    }
    assertRollups(ZUNYI_REGIONS, "first filings");

    file(agencies.get(0), GeneratedReports.valid(random, true), "corrected: 三(三) recounted");
    file(agencies.get(3), Fixtures.distinctCells2024(), "corrected: every cell");
    assertRollups(ZUNYI_REGIONS, "corrections");

    move(agencies.get(2), "520304");
    move(agencies.get(4), "520600");
    assertRollups(ZUNYI_REGIONS, "moves");

    admin()
        .header("X-Change-Reason", "filed by mistake")
        .delete(reportPath(agencies.get(5), YEAR))
        .then()
        .statusCode(200);
    current.remove(agencies.get(5));
    assertRollups(ZUNYI_REGIONS, "a withdrawal");

    // The published page of one report, imported as the report of another agency (which had
    // withdrawn its own) and as a correction of a third.
    String page =
        given()
            .accept("text/html")
            .get(reportPath(agencies.get(3), YEAR))
            .then()
            .statusCode(200)
            .extract()
            .asString();
    for (String agency : List.of(agencies.get(5), agencies.get(1))) {
      admin()
          .contentType("text/html; charset=utf-8")
          .header("X-Change-Reason", "imported from the published page")
          .body(page.getBytes(StandardCharsets.UTF_8))
          .post("/api/v1/imports?store=true&agency=" + agency + "&year=" + YEAR)
          .then()
          .statusCode(200);
      current.put(agency, current.get(agencies.get(3)).deepCopy());
    }
    assertRollups(ZUNYI_REGIONS, "imports");

    move(agencies.get(4), ZUNYI);
    file(agencies.get(4), GeneratedReports.valid(random, false), "corrected after moving back");
    assertRollups(ZUNYI_REGIONS, "a move back and a correction");
  }

  @Test
  void shouldEqualTheSumAfterEightThreadsFiledIntoOneCityAtOnce() throws Exception {
    List<String> agencies = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      String division = i % 4 == 0 ? GUIYANG : GUIYANG_DISTRICTS.get(i % GUIYANG_DISTRICTS.size());
      String agency = registerAgency(division);
      divisions.put(agency, division);
      agencies.add(agency);
    }
    Map<String, ObjectNode> first = new LinkedHashMap<>();
    Map<String, ObjectNode> corrected = new LinkedHashMap<>();
    for (String agency : agencies) {
      first.put(agency, GeneratedReports.valid(random, random.nextBoolean()));
      corrected.put(agency, GeneratedReports.valid(random, random.nextBoolean()));
    }
    HttpClient http = HttpClient.newHttpClient();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<Integer>>> answers = new ArrayList<>();
    try {
      for (int t = 0; t < 8; t++) {
        List<String> mine = agencies.subList(3 * t, 3 * t + 3);
        Callable<List<Integer>> work =
            () -> {
              start.await();
              List<Integer> statuses = new ArrayList<>();
              // Each thread files its three agencies, then corrects each: every write meets the
              // others' on the city's totals.
              for (String agency : mine) {
                statuses.add(put(http, agency, first.get(agency), null));
              }
              for (String agency : mine) {
                statuses.add(put(http, agency, corrected.get(agency), "recounted"));
              }
              return statuses;
            };
        answers.add(threads.submit(work));
      }
      start.countDown();
      for (Future<List<Integer>> answer : answers) {
        assertThat(answer.get()).containsExactly(201, 201, 201, 200, 200, 200);
      }
    } finally {
      threads.shutdownNow();
    }
    current.putAll(corrected);
    List<String> regions = new ArrayList<>(GUIYANG_DISTRICTS);
    regions.add(0, GUIYANG);
    assertRollups(regions, "8 threads filing and correcting at once");
  }

  private void file(String agency, ObjectNode report, String reason) {
    var request = admin().contentType("application/json").body(report.toString());
    if (reason != null) {
      request.header("X-Change-Reason", reason);
    }
    request
        .put(reportPath(agency, YEAR))
        .then()
        .statusCode(current.containsKey(agency) ? 200 : 201);
    current.put(agency, report);
  }

  private void move(String agency, String division) {
    admin()
        .contentType("application/merge-patch+json")
        .body(Map.of("divisionCode", division))
        .patch("/api/v1/agencies/" + agency)
        .then()
        .statusCode(200);
    divisions.put(agency, division);
  }

  private static int put(HttpClient http, String agency, ObjectNode report, String reason)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(RestAssured.baseURI + ":" + RestAssured.port + reportPath(agency, YEAR)))
            .header("Authorization", "Bearer " + Fixtures.adminToken())
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(report.toString()));
    if (reason != null) {
      request.header("X-Change-Reason", reason);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
    return response.statusCode();
  }

  /**
   * Every cell of each region's roll-up equals the sum of the current reports of the agencies now
   * within it, totals computed here (not left to the service).
   */
  private void assertRollups(List<String> regions, String after) {
    for (String region : regions) {
      Map<String, BigDecimal> expected = new LinkedHashMap<>();
      int reported = 0;
      for (var entry : current.entrySet()) {
        if (within(divisions.get(entry.getKey()), region)) {
          reported++;
          ObjectNode report = GeneratedReports.statedTotals(entry.getValue().deepCopy());
          for (String section : RollupFixture.SECTIONS) {
            RollupFixture.leaves(report.get(section), "/" + section, expected);
          }
        }
      }
      JsonNode rollup = RollupTest.rollup("/api/v1/regions/" + region + "/rollups/" + YEAR);
      Map<String, BigDecimal> actual = new LinkedHashMap<>();
      for (String section : RollupFixture.SECTIONS) {
        RollupFixture.leaves(rollup.get(section), "/" + section, actual);
      }
      String where = region + " after " + after;
      assertThat(rollup.at("/completeness/reported").intValue()).as(where).isEqualTo(reported);
      assertThat(actual.keySet()).as(where).containsAll(expected.keySet());
      actual.forEach(
          (pointer, value) ->
              assertThat(value)
                  .as(where + " " + pointer)
                  .isEqualByComparingTo(expected.getOrDefault(pointer, BigDecimal.ZERO)));
    }
  }

  /** Whether a division lies in the region: itself, or a county of a city (GB/T 2260 codes). */
  private static boolean within(String division, String region) {
    if (region.endsWith("00")) {
      return division.startsWith(region.substring(0, 4));
    }
    return division.equals(region);
  }
}
