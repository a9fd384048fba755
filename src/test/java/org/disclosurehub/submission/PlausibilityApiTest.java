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
import static org.disclosurehub.Fixtures.zhongweiCivilAffairs2024;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * NARRATIVE_MISMATCH, TEXT_REUSE and YEAR_JUMP through PUT and GET: warnings that never block, and
 * that change when a neighbouring year or another report of the city changes. Each test works in a
 * city of its own, so that no other test's narrative is "the same city".
 */
@QuarkusTest
class PlausibilityApiTest {

  @Test
  void shouldWarnWhenTheProseStatesAnotherCountThanTheTables() throws Exception {
    String agency = registerNamed("450302", "桂林市自然资源局");
    ObjectNode report = withOverview(naturalResources2024(), "全年共收到政府信息公开申请75件。");

    JsonNode stored = put(agency, 2024, report, 201);

    JsonNode finding = only(stored.get("warnings"), "NARRATIVE_MISMATCH");
    assertThat(finding.get("path").asText()).isEqualTo("/requests/newlyReceived/total");
    assertThat(finding.get("expected").asText()).isEqualTo("75");
    assertThat(finding.get("actual").asText()).isEqualTo("104");
    assertThat(finding.get("quote").asText()).isEqualTo("全年共收到政府信息公开申请75件。");
    assertThat(finding.get("message").asText())
        .startsWith("一、本年新收政府信息公开申请数量 · 总计 is 104 (109 with 本年新收 + 上年结转)");
    // Read back, the same warning: it is kept, not lost.
    JsonNode read = JSON.readTree(given().get(reportPath(agency, 2024)).asString());
    assertThat(rules(read.get("warnings"))).containsExactly("NARRATIVE_MISMATCH");
  }

  @Test
  void shouldFindNothingInTheSeedOrInProseThatAgrees() throws Exception {
    String seedAgency = registerNamed("450403", "梧州市民政局");
    String busy = registerNamed("450403", "梧州市自然资源局");
    ObjectNode agreeing =
        withOverview(
            naturalResources2024(),
            "2024年，我局共收到政府信息公开申请109件，其中本年新收104件，上年结转5件。全年共办结102件，"
                + "结转下年度继续办理7件。本年度发生政府信息公开行政复议案件5件，行政诉讼5件。");

    JsonNode seed = put(seedAgency, 2024, zhongweiCivilAffairs2024(), 201);
    JsonNode agrees = put(busy, 2024, agreeing, 201);

    assertThat(seed.get("warnings")).isEmpty();
    assertThat(agrees.get("warnings")).isEmpty();
    assertThat(agrees.at("/textReuse/sameCity").decimalValue())
        .isLessThan(new java.math.BigDecimal("0.1"));
  }

  @Test
  void shouldMeasureTextRepeatedFromLastYearAndForgetItWhenLastYearIsCorrected() throws Exception {
    String agency = registerNamed("450502", "北海市自然资源局");
    put(
        agency,
        2023,
        withOverview(naturalResources2024(), text("/narratives/natural-resources-2023.txt")),
        201);

    JsonNode repeated =
        put(
            agency,
            2024,
            withOverview(
                naturalResources2024(), text("/narratives/natural-resources-2024-repeated.txt")),
            201);

    assertThat(repeated.at("/textReuse/previousYear").decimalValue())
        .isGreaterThan(new java.math.BigDecimal("0.85"));
    JsonNode reuse = only(repeated.get("warnings"), "TEXT_REUSE");
    assertThat(reuse.get("path").asText()).isEqualTo("/narrative");
    assertThat(reuse.get("expected").asText()).isEqualTo("<= 0.5");
    assertThat(reuse.get("message").asText()).contains("the agency's 2023 report");

    // 2023 is corrected to other prose: 2024 no longer repeats it, without being stored again.
    put(
        agency,
        2023,
        withOverview(naturalResources2024(), text("/narratives/civil-affairs-2024.txt")),
        200);
    JsonNode read = JSON.readTree(given().get(reportPath(agency, 2024)).asString());
    assertThat(read.at("/textReuse/previousYear").decimalValue())
        .isLessThan(new java.math.BigDecimal("0.1"));
    assertThat(rules(read.get("warnings"))).doesNotContain("TEXT_REUSE");
  }

