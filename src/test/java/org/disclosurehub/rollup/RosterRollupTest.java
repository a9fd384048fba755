package org.disclosurehub.rollup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.reportPath;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.disclosurehub.Fixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The roster drives the roll-ups (issue 26): an agency excluded from a year through the roster API
 * is no longer expected there (completeness, the missing list, the region's page and document, the
 * trend), the page says the roster changed and why; included again, everything is as before. And
 * the roll-ups count open and explained warnings apart. Agencies here lie in 乌鲁木齐 (650100) and 克拉玛依
 * (650200), which no other test uses.
 */
@QuarkusTest
class RosterRollupTest {
  private static final String CITY = "650100";
  private static final int YEAR = 2024;

  @Test
  void shouldExpectWhomTheRosterExpects() {
    String filed = agency("650102");
    String abolished = agency("650102");
    String silent = agency("650103");
    String ended = RollupFixture.registerAgency("650103", "roster", 2020, 2022);
    file(filed, YEAR, naturalResources2024());

    JsonPath before = rollup();
    assertThat(before.getInt("completeness.expected")).isEqualTo(3);
    assertThat(before.getList("completeness.missing.code")).containsExactly(abolished, silent);
    Document pageBefore = page();
    assertThat(pageBefore.select("[data-count=expected]").text()).isEqualTo("3");
    assertThat(pageBefore.select("#roster-changed")).isEmpty();
    assertThat(document().select("dl.meta").text()).contains("1 / 3 个应报机关已报送");

    // Abolished in 2024: not expected, not missing; the page says the roster changed and why.
    roster(abolished, Map.of("expected", false, "cause", "abolished", "reason", "2024年撤销"));
    JsonPath excluded = rollup();
    assertThat(excluded.getInt("completeness.expected")).isEqualTo(2);
    assertThat(excluded.getList("completeness.missing.code")).containsExactly(silent);
    Document page = page();
    assertThat(page.select("[data-count=expected]").text()).isEqualTo("2");
    assertThat(page.select("ul.missing li").text()).doesNotContain(abolished);
    assertThat(page.select("#roster-changed [data-agency=" + abolished + "]").attr("data-move"))
        .isEqualTo("left");
    assertThat(page.select("#roster-changed").text()).contains("已撤销", "2024年撤销");
    assertThat(page.select("[data-roster=" + YEAR + "]").text()).contains("有变化");
    assertThat(document().select("dl.meta").text()).contains("1 / 2 个应报机关已报送");
    JsonPath trend = trend();
    assertThat(trend.getInt("years.find { it.year == 2024 }.expected")).isEqualTo(2);
    assertThat(trend.getInt("years.find { it.year == 2024 }.rosterLeft")).isEqualTo(1);
    assertThat(trend.getInt("years.find { it.year == 2023 }.expected")).isEqualTo(3);
    // The next year it is expected again by its span: it joins back.
    assertThat(trend.getInt("years.find { it.year == 2025 }.rosterJoined")).isEqualTo(1);
    given()
        .get("/api/v1/regions/" + CITY + "/rollups/" + YEAR + "/agencies")
        .then()
        .statusCode(200)
        .body("find { it.code == '" + abolished + "' }", equalTo(null));

    // An agency whose years ended in 2022, included for 2024: expected, and missing.
    roster(ended, Map.of("expected", true, "reason", "职能未划转，仍应报送"));
    JsonPath included = rollup();
    assertThat(included.getInt("completeness.expected")).isEqualTo(3);
    assertThat(included.getList("completeness.missing.code")).containsExactly(silent, ended);
    assertThat(page().select("#roster-changed [data-agency=" + ended + "]").attr("data-move"))
        .isEqualTo("joined");

    // Both back as their spans have it: as before.
    roster(abolished, Map.of("expected", true, "reason", "撤销决定未执行"));
    roster(ended, Map.of("expected", false, "cause", "not_reporting", "reason", "非报告主体"));
    JsonPath restored = rollup();
    assertThat(restored.getInt("completeness.expected")).isEqualTo(3);
    assertThat(restored.getList("completeness.missing.code")).containsExactly(abolished, silent);
    assertThat(page().select("#roster-changed")).isEmpty();
    assertThat(document().select("dl.meta").text()).contains("1 / 3 个应报机关已报送");
    assertThat(trend().getInt("years.find { it.year == 2024 }.rosterLeft")).isZero();
  }

