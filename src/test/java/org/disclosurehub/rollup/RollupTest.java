package org.disclosurehub.rollup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.at;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.reportPath;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disclosurehub.agency.Agency;
import org.disclosurehub.rollup.RollupFixture.Submitted;
import org.disclosurehub.submission.ReportWithdrawn;
import org.junit.jupiter.api.Test;

/**
 * Roll-ups through the HTTP API. Each test works in its own year (its agencies are active in that
 * year only) within province 64, which other test classes leave alone.
 */
@QuarkusTest
class RollupTest {
  @Inject Event<ReportWithdrawn> withdrawals;

  static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  @Test
  void shouldSumEveryCellForProvinceCityCountyAndOwnScope() {
    RollupFixture f = RollupFixture.submit(2024);

    assertSums(rollup("/api/v1/regions/640000/rollups/2024"), f.within("640000", "649999"));
    assertSums(rollup("/api/v1/regions/640500/rollups/2024"), f.within("640500", "640599"));
    assertSums(rollup("/api/v1/regions/640521/rollups/2024"), f.within("640521", "640521"));
    assertSums(
        rollup("/api/v1/regions/640500/rollups/2024?scope=own"), f.within("640500", "640500"));
    assertSums(rollup("/api/v1/regions/640300/rollups/2024"), f.within("640300", "640399"));

    JsonNode city = rollup("/api/v1/regions/640500/rollups/2024");
    assertThat(city.at("/region/code").textValue()).isEqualTo("640500");
    assertThat(city.at("/region/level").textValue()).isEqualTo("city");
    assertThat(city.at("/year").intValue()).isEqualTo(2024);
    assertThat(city.at("/activeDisclosure/feesAmount").textValue())
        .isEqualTo("2495.3747"); // 356.4821 × (1 + 2 + 3 + 1)
    assertThat(rollup("/api/v1/regions/640000/rollups/2024").at("/region/level").textValue())
        .isEqualTo("province");
    assertThat(rollup("/api/v1/regions/640521/rollups/2024").at("/region/level").textValue())
        .isEqualTo("county");
  }

  @Test
  void shouldReportCompletenessConsistencyAndIndicatorsFromSummedCounts() {
    RollupFixture f = RollupFixture.submit(2024 - 1);
    int year = f.year;
    List<Submitted> city = f.within("640500", "640599");

    JsonNode rollup = rollup("/api/v1/regions/640500/rollups/" + year);

    long late = city.stream().filter(Submitted::late).count();
    assertThat(late).isEqualTo(2);
    assertThat(rollup.at("/completeness/expected").intValue()).isEqualTo(city.size() + 1);
    assertThat(rollup.at("/completeness/reported").intValue()).isEqualTo(city.size());
    assertThat(rollup.at("/completeness/late").intValue()).isEqualTo(late);
    assertThat(rollup.at("/completeness/onTime").intValue()).isEqualTo(city.size() - late);
    assertThat(rollup.at("/completeness/missing").size()).isEqualTo(1);
    assertThat(rollup.at("/completeness/missing/0/code").textValue()).isEqualTo(f.missing);
    assertThat(rollup.at("/completeness/missing/0/name").textValue())
        .isEqualTo("测试机关 " + f.missing);

    Submitted inconsistent = city.stream().filter(Submitted::inconsistent).findFirst().get();
    assertThat(rollup.at("/consistency/inconsistentReports"))
        .isEqualTo(
            JSON.createArrayNode()
                .add(
                    JSON.createObjectNode()
                        .put("agency", inconsistent.code())
                        .set("rules", JSON.createArrayNode().add("BALANCE"))));
    assertThat(rollup.at("/consistency/carryOverMismatches").intValue()).isZero();

    long stating = city.stream().filter(r -> r.report().has("publishedItems")).count();
    long items =
        city.stream().mapToLong(r -> r.report().at("/publishedItems/total").longValue()).sum();
    assertThat(rollup.at("/publishedItems/reportsStating").intValue()).isEqualTo(stating);
    assertThat(rollup.at("/publishedItems/total").longValue()).isEqualTo(items);

    Map<String, BigDecimal> sums = RollupFixture.sums(city);
    BigDecimal handled = sums.get("/requests/outcomes/total/total");
    BigDecimal granted =
        sums.get("/requests/outcomes/granted/total")
            .add(sums.get("/requests/outcomes/partiallyGranted/total"));
    BigDecimal denied =
        sums.entrySet().stream()
            .filter(e -> e.getKey().matches("/requests/outcomes/denied/[a-zA-Z]+/total"))
            .map(Map.Entry::getValue)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(rollup.at("/indicators/disclosureRate").decimalValue())
        .isEqualByComparingTo(granted.divide(handled, 4, RoundingMode.HALF_UP));
    assertThat(rollup.at("/indicators/denialRate").decimalValue())
        .isEqualByComparingTo(denied.divide(handled, 4, RoundingMode.HALF_UP));
    for (String block :
        List.of("administrativeReview", "litigationDirect", "litigationAfterReview")) {
      BigDecimal corrected = sums.get("/reviews/" + block + "/corrected");
      BigDecimal decided =
          sums.get("/reviews/" + block + "/upheld")
              .add(corrected)
              .add(sums.get("/reviews/" + block + "/other"));
      JsonNode rate = rollup.at("/indicators/" + block + "/correctionRate");
      if (decided.signum() == 0) {
        assertThat(rate.isNull()).as(block).isTrue();
      } else {
        assertThat(rate.decimalValue())
            .as(block)
            .isEqualByComparingTo(corrected.divide(decided, 4, RoundingMode.HALF_UP));
      }
    }
    // litigationAfterReview: 1 upheld, 0 corrected per report — a ratio of sums, not a mean.
    assertThat(rollup.at("/indicators/litigationAfterReview/correctionRate").decimalValue())
        .isEqualByComparingTo("0");
  }

