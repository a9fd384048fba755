package org.disclosurehub.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.JSON;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.registerNamed;
import static org.disclosurehub.Fixtures.reportPath;
import static org.disclosurehub.Fixtures.text;
import static org.disclosurehub.Fixtures.withOverview;
import static org.disclosurehub.submission.PlausibilityApiTest.put;
import static org.disclosurehub.submission.PlausibilityApiTest.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The plausibility warnings over a report's life outside its own PUT: reports stored before the
 * checks existed are evaluated at start-up, and an agency that moves to another city is compared
 * with its new city's reports, no longer with its old one's. 河池市 (4512) and 来宾市 (4513), where no
 * other test reports.
 */
@QuarkusTest
class PlausibilityLifecycleTest {
  @Inject DataSource database;
  @Inject PlausibilityBackfill backfill;

  @Test
  void shouldEvaluateAtStartUpTheReportsStoredBeforeTheChecks() throws Exception {
    String agency = registerNamed("451202", "金城江区自然资源局");
    put(agency, 2024, withOverview(naturalResources2024(), "全年共收到政府信息公开申请75件。"), 201);
    // As stored before V6__plausibility.sql: the report, no evaluation of it.
    int deleted =
        update(
            "delete from report_plausibility where agency_id = (select id from agency where code = ?)",
            agency);
    assertThat(deleted).isEqualTo(1);
    // The roll-up counts what was evaluated and kept: nothing yet.
    assertThat(rollup("451202").at("/consistency/warnings/0/reports").intValue()).isZero();

    backfill.onStart(null);

    assertThat(rules(read(agency).get("warnings"))).containsExactly("NARRATIVE_MISMATCH");
    JsonNode rollup = rollup("451202");
    JsonNode warning = rollup.at("/consistency/warnings/0");
    assertThat(warning.get("rule").asText()).isEqualTo("NARRATIVE_MISMATCH");
    assertThat(warning.get("reports").intValue()).isEqualTo(1);
    assertThat(warning.get("agencies").get(0).asText()).isEqualTo(agency);
  }

  @Test
  void shouldCompareAnAgencyThatMovesWithItsNewCity() throws Exception {
    String narrative = text("/narratives/natural-resources-2024-rewritten.txt");
    String original = registerNamed("451221", "南丹县自然资源局");
    String copy = registerNamed("451222", "天峨县自然资源局");
    put(original, 2024, withOverview(naturalResources2024(), narrative), 201);
    JsonNode copied = put(copy, 2024, withOverview(naturalResources2024(), narrative), 201);
    assertThat(rules(copied.get("warnings"))).contains("TEXT_REUSE");

    // The copy's agency moves to 来宾市: no report of that city shares its text.
    admin()
        .contentType("application/merge-patch+json")
        .body(Map.of("divisionCode", "451302"))
        .patch("/api/v1/agencies/" + copy)
        .then()
        .statusCode(200);

    assertThat(rules(read(copy).get("warnings"))).doesNotContain("TEXT_REUSE");
    assertThat(rules(read(original).get("warnings"))).doesNotContain("TEXT_REUSE");
    assertThat(
            read(original).at("/textReuse/sameCityAgency").isMissingNode()
                || read(original).at("/textReuse/sameCityAgency").isNull())
        .isTrue();
  }

  private static JsonNode rollup(String region) throws Exception {
    return JSON.readTree(
        given()
            .get("/api/v1/regions/" + region + "/rollups/2024")
            .then()
            .statusCode(200)
            .extract()
            .asString());
  }

  private static JsonNode read(String agency) throws Exception {
    return JSON.readTree(
        given().get(reportPath(agency, 2024)).then().statusCode(200).extract().asString());
  }

  private int update(String sql, String parameter) throws Exception {
    try (Connection c = database.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, parameter);
      return s.executeUpdate();
    }
  }
}