  @Test
  void shouldCountOpenAndExplainedWarningsApart() {
    String agency = agency("650202");
    ObjectNode earlier = naturalResources2024();
    earlier.put("publishedOn", "2024-01-20");
    Fixtures.at(earlier, "/activeDisclosure").put("licensing", 134);
    file(agency, YEAR - 1, earlier);
    file(agency, YEAR, naturalResources2024());

    JsonPath open = rollup("650202");
    assertThat(open.getInt("consistency.warnings.find { it.rule == 'YEAR_JUMP' }.open"))
        .isEqualTo(1);
    assertThat(open.getInt("consistency.warnings.find { it.rule == 'YEAR_JUMP' }.explained"))
        .isZero();
    int openBefore = open.getInt("consistency.warningTotals.open");
    assertThat(open.getInt("consistency.warningTotals.explained")).isZero();

    String review = reportPath(agency, YEAR) + "/review";
    String tag = given().get(review).then().statusCode(200).extract().header("ETag");
    admin()
        .contentType("application/json")
        .header("If-Match", tag)
        .body(
            Map.of(
                "action", "explained",
                "rule", "YEAR_JUMP",
                "path", "/activeDisclosure/licensing",
                "text", "承接下放审批事项"))
        .post(review + "/warnings")
        .then()
        .statusCode(201);

    JsonPath explained = rollup("650202");
    assertThat(explained.getInt("consistency.warnings.find { it.rule == 'YEAR_JUMP' }.open"))
        .isZero();
    assertThat(explained.getList("consistency.warnings.find { it.rule == 'YEAR_JUMP' }.agencies"))
        .containsExactly(agency);
    assertThat(
            explained.getList(
                "consistency.warnings.find { it.rule == 'YEAR_JUMP' }.explainedAgencies"))
        .containsExactly(agency);
    assertThat(explained.getInt("consistency.warningTotals.open")).isEqualTo(openBefore - 1);
    assertThat(explained.getInt("consistency.warningTotals.explained")).isEqualTo(1);
    Document page = page("650202");
    assertThat(page.select("[data-count=explainedWarnings]").text()).isEqualTo("1");
    assertThat(page.select("ul.warned[data-rule=YEAR_JUMP] li[data-explained]").attr("data-agency"))
        .isEqualTo(agency);
    assertThat(document("650202").select("dl.meta").text()).contains("已说明 1 项");
  }