  @Test
  void shouldAnswerZerosAndListEveryExpectedAgencyAsMissingForAYearWithoutReports() {
    String first = RollupFixture.registerAgency("640402", "idle", 2018);
    String second = RollupFixture.registerAgency("640400", "idle", 2018);

    JsonNode rollup = rollup("/api/v1/regions/640400/rollups/2018");

    Map<String, BigDecimal> cells = new LinkedHashMap<>();
    for (String section : RollupFixture.SECTIONS) {
      RollupFixture.leaves(rollup.get(section), "/" + section, cells);
    }
    assertThat(cells).hasSize(RollupFixture.cellCount());
    assertThat(cells.values()).allSatisfy(v -> assertThat(v).isEqualByComparingTo("0"));
    assertThat(rollup.at("/activeDisclosure/feesAmount").textValue()).isEqualTo("0");
    assertThat(rollup.at("/completeness/expected").intValue()).isEqualTo(2);
    assertThat(rollup.at("/completeness/reported").intValue()).isZero();
    assertThat(rollup.at("/completeness/onTime").intValue()).isZero();
    assertThat(rollup.at("/completeness/late").intValue()).isZero();
    List<String> missing = new ArrayList<>();
    rollup.at("/completeness/missing").forEach(m -> missing.add(m.get("code").textValue()));
    assertThat(missing).containsExactlyInAnyOrder(first, second);
    assertThat(rollup.at("/indicators/disclosureRate").isNull()).isTrue();
    assertThat(rollup.at("/indicators/denialRate").isNull()).isTrue();
    assertThat(rollup.at("/indicators/administrativeReview/correctionRate").isNull()).isTrue();
    assertThat(rollup.at("/consistency/inconsistentReports").size()).isZero();
  }

  @Test
  void shouldAnswerNotFoundForAnUnknownRegion() {
    given()
        .get("/api/v1/regions/103456/rollups/2024")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/not-found"))
        .body("status", equalTo(404))
        .body("detail", equalTo("No region 103456: not a GB/T 2260 division code"))
        .body("instance", equalTo("/api/v1/regions/103456/rollups/2024"));
    given()
        .get("/api/v1/regions/640303/rollups/2024/agencies")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/not-found"))
        .body("detail", equalTo("No agency is registered within region 640303"));
    given()
        .get("/api/v1/regions/640303/rollups")
        .then()
        .statusCode(404)
        .body("type", equalTo("/problems/not-found"));
  }

  @Test
  void shouldRefuseBadParametersWithAProblem() {
    RollupFixture.registerAgency("640181", "params", 2016);
    given()
        .get("/api/v1/regions/640100/rollups/2007")
        .then()
        .statusCode(400)
        .body("type", equalTo("/problems/invalid-parameter"))
        .body("errors[0].pointer", equalTo("year"));
    given()
        .get("/api/v1/regions/640100/rollups/2016?scope=everything")
        .then()
        .statusCode(400)
        .body("type", equalTo("/problems/invalid-parameter"))
        .body("errors[0].pointer", equalTo("scope"))
        .body("errors[0].message", equalTo("must be all or own"));
    given()
        .get("/api/v1/regions/640100/rollups/2016/agencies?sort=-budget")
        .then()
        .statusCode(400)
        .body("type", equalTo("/problems/invalid-parameter"))
        .body("errors[0].pointer", equalTo("sort"));
    given()
        .get("/api/v1/regions/640100/rollups?from=2016&to=2010")
        .then()
        .statusCode(400)
        .body("type", equalTo("/problems/invalid-parameter"))
        .body("errors[0].pointer", equalTo("from"));
  }

