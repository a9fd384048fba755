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