  /**
   * An agency excluded from the year (merged into another, which reports its work) that files
   * anyway: its report is kept and readable, but the region's figures leave it out (the sums, the
   * completeness, the trend, the page, the document, the notice); the breakdown and the CSV files
   * list it with the roster's state. Included again, it counts. 克拉玛依区 (650203) only.
   */
  @Test
  void shouldLeaveAReportFiledOffTheRosterOutOfTheRegionsFigures() {
    String county = "650203";
    String kept = agency(county);
    String merged = agency(county);
    file(kept, YEAR, naturalResources2024());
    JsonPath alone = rollup(county);
    roster(
        merged,
        Map.of("expected", false, "cause", "merged", "mergedInto", kept, "reason", "机构改革并入"));

    ObjectNode late = Fixtures.distinctCells2024();
    late.put("publishedOn", "2025-03-01");
    file(merged, YEAR, late);
    given().get(reportPath(merged, YEAR)).then().statusCode(200);

    JsonPath excluded = rollup(county);
    assertThat(excluded.getInt("completeness.expected")).isEqualTo(1);
    assertThat(excluded.getInt("completeness.reported")).isEqualTo(1);
    assertThat(excluded.getInt("completeness.onTime")).isEqualTo(1);
    assertThat(excluded.getInt("completeness.late")).isZero();
    assertThat(excluded.getList("completeness.missing")).isEmpty();
    assertThat(excluded.getList("completeness.outsideRoster.code")).containsExactly(merged);
    // Not summed twice: the tables are the roster's reports' alone.
    assertThat(excluded.getMap("requests")).isEqualTo(alone.getMap("requests"));
    assertThat(excluded.getMap("activeDisclosure")).isEqualTo(alone.getMap("activeDisclosure"));
    assertThat(excluded.getMap("reviews")).isEqualTo(alone.getMap("reviews"));
    assertThat(excluded.getMap("formats")).isEqualTo(alone.getMap("formats"));
    JsonPath trend =
        given()
            .queryParam("from", 2024)
            .queryParam("to", 2024)
            .get("/api/v1/regions/" + county + "/rollups")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(trend.getInt("years[0].reported")).isEqualTo(1);
    assertThat(trend.getInt("years[0].late")).isZero();
    assertThat(trend.getInt("years[0].newlyReceived"))
        .isEqualTo(alone.getInt("requests.newlyReceived.total"));

    Document page = page(county);
    assertThat(page.select("[data-count=reported]").text()).isEqualTo("1");
    assertThat(page.select("[data-count=late]").text()).isEqualTo("0");
    // The city's page counts its counties the same way: 克拉玛依区 expected 1, reported 1, late 0.
    assertThat(
            page("650200")
                .select("a[href=/regions/" + county + "/" + YEAR + "]")
                .parents()
                .select("tr")
                .first()
                .select("td")
                .eachText())
        .containsExactly("1", "1", "0", "0");
    Document document = document(county);
    assertThat(document.select("dl.meta").text()).contains("1 / 1 个应报机关已报送（按时 1，逾期 0，未报送 0）");
    assertThat(document.select("footer").text())
        .contains("不在应报名单、未纳入汇总的报告（1 个）")
        .contains("纳入汇总的机关（1 个）");
    JsonPath notice =
        given()
            .queryParam("format", "json")
            .get("/api/v1/regions/" + county + "/inspection/" + YEAR)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(notice.getInt("summary.filed")).isEqualTo(1);
    assertThat(notice.getInt("summary.late")).isZero();
    assertThat(notice.getList("excluded.agency")).containsExactly(merged);

    // The breakdown lists it with the roster's state; so do its CSV and reports.csv.
    JsonPath rows =
        given()
            .get("/api/v1/regions/" + county + "/rollups/" + YEAR + "/agencies")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(rows.getMap("items.find { it.code == '" + merged + "' }"))
        .containsEntry("reported", true)
        .containsEntry("expected", false)
        .containsEntry("rosterCause", "merged")
        .containsEntry("mergedInto", kept);
    assertThat(rows.getMap("items.find { it.code == '" + kept + "' }"))
        .containsEntry("expected", true)
        .containsEntry("rosterCause", null);
    List<List<String>> breakdownCsv =
        RollupCsvTest.parse(
            given()
                .accept("text/csv")
                .get("/api/v1/regions/" + county + "/rollups/" + YEAR + "/agencies")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());
    assertThat(lastThree(breakdownCsv, merged)).containsExactly("false", "merged", kept);
    assertThat(lastThree(breakdownCsv, kept)).containsExactly("true", "", "");
    List<List<String>> reportsCsv =
        RollupCsvTest.parse(
            given()
                .get("/api/v1/reports.csv?year=" + YEAR + "&division=" + county)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());
    assertThat(reportsCsv.get(0).subList(reportsCsv.get(0).size() - 3, reportsCsv.get(0).size()))
        .containsExactly("expected", "rosterCause", "mergedInto");
    assertThat(lastThree(reportsCsv, merged)).containsExactly("false", "merged", kept);

    // Included again: it counts, late as it was published.
    roster(merged, Map.of("expected", true, "reason", "并入决定撤回"));
    JsonPath included = rollup(county);
    assertThat(included.getInt("completeness.expected")).isEqualTo(2);
    assertThat(included.getInt("completeness.reported")).isEqualTo(2);
    assertThat(included.getInt("completeness.late")).isEqualTo(1);
    assertThat(included.getList("completeness.outsideRoster")).isEmpty();
    assertThat(included.getInt("requests.newlyReceived.total"))
        .isGreaterThan(alone.getInt("requests.newlyReceived.total"));
  }