  @Test
  void shouldListEveryAgencySortedAndPaginated() {
    RollupFixture f = RollupFixture.submit(2021);
    List<Submitted> city = f.within("640500", "640599");

    JsonNode page =
        rollup("/api/v1/regions/640500/rollups/2021/agencies?sort=-newlyReceived&page=0&size=2");
    assertThat(page.get("total").intValue()).isEqualTo(city.size() + 1);
    assertThat(page.get("items").size()).isEqualTo(2);
    // 640521 reports three times the bureau's numbers, 640502 twice.
    Submitted largest = city.stream().filter(r -> r.division().equals("640521")).findFirst().get();
    JsonNode top = page.at("/items/0");
    assertThat(top.get("code").textValue()).isEqualTo(largest.code());
    assertThat(top.get("division").textValue()).isEqualTo("640521");
    assertThat(top.get("reported").booleanValue()).isTrue();
    assertThat(top.get("late").booleanValue()).isTrue();
    assertThat(top.get("revision").intValue()).isEqualTo(1);
    ObjectNode r = largest.report();
    assertThat(top.get("newlyReceived").longValue())
        .isEqualTo(r.at("/requests/newlyReceived/total").longValue());
    assertThat(top.get("totalHandled").longValue())
        .isEqualTo(r.at("/requests/outcomes/total/total").longValue());
    assertThat(top.get("granted").longValue())
        .isEqualTo(r.at("/requests/outcomes/granted/total").longValue());
    assertThat(top.get("partiallyGranted").longValue())
        .isEqualTo(r.at("/requests/outcomes/partiallyGranted/total").longValue());
    long denied = 0;
    for (JsonNode row : r.at("/requests/outcomes/denied")) {
      denied += row.get("total").longValue();
    }
    assertThat(top.get("denied").longValue()).isEqualTo(denied);
    assertThat(top.get("reviewTotal").longValue())
        .isEqualTo(r.at("/reviews/administrativeReview/total").longValue());
    assertThat(top.get("litigationTotal").longValue())
        .isEqualTo(
            r.at("/reviews/litigationDirect/total").longValue()
                + r.at("/reviews/litigationAfterReview/total").longValue());
    assertThat(top.get("corrected").longValue())
        .isEqualTo(
            r.at("/reviews/administrativeReview/corrected").longValue()
                + r.at("/reviews/litigationDirect/corrected").longValue()
                + r.at("/reviews/litigationAfterReview/corrected").longValue());
    assertThat(top.get("violationCount").intValue()).isZero();
    assertThat(page.at("/items/1/division").textValue()).isEqualTo("640502");

    JsonNode last =
        rollup("/api/v1/regions/640500/rollups/2021/agencies?sort=-newlyReceived&page=2&size=2");
    JsonNode missing = last.at("/items/1");
    assertThat(missing.get("code").textValue()).isEqualTo(f.missing);
    assertThat(missing.get("reported").booleanValue()).isFalse();
    assertThat(missing.get("newlyReceived").isNull()).isTrue();
    assertThat(missing.get("revision").isNull()).isTrue();

    JsonNode byCode = rollup("/api/v1/regions/640500/rollups/2021/agencies?scope=own&size=500");
    List<String> codes = new ArrayList<>();
    byCode.get("items").forEach(i -> codes.add(i.get("code").textValue()));
    assertThat(codes)
        .containsExactlyElementsOf(
            f.within("640500", "640500").stream().map(Submitted::code).sorted().toList());
  }