  @Test
  void shouldMeasureAReportCopiedFromAnotherAgencyOfTheCity() throws Exception {
    String original = registerNamed("450702", "钦州市自然资源局");
    String copy = registerNamed("450721", "灵山县自然资源局");
    String elsewhere = registerNamed("450802", "贵港市自然资源局");
    String narrative = text("/narratives/natural-resources-2024-rewritten.txt");
    put(original, 2024, withOverview(naturalResources2024(), narrative), 201);
    put(elsewhere, 2024, withOverview(naturalResources2024(), narrative), 201);

    JsonNode copied = put(copy, 2024, withOverview(naturalResources2024(), narrative), 201);

    // Another city's identical text is not compared; the same city's is.
    assertThat(copied.at("/textReuse/sameCity").decimalValue()).isEqualByComparingTo("1");
    assertThat(copied.at("/textReuse/sameCityAgency").asText()).isEqualTo(original);
    assertThat(only(copied.get("warnings"), "TEXT_REUSE").get("message").asText())
        .contains("'" + original + "' (same city)");
    // The original now has its twin too, although it was not stored again.
    JsonNode first = JSON.readTree(given().get(reportPath(original, 2024)).asString());
    assertThat(first.at("/textReuse/sameCityAgency").asText()).isEqualTo(copy);
    assertThat(rules(first.get("warnings"))).contains("TEXT_REUSE");

    // The copy is rewritten: both are their own again.
    put(
        copy,
        2024,
        withOverview(naturalResources2024(), text("/narratives/civil-affairs-2024.txt")),
        200);
    first = JSON.readTree(given().get(reportPath(original, 2024)).asString());
    assertThat(first.at("/textReuse/sameCity").decimalValue())
        .isLessThan(new java.math.BigDecimal("0.1"));
    assertThat(rules(first.get("warnings"))).doesNotContain("TEXT_REUSE");
  }

  @Test
  void shouldWarnOfAJumpAndForgetItWhenLastYearIsCorrected() throws Exception {
    String agency = registerNamed("450902", "玉林市自然资源局");
    ObjectNode lastYear = naturalResources2024();
    lastYear.with("activeDisclosure").put("licensing", 134);
    put(agency, 2023, lastYear, 201);

    JsonNode jumped = put(agency, 2024, naturalResources2024(), 201);

    JsonNode finding = only(jumped.get("warnings"), "YEAR_JUMP");
    assertThat(finding.get("path").asText()).isEqualTo("/activeDisclosure/licensing");
    assertThat(finding.get("actual").asText()).isEqualTo("1342");

    lastYear.with("activeDisclosure").put("licensing", 1290);
    put(agency, 2023, lastYear, 200);
    JsonNode read = JSON.readTree(given().get(reportPath(agency, 2024)).asString());
    assertThat(rules(read.get("warnings"))).doesNotContain("YEAR_JUMP");
  }

  @Test
  void shouldWarnOnADryRunWithoutStoringAnything() throws Exception {
    String agency = registerNamed("451002", "百色市自然资源局");
    ObjectNode report = withOverview(naturalResources2024(), "主动公开政府信息1206条。");

    JsonNode dry =
        JSON.readTree(
            admin()
                .contentType("application/json")
                .queryParam("dryRun", true)
                .body(report.toString())
                .put(reportPath(agency, 2024))
                .then()
                .statusCode(200)
                .extract()
                .asString());

    assertThat(only(dry.get("warnings"), "NARRATIVE_MISMATCH").get("path").asText())
        .isEqualTo("/publishedItems/total");
    given().get(reportPath(agency, 2024)).then().statusCode(404);
  }

  static JsonNode put(String agency, int year, ObjectNode report, int status) throws Exception {
    return JSON.readTree(
        admin()
            .contentType("application/json")
            .body(report.toString())
            .put(reportPath(agency, year))
            .then()
            .statusCode(status)
            .extract()
            .asString());
  }

  static JsonNode only(JsonNode warnings, String rule) {
    List<JsonNode> found = new ArrayList<>();
    warnings.forEach(
        w -> {
          if (w.get("rule").asText().equals(rule)) {
            found.add(w);
          }
        });
    assertThat(found).as(rule + " in " + warnings).hasSize(1);
    return found.get(0);
  }

  static List<String> rules(JsonNode warnings) {
    List<String> rules = new ArrayList<>();
    warnings.forEach(w -> rules.add(w.get("rule").asText()));
    return rules;
  }
}
