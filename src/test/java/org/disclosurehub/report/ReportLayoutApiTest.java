package org.disclosurehub.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.zhongweiCivilAffairs2024;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReportLayoutApiTest {

  @Test
  void shouldListEveryCellOfTheFormWithItsLabelsTypeAndRules() {
    JsonPath layout =
        given().get("/api/v1/report-layout").then().statusCode(200).extract().jsonPath();
    List<Map<String, Object>> cells = layout.getList("cells");

    // 二: 10 cells, 三: 25 rows × 7 columns, 四: 3 blocks × 5 columns; then the 22 cells of the
    // 2019 trial format's Table 二.
    assertThat(cells).hasSize(200 + 22);
    assertThat(cells.subList(0, 200))
        .allSatisfy(c -> assertThat(c).containsEntry("format", "2021"));
    assertThat(cells.subList(200, 222))
        .allSatisfy(c -> assertThat(c).containsEntry("format", "2019"));
    assertThat(cell(cells, "/activeDisclosure2019/licensing/change"))
        .containsEntry("table", "二")
        .containsEntry("row", "行政许可")
        .containsEntry("column", "本年增/减")
        .containsEntry("type", "count")
        .containsEntry("rules", List.of());
    assertThat(cell(cells, "/activeDisclosure2019/procurement/totalAmount"))
        .containsEntry("row", "政府集中采购")
        .containsEntry("type", "amount")
        .containsEntry("rules", List.of("NON_NEGATIVE"));
    assertThat(cells.get(0))
        .containsEntry("pointer", "/activeDisclosure/regulations/issued")
        .containsEntry("table", "二")
        .containsEntry("tableTitle", "二、主动公开政府信息情况")
        .containsEntry("row", "规章")
        .containsEntry("column", "本年制发件数")
        .containsEntry("type", "count")
        .containsEntry("rules", List.of("NON_NEGATIVE", "IN_FORCE"));
    assertThat(cell(cells, "/activeDisclosure/feesAmount"))
        .containsEntry("type", "amount")
        .containsEntry("column", "本年收费金额（万元）");
    assertThat(cell(cells, "/requests/carriedOver/naturalPerson"))
        .containsEntry("table", "三")
        .containsEntry("row", "二、上年结转政府信息公开申请数量")
        .containsEntry("column", "自然人")
        .containsEntry("label", "二、上年结转政府信息公开申请数量 · 自然人")
        .containsEntry("rules", List.of("ROW_TOTAL", "BALANCE", "NON_NEGATIVE", "CARRY_OVER"));
    assertThat(cell(cells, "/requests/outcomes/denied/stateSecret/total"))
        .containsEntry("row", "三(三)1 属于国家秘密")
        .containsEntry("rules", List.of("ROW_TOTAL", "OUTCOME_TOTAL", "NON_NEGATIVE"));
    assertThat(cell(cells, "/reviews/litigationDirect/corrected"))
        .containsEntry("table", "四")
        .containsEntry("row", "行政诉讼 未经复议直接起诉")
        .containsEntry("column", "结果纠正")
        .containsEntry("rules", List.of("REVIEW_TOTAL", "NON_NEGATIVE"));

    assertThat(layout.getList("rules.id"))
        .containsExactly(
            "ROW_TOTAL",
            "OUTCOME_TOTAL",
            "BALANCE",
            "REVIEW_TOTAL",
            "NON_NEGATIVE",
            "CARRY_OVER",
            "IN_FORCE",
            "NARRATIVE_MISMATCH",
            "TEXT_REUSE",
            "YEAR_JUMP");
    assertThat(layout.getList("rules.blocking"))
        .containsExactly(true, true, true, true, true, false, false, false, false, false);
  }

  @Test
  void shouldPointAtEveryNumberOfARealReportExactlyOnce() {
    JsonNode report = zhongweiCivilAffairs2024();
    List<String> pointers =
        given()
            .get("/api/v1/report-layout")
            .then()
            .extract()
            .jsonPath()
            .getList("cells.findAll { it.format == '2021' }.pointer");

    assertThat(pointers).doesNotHaveDuplicates();
    for (String pointer : pointers) {
      assertThat(report.at(pointer).isMissingNode()).as(pointer).isFalse();
    }
    assertThat(pointers)
        .hasSize(
            numbersIn(report.path("activeDisclosure"))
                + numbersIn(report.path("requests"))
                + numbersIn(report.path("reviews")));
  }

  private static int numbersIn(JsonNode node) {
    if (node.isObject()) {
      int n = 0;
      for (JsonNode child : node) {
        n += numbersIn(child);
      }
      return n;
    }
    return 1;
  }

  private static Map<String, Object> cell(List<Map<String, Object>> cells, String pointer) {
    return cells.stream().filter(c -> pointer.equals(c.get("pointer"))).findFirst().orElseThrow();
  }
}