  @Test
  void shouldAnswerNotModifiedUntilARevisionChangesTheRegion() {
    String agency = RollupFixture.registerAgency("640425", "cached", 2022);
    ObjectNode report = naturalResources2024();
    put(agency, 2022, report).then().statusCode(201);
    String url = "/api/v1/regions/640400/rollups/2022";

    Response first = given().get(url);
    first
        .then()
        .statusCode(200)
        .header("ETag", notNullValue())
        .header("Last-Modified", notNullValue())
        .header("Cache-Control", "public, max-age=60");
    String tag = first.header("ETag");

    given()
        .header("If-None-Match", tag)
        .get(url)
        .then()
        .statusCode(304)
        .header("ETag", tag)
        .header("Cache-Control", "public, max-age=60");
    // Each representation has its own tag.
    assertThat(given().accept("text/csv").get(url).header("ETag")).isNotEqualTo(tag);
    // A revision elsewhere in the province leaves this region's tag alone.
    String elsewhere = RollupFixture.registerAgency("640181", "elsewhere", 2022);
    put(elsewhere, 2022, naturalResources2024()).then().statusCode(201);
    given().header("If-None-Match", tag).get(url).then().statusCode(304);

    // A correction in the region changes the tag and the sums.
    at(report, "/activeDisclosure").put("licensing", 1343);
    put(agency, 2022, report).then().statusCode(200).header("ETag", "\"2\"");
    Response second = given().header("If-None-Match", tag).get(url);
    second.then().statusCode(200);
    assertThat(second.header("ETag")).isNotEqualTo(tag);
    assertThat(second.jsonPath().getInt("activeDisclosure.licensing")).isEqualTo(1343);
    given().header("If-None-Match", second.header("ETag")).get(url).then().statusCode(304);

    for (String read :
        List.of(url + "/agencies", "/api/v1/regions/640400/rollups?from=2021&to=2022")) {
      String readTag = given().get(read).then().statusCode(200).extract().header("ETag");
      given().header("If-None-Match", readTag).get(read).then().statusCode(304);
    }
  }

  @Test
  void shouldFollowTheTrendAndCountCarryOverMismatchesAcrossYears() throws Exception {
    String agency = RollupFixture.registerAgency("640205", "trend", 2019, 2020);
    ObjectNode y2019 = naturalResources2024().put("publishedOn", "2020-01-15");
    ObjectNode y2020 = naturalResources2024().put("publishedOn", "2021-01-15");
    put(agency, 2019, y2019).then().statusCode(201);
    put(agency, 2020, y2020).then().statusCode(201);
    // 2020 carried over 4 + 1, but 2019 carried forward 6 + 1.
    String url2020 = "/api/v1/regions/640200/rollups/2020";
    JsonNode before = rollup(url2020);
    assertThat(before.at("/consistency/carryOverMismatches").intValue()).isEqualTo(1);
    assertThat(before.at("/consistency/carryOverExplained").intValue()).isZero();
    // Explained by the agency: counted, as a region whose sums count a mismatch reads them.
    AsOfFastPathTest.explainWarnings(agency, 2020);
    assertThat(rollup(url2020).at("/consistency/carryOverExplained").intValue()).isEqualTo(1);
    String tag = given().get(url2020).header("ETag");

    // Correcting 2019 (two more requests granted, two fewer carried forward) mends 2020.
    for (String column : List.of("naturalPerson", "total")) {
      for (String row : List.of("/requests/outcomes/granted", "/requests/outcomes/total")) {
        at(y2019, row).put(column, y2019.at(row + "/" + column).intValue() + 2);
      }
      at(y2019, "/requests/carriedForward")
          .put(column, y2019.at("/requests/carriedForward/" + column).intValue() - 2);
    }
    put(agency, 2019, y2019).then().statusCode(200);
    assertThat(rollup(url2020).at("/consistency/carryOverMismatches").intValue()).isZero();
    assertThat(given().get(url2020).header("ETag")).isNotEqualTo(tag);

    JsonNode trend = rollup("/api/v1/regions/640200/rollups?from=2018&to=2020");
    assertThat(trend.at("/region/code").textValue()).isEqualTo("640200");
    assertThat(trend.at("/from").intValue()).isEqualTo(2018);
    assertThat(trend.get("years").size()).isEqualTo(3);
    JsonNode none = trend.at("/years/0");
    assertThat(none.get("year").intValue()).isEqualTo(2018);
    assertThat(none.get("expected").intValue()).isZero();
    assertThat(none.get("reported").intValue()).isZero();
    assertThat(none.get("newlyReceived").longValue()).isZero();
    assertThat(none.at("/indicators/disclosureRate").isNull()).isTrue();
    JsonNode y19 = trend.at("/years/1");
    assertThat(y19.get("expected").intValue()).isEqualTo(1);
    assertThat(y19.get("reported").intValue()).isEqualTo(1);
    assertThat(y19.get("late").intValue()).isZero();
    assertThat(y19.get("newlyReceived").longValue()).isEqualTo(104);
    assertThat(y19.get("granted").longValue()).isEqualTo(52);
    assertThat(y19.get("totalHandled").longValue()).isEqualTo(104);
    assertThat(y19.get("carriedForward").longValue()).isEqualTo(5);
    assertThat(y19.get("feesAmount").textValue()).isEqualTo("356.4821");
    assertThat(y19.at("/indicators/disclosureRate").decimalValue())
        .isEqualByComparingTo(
            new BigDecimal(52 + 11).divide(new BigDecimal(104), 4, RoundingMode.HALF_UP));
    JsonNode y20 = trend.at("/years/2");
    assertThat(y20.get("granted").longValue()).isEqualTo(50);
    assertThat(y20.get("totalHandled").longValue()).isEqualTo(102);
    assertThat(y20.get("denied").longValue()).isEqualTo(12);
    assertThat(y20.get("reviewTotal").longValue()).isEqualTo(5);
    assertThat(y20.get("litigationTotal").longValue()).isEqualTo(5);
  }

