package org.disclosurehub.rollup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.JSON;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.registerNamed;
import static org.disclosurehub.Fixtures.reportPath;
import static org.disclosurehub.Fixtures.text;
import static org.disclosurehub.Fixtures.withOverview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The plausibility warnings in the roll-ups of 贺州市 (451100): how many reports have each and whose,
 * per agency, in CSV, and a tag that changes when a neighbour's change changes them.
 */
@QuarkusTest
class PlausibilityRollupTest {
  private static final String CITY = "/api/v1/regions/451100/rollups/2024";

  @Test
  void shouldCountAndNameTheReportsWithEachWarning() throws Exception {
    String mismatched = registerNamed("451102", "贺州市自然资源局");
    String clean = registerNamed("451102", "贺州市民政局");
    String original = registerNamed("451102", "贺州市住房和城乡建设局");
    String copy = registerNamed("451121", "昭平县住房和城乡建设局");
    String narrative = text("/narratives/natural-resources-2024-rewritten.txt");
    put(mismatched, 2024, withOverview(naturalResources2024(), "全年共收到政府信息公开申请75件。"));
    put(clean, 2024, naturalResources2024());
    put(original, 2024, withOverview(naturalResources2024(), narrative));
    String countyTag =
        given()
            .get("/api/v1/regions/451102/rollups/2024?scope=own")
            .then()
            .extract()
            .header("ETag");

    // A report of another county copies the original: the original's county sees it too.
    put(copy, 2024, withOverview(naturalResources2024(), narrative));

    JsonNode rollup = JSON.readTree(given().get(CITY).then().statusCode(200).extract().asString());
    JsonNode warnings = rollup.at("/consistency/warnings");
    assertThat(warnings.get(0).get("rule").asText()).isEqualTo("NARRATIVE_MISMATCH");
    assertThat(warnings.get(0).get("reports").intValue()).isEqualTo(1);
    assertThat(warnings.get(0).get("agencies").get(0).asText()).isEqualTo(mismatched);
    assertThat(warnings.get(1).get("rule").asText()).isEqualTo("TEXT_REUSE");
    assertThat(warnings.get(1).get("reports").intValue()).isEqualTo(2);
    assertThat(warnings.get(2).get("rule").asText()).isEqualTo("YEAR_JUMP");
    assertThat(warnings.get(2).get("reports").intValue()).isZero();
    given()
        .header("If-None-Match", countyTag)
        .get("/api/v1/regions/451102/rollups/2024?scope=own")
        .then()
        .statusCode(200);

    JsonNode rows =
        JSON.readTree(given().get(CITY + "/agencies").then().statusCode(200).extract().asString())
            .get("items");
    for (JsonNode row : rows) {
      String code = row.get("code").asText();
      if (code.equals(mismatched)) {
        assertThat(row.get("warnings").get(0).asText()).isEqualTo("NARRATIVE_MISMATCH");
      } else if (code.equals(clean)) {
        assertThat(row.get("warnings")).isEmpty();
      } else if (code.equals(copy) || code.equals(original)) {
        assertThat(row.get("warnings").get(0).asText()).isEqualTo("TEXT_REUSE");
      }
    }

    // The open-data file names each report's warnings.
    String reports =
        given().get("/api/v1/reports.csv?year=2024&division=451100").then().extract().asString();
    assertThat(
            reports.lines().filter(l -> l.startsWith(mismatched + ",")).findFirst().orElseThrow())
        .contains(",NARRATIVE_MISMATCH,");
    assertThat(reports.lines().filter(l -> l.startsWith(clean + ",")).findFirst().orElseThrow())
        .doesNotContain("NARRATIVE_MISMATCH")
        .doesNotContain("TEXT_REUSE");
    String csv = given().accept("text/csv").get(CITY).then().statusCode(200).extract().asString();
    assertThat(csv)
        .contains("consistency,warnings/0,reports,NARRATIVE_MISMATCH 叙述中的数字与表格不一致的报告数,1");
    String agencies =
        given()
            .accept("text/csv")
            .get(CITY + "/agencies")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(agencies.lines().findFirst().orElseThrow()).contains(",warnings,");
    assertThat(agencies).contains(mismatched);
    assertThat(
            agencies.lines().filter(l -> l.startsWith(mismatched + ",")).findFirst().orElseThrow())
        .contains(",NARRATIVE_MISMATCH,");
  }

  @Test
  void shouldCountAJumpUntilTheYearBeforeIsCorrected() throws Exception {
    String agency = registerNamed("451123", "富川瑶族自治县自然资源局");
    ObjectNode lastYear = naturalResources2024();
    lastYear.with("activeDisclosure").put("licensing", 134);
    put(agency, 2023, lastYear);
    put(agency, 2024, naturalResources2024());
    String path = "/api/v1/regions/451123/rollups/2024";
    var before = given().get(path).then().extract();
    assertThat(JSON.readTree(before.asString()).at("/consistency/warnings/2/agencies/0").asText())
        .isEqualTo(agency);

    lastYear.with("activeDisclosure").put("licensing", 1290);
    put(agency, 2023, lastYear);

    var after =
        given()
            .header("If-None-Match", before.header("ETag"))
            .get(path)
            .then()
            .statusCode(200)
            .extract();
    assertThat(JSON.readTree(after.asString()).at("/consistency/warnings/2/reports").intValue())
        .isZero();
  }

  private static void put(String agency, int year, ObjectNode report) {
    admin()
        .contentType("application/json")
        .body(report.toString())
        .put(reportPath(agency, year))
        .then()
        .statusCode(
            org.hamcrest.Matchers.anyOf(
                org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));
  }
}
