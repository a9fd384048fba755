package org.disclosurehub.pages;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.newAgencyCode;
import static org.disclosurehub.Fixtures.reportPath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A region page compares its year's figures with the year before's as the API sums both years
 * (issue 28: the year before is taken from the trend's sums, not read again): the changes shown are
 * those between the two roll-ups, with a report of the year before outside that year's roster left
 * out. Agencies here lie in 拉萨市 (5401), which no other test uses.
 */
@QuarkusTest
class RegionPageYearBeforeTest {
  private static final String CITY = "540100";
  private static final int YEAR = 2024;

  @Test
  void shouldCompareEachFigureWithTheYearBeforeAsTheApiSumsIt() {
    String steady = register("540102", "拉萨市城关区民政局");
    submit(steady, YEAR - 1, scaled(1));
    submit(steady, YEAR, scaled(3));
    String growing = register("540103", "堆龙德庆区司法局");
    submit(growing, YEAR - 1, scaled(2));
    submit(growing, YEAR, scaled(5));
    // Filed for the year before, but off that year's roster: counted nowhere in it.
    String abolished = register("540100", "拉萨市档案局");
    submit(abolished, YEAR - 1, scaled(7));
    admin()
        .contentType("application/json")
        .body(Map.of("expected", false, "cause", "abolished", "reason", "撤销"))
        .post("/api/v1/agencies/" + abolished + "/roster/" + (YEAR - 1))
        .then()
        .statusCode(201);

    JsonPath now = rollup(YEAR);
    JsonPath before = rollup(YEAR - 1);
    assertThat(before.getInt("completeness.reported")).isEqualTo(2);
    List<String> changes =
        RegionPageFixture.html("/regions/" + CITY + "/" + YEAR)
            .select(".figure dd.change")
            .eachText();
    assertThat(changes)
        .containsExactly(
            "较上年 " + change(now, before, "requests.newlyReceived.total"),
            "较上年 " + change(now, before, "requests.outcomes.total.total"),
            "较上年 "
                + Figures.pointsChange(
                    rate(now, "indicators.disclosureRate"),
                    rate(before, "indicators.disclosureRate")),
            "较上年 " + change(now, before, "reviews.administrativeReview.total"),
            "较上年 " + Figures.change(litigation(now), litigation(before)),
            "较上年 " + change(now, before, "publishedItems.total"));
    assertThat(changes.get(0)).doesNotContain("±");
  }

  private static String change(JsonPath now, JsonPath before, String path) {
    return Figures.change(now.getLong(path), before.getLong(path));
  }

  private static long litigation(JsonPath rollup) {
    return rollup.getLong("reviews.litigationDirect.total")
        + rollup.getLong("reviews.litigationAfterReview.total");
  }

  private static BigDecimal rate(JsonPath rollup, String path) {
    String rate = rollup.getString(path);
    return rate == null ? null : new BigDecimal(rate);
  }

  private static JsonPath rollup(int year) {
    return given()
        .get("/api/v1/regions/" + CITY + "/rollups/" + year)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static String register(String division, String name) {
    String code = newAgencyCode("before");
    admin()
        .contentType("application/json")
        .body(Map.of("code", code, "name", name, "divisionCode", division, "activeFrom", YEAR - 1))
        .post("/api/v1/agencies")
        .then()
        .statusCode(201);
    return code;
  }

  private static void submit(String agency, int year, ObjectNode report) {
    admin()
        .contentType("application/json")
        .body(report.toString())
        .put(reportPath(agency, year))
        .then()
        .statusCode(201);
  }

  /** The busy bureau's report with every count multiplied (the rules still hold). */
  private static ObjectNode scaled(int factor) {
    ObjectNode report = naturalResources2024();
    multiply(report.get("requests"), factor);
    multiply(report.get("reviews"), factor);
    return report;
  }

  private static void multiply(JsonNode node, int factor) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (field.getValue().isInt()) {
        ((ObjectNode) node).put(field.getKey(), field.getValue().intValue() * factor);
      } else if (field.getValue().isObject()) {
        multiply(field.getValue(), factor);
      }
    }
  }
}