  @Test
  void shouldDropAReportFromEveryRollupWhenItsContributionIsRemoved() {
    String agency = RollupFixture.registerAgency("640106", "withdrawn", 2017);
    put(agency, 2017, naturalResources2024().put("publishedOn", "2018-01-10"))
        .then()
        .statusCode(201);
    String url = "/api/v1/regions/640100/rollups/2017";
    assertThat(rollup(url).at("/requests/newlyReceived/total").longValue()).isEqualTo(104);
    String tag = given().get(url).header("ETag");

    // What withdrawal fires, inside its transaction, when a withdrawn revision becomes current.
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                withdrawals.fire(
                    new ReportWithdrawn(
                        Agency.findByCode(agency).orElseThrow().id, 2017, Instant.now())));

    JsonNode after = rollup(url);
    assertThat(after.at("/requests/newlyReceived/total").longValue()).isZero();
    assertThat(after.at("/activeDisclosure/feesAmount").textValue()).isEqualTo("0");
    assertThat(after.at("/completeness/reported").intValue()).isZero();
    assertThat(after.at("/completeness/missing/0/code").textValue()).isEqualTo(agency);
    assertThat(given().get(url).header("ETag")).isNotEqualTo(tag);
    JsonNode row = rollup(url + "/agencies").at("/items/0");
    assertThat(row.get("reported").booleanValue()).isFalse();
    String csv = given().get("/api/v1/reports.csv?year=2017&division=640100").asString();
    assertThat(csv.lines().count()).isEqualTo(1);
  }

  @Test
  void shouldCountAReportWhereItsAgencyNowIs() {
    String agency = RollupFixture.registerAgency("640104", "moving", 2015);
    put(agency, 2015, naturalResources2024().put("publishedOn", "2016-01-10"))
        .then()
        .statusCode(201);
    assertThat(
            rollup("/api/v1/regions/640100/rollups/2015").at("/completeness/reported").intValue())
        .isEqualTo(1);

    admin()
        .contentType("application/merge-patch+json")
        .body(Map.of("divisionCode", "640205"))
        .patch("/api/v1/agencies/" + agency)
        .then()
        .statusCode(200);

    JsonNode left = rollup("/api/v1/regions/640100/rollups/2015");
    assertThat(left.at("/completeness/reported").intValue()).isZero();
    assertThat(left.at("/requests/newlyReceived/total").longValue()).isZero();
    JsonNode arrived = rollup("/api/v1/regions/640200/rollups/2015");
    assertThat(arrived.at("/completeness/reported").intValue()).isEqualTo(1);
    assertThat(arrived.at("/requests/newlyReceived/total").longValue()).isEqualTo(104);
    assertThat(arrived.at("/activeDisclosure/feesAmount").textValue()).isEqualTo("356.4821");
  }

  // --- helpers ----------------------------------------------------------------------------

  /** Every cell of the three tables equals the sum over the reports computed from the fixtures. */
  private static void assertSums(JsonNode rollup, List<Submitted> reports) {
    Map<String, BigDecimal> expected = RollupFixture.sums(reports);
    Map<String, BigDecimal> actual = new LinkedHashMap<>();
    for (String section : RollupFixture.SECTIONS) {
      RollupFixture.leaves(rollup.get(section), "/" + section, actual);
    }
    assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach(
        (pointer, sum) -> assertThat(actual.get(pointer)).as(pointer).isEqualByComparingTo(sum));
  }

  static JsonNode rollup(String url) {
    String body =
        given().accept("application/json").get(url).then().statusCode(200).extract().asString();
    try {
      return JSON.readTree(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Response put(String agency, int year, ObjectNode report) {
    return admin()
        .contentType("application/json")
        .body(report.toString())
        .put(reportPath(agency, year));
  }
}