  /**
   * The roster decides who reports: an agency whose active years ended may file for a year the
   * roster includes it in, and is refused, saying why, for one it does not. 白碱滩区 (650204) only.
   */
  @Test
  void shouldLetTheRosterDecideWhoMayFile() {
    String ended = RollupFixture.registerAgency("650204", "roster", 2020, 2022);
    admin()
        .contentType("application/json")
        .body(naturalResources2024().toString())
        .put(reportPath(ended, YEAR))
        .then()
        .statusCode(422)
        .body("type", equalTo("/problems/agency-inactive"))
        .body("detail", org.hamcrest.Matchers.containsString("roster does not include it"));

    roster(ended, Map.of("expected", true, "reason", "职能未划转，仍应报送"));
    file(ended, YEAR, naturalResources2024());
    JsonPath rollup = rollup("650204");
    assertThat(rollup.getInt("completeness.reported")).isEqualTo(1);
    assertThat(rollup.getList("completeness.missing")).isEmpty();

    admin()
        .contentType("application/json")
        .body(naturalResources2024().toString())
        .put(reportPath(ended, YEAR - 1))
        .then()
        .statusCode(422)
        .body("type", equalTo("/problems/agency-inactive"));
  }

  private static List<String> lastThree(List<List<String>> csv, String agency) {
    List<String> row =
        csv.stream()
            .filter(r -> r.get(0).equals(agency))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no row for " + agency));
    return row.subList(row.size() - 3, row.size());
  }

  /** An agency expected from 2020 on. */
  private static String agency(String division) {
    String code = Fixtures.newAgencyCode("roster");
    admin()
        .contentType("application/json")
        .body(
            Map.of(
                "code", code, "name", "测试机关 " + code, "divisionCode", division, "activeFrom", 2020))
        .post("/api/v1/agencies")
        .then()
        .statusCode(201);
    return code;
  }

  private static void file(String agency, int year, ObjectNode report) {
    admin()
        .contentType("application/json")
        .body(report.toString())
        .put(reportPath(agency, year))
        .then()
        .statusCode(201);
  }

  private static void roster(String agency, Map<String, Object> change) {
    admin()
        .contentType("application/json")
        .body(change)
        .post("/api/v1/agencies/" + agency + "/roster/" + YEAR)
        .then()
        .statusCode(201);
  }

  private static JsonPath rollup() {
    return rollup(CITY);
  }

  private static JsonPath rollup(String region) {
    return given()
        .get("/api/v1/regions/" + region + "/rollups/" + YEAR)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static JsonPath trend() {
    return given()
        .queryParam("from", 2022)
        .queryParam("to", 2025)
        .get("/api/v1/regions/" + CITY + "/rollups")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static Document page() {
    return page(CITY);
  }

  private static Document page(String region) {
    return Jsoup.parse(
        given()
            .accept("text/html")
            .get("/regions/" + region + "/" + YEAR)
            .then()
            .statusCode(200)
            .extract()
            .asString());
  }

  private static Document document() {
    return document(CITY);
  }

  private static Document document(String region) {
    return Jsoup.parse(
        given()
            .accept("text/html")
            .get("/api/v1/regions/" + region + "/annual-report/" + YEAR)
            .then()
            .statusCode(200)
            .extract()
            .asString());
  }
}
