package org.disclosurehub.rollup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.carryingOver2020;
import static org.disclosurehub.Fixtures.marketRegulation2020Trial;
import static org.disclosurehub.Fixtures.naturalResources2024;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Roll-ups and trends over years in both formats, in 昆明市五华区 (530102), where no other test reports.
 * Agency A files 2020 in the 2019 trial format and 2021 in the national format, carrying over what
 * 2020 carried forward; agency B files 2020 in the national format. So 2020 mixes the two formats
 * and the trend crosses the change.
 */
@QuarkusTest
class TrialFormatRollupTest {
  private static final String REGION = "530102";
  private static Fixture fixture;

  private record Fixture(
      String trial, String national, ObjectNode a2020, ObjectNode a2021, ObjectNode b2020) {}

  /** Stores the region's reports (once), for tests that read its roll-ups. */
  static void storeFixture() {
    fixture();
  }

  private static synchronized Fixture fixture() {
    if (fixture == null) {
      String a = RollupFixture.registerAgency(REGION, "trial-a", 2020, 2021);
      String b = RollupFixture.registerAgency(REGION, "trial-b", 2020, 2020);
      ObjectNode a2020 = marketRegulation2020Trial();
      ObjectNode a2021 = carryingOver2020(naturalResources2024().put("publishedOn", "2022-01-20"));
      ObjectNode b2020 = naturalResources2024().put("publishedOn", "2021-01-20");
      RollupTest.put(a, 2020, a2020).then().statusCode(201);
      RollupTest.put(a, 2021, a2021).then().statusCode(201);
      RollupTest.put(b, 2020, b2020).then().statusCode(201);
      fixture = new Fixture(a, b, a2020, a2021, b2020);
    }
    return fixture;
  }

  @Test
  void shouldSumTables3And4OverBothFormatsAndTable2WhereTheyCountTheSame() {
    Fixture f = fixture();
    JsonNode rollup = RollupTest.rollup("/api/v1/regions/" + REGION + "/rollups/2020");

    assertThat(rollup.get("formats")).isEqualTo(json(Map.of("2019", 1, "2021", 1)));
    assertThat(rollup.at("/completeness/reported").intValue()).isEqualTo(2);
    // Tables 三 and 四: one series, cell by cell (rows 三(六)1, 2 are 0 in the 2019 report).
    Map<String, BigDecimal> expected =
        RollupFixture.leaves(
            f.a2020().get("requests"), "/requests", new java.util.LinkedHashMap<>());
    RollupFixture.leaves(f.a2020().get("reviews"), "/reviews", expected);
    RollupFixture.leaves(f.b2020().get("requests"), "/requests", expected);
    RollupFixture.leaves(f.b2020().get("reviews"), "/reviews", expected);
    expected.forEach(
        (pointer, sum) ->
            assertThat(rollup.at(pointer).decimalValue()).as(pointer).isEqualByComparingTo(sum));
    assertThat(rollup.at("/requests/outcomes/otherHandling/other/total").intValue())
        .isEqualTo(4 + f.b2020().at("/requests/outcomes/otherHandling/other/total").intValue());
    assertThat(rollup.at("/requests/newlyReceived/total").intValue()).isEqualTo(148 + 104);

    // Table 二 of 2021: 处理决定数量 of 行政许可, 行政处罚, 行政强制 count in both formats; the rest only in 2021's.
    assertThat(rollup.at("/activeDisclosure/licensing").intValue()).isEqualTo(1342 + 1208);
    assertThat(rollup.at("/activeDisclosure/penalties").intValue()).isEqualTo(87 + 112);
    assertThat(rollup.at("/activeDisclosure/compulsoryMeasures").intValue()).isEqualTo(6 + 8);
    assertThat(rollup.at("/activeDisclosure/normativeDocuments/issued").intValue()).isEqualTo(5);
    assertThat(rollup.at("/activeDisclosure/feesAmount").textValue()).isEqualTo("356.4821");

    // Table 二 of 2019: over the 2019 reports, 采购总金额 in 万元 (1,263,850.36 元).
    JsonNode trial = rollup.get("activeDisclosure2019");
    assertThat(trial.at("/licensing/decisions").intValue()).isEqualTo(1208);
    assertThat(trial.at("/licensing/change").intValue()).isEqualTo(-2);
    assertThat(trial.at("/otherManagementServices/decisions").intValue()).isEqualTo(37);
    assertThat(trial.at("/normativeDocuments/publishedTotal").intValue()).isEqualTo(41);
    assertThat(trial.at("/fees/change").intValue()).isEqualTo(-1);
    assertThat(trial.at("/procurement/projects").intValue()).isEqualTo(7);
    assertThat(trial.at("/procurement/totalAmount").textValue()).isEqualTo("126.385036");
    assertThat(trial.at("/procurement/unit").textValue()).isEqualTo("万元");

    // 2021 has one report, in the national format, carrying over what 2020 carried forward.
    JsonNode next = RollupTest.rollup("/api/v1/regions/" + REGION + "/rollups/2021");
    assertThat(next.get("formats")).isEqualTo(json(Map.of("2019", 0, "2021", 1)));
    assertThat(next.at("/activeDisclosure2019/licensing/decisions").intValue()).isZero();
    assertThat(next.at("/consistency/carryOverMismatches").intValue()).isZero();
  }

  @Test
  void shouldSayTheFormatsOfEachYearOfATrend() {
    fixture();
    JsonNode trend = RollupTest.rollup("/api/v1/regions/" + REGION + "/rollups?from=2019&to=2021");

    List<JsonNode> years =
        List.of(trend.at("/years/0"), trend.at("/years/1"), trend.at("/years/2"));
    assertThat(years.get(0).get("formats")).isEqualTo(json(Map.of("2019", 0, "2021", 0)));
    assertThat(years.get(1).get("formats")).isEqualTo(json(Map.of("2019", 1, "2021", 1)));
    assertThat(years.get(2).get("formats")).isEqualTo(json(Map.of("2019", 0, "2021", 1)));
    assertThat(years.get(1).get("newlyReceived").longValue()).isEqualTo(148 + 104);
    assertThat(years.get(1).get("granted").longValue()).isEqualTo(71 + 50);
    assertThat(years.get(1).get("reviewTotal").longValue()).isEqualTo(7 + 5);
    assertThat(years.get(2).get("newlyReceived").longValue()).isEqualTo(104);
    // 行政事业性收费 (万元) is an amount only in the 2021 format: agency B's.
    assertThat(years.get(1).get("feesAmount").textValue()).isEqualTo("356.4821");

    List<List<String>> csv =
        RollupCsvTest.parse(
            given()
                .accept("text/csv")
                .get("/api/v1/regions/" + REGION + "/rollups?from=2019&to=2021")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());
    int reports2021 = csv.get(0).indexOf("reports2021");
    int reports2019 = csv.get(0).indexOf("reports2019");
    assertThat(reports2021).isPositive();
    assertThat(reports2019).isPositive();
    assertThat(csv.get(2).get(0)).isEqualTo("2020");
    assertThat(csv.get(2).get(reports2019)).isEqualTo("1");
    assertThat(csv.get(2).get(reports2021)).isEqualTo("1");
    assertThat(csv.get(3).get(reports2019)).isEqualTo("0");
  }

  @Test
  void shouldWriteTheCellsOfEachReportInItsOwnFormat() {
    Fixture f = fixture();
    List<List<String>> rows =
        RollupCsvTest.parse(
            given()
                .get("/api/v1/reports.csv?year=2020&division=" + REGION)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());

    // One row per report; a report fills the cells of its own format, the others stay empty.
    List<String> header = rows.get(0);
    List<String> trial = rows.stream().filter(r -> r.get(0).equals(f.trial())).findFirst().get();
    List<String> national =
        rows.stream().filter(r -> r.get(0).equals(f.national())).findFirst().get();
    assertThat(trial.get(header.indexOf("formatVersion"))).isEqualTo("2019");
    assertThat(national.get(header.indexOf("formatVersion"))).isEqualTo("2021");
    for (int c = header.indexOf("warnings") + 1; c < header.indexOf("expected"); c++) {
      String pointer = header.get(c);
      boolean trialTable = pointer.startsWith("/activeDisclosure2019/");
      boolean nationalOnly =
          pointer.startsWith("/activeDisclosure/")
              || pointer.contains("/overdueCorrection/")
              || pointer.contains("/overdueFee/");
      assertThat(trial.get(c).isEmpty()).as("2019 " + pointer).isEqualTo(nationalOnly);
      assertThat(national.get(c).isEmpty()).as("2021 " + pointer).isEqualTo(trialTable);
    }
    // 采购总金额 in 万元 whatever the report printed; 三(六) 其他处理 under 三(六)3.
    assertThat(trial.get(header.indexOf("/activeDisclosure2019/procurement/totalAmount")))
        .isEqualTo("126.385036");
    assertThat(trial.get(header.indexOf("/requests/outcomes/otherHandling/other/total")))
        .isEqualTo("4");
    assertThat(trial.get(header.indexOf("/activeDisclosure2019/licensing/change"))).isEqualTo("-2");

    List<String> zh =
        RollupCsvTest.parse(
                given()
                    .get("/api/v1/reports.csv?year=2020&labels=zh&division=" + REGION)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asByteArray())
            .get(0);
    assertThat(zh.get(header.indexOf("/activeDisclosure2019/procurement/totalAmount")))
        .isEqualTo("2019试行格式 政府集中采购 · 采购总金额（万元）");
    assertThat(zh.get(header.indexOf("/activeDisclosure/licensing"))).isEqualTo("行政许可 · 本年处理决定数量");

    // The roll-up's long table has both Tables 二 and the counts by format.
    List<List<String>> longTable =
        RollupCsvTest.parse(
            given()
                .accept("text/csv")
                .get("/api/v1/regions/" + REGION + "/rollups/2020")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());
    assertThat(longTable)
        .anySatisfy(
            r ->
                assertThat(r)
                    .containsExactly(
                        "activeDisclosure2019", "licensing", "change", "行政许可 · 本年增/减", "-2"));
    assertThat(longTable)
        .anySatisfy(r -> assertThat(r.subList(0, 3)).containsExactly("formats", "2019", ""));
  }

  @Test
  void shouldNameEachAgencysFormatInTheBreakdown() {
    Fixture f = fixture();
    JsonNode page = RollupTest.rollup("/api/v1/regions/" + REGION + "/rollups/2020/agencies");

    assertThat(page.get("items"))
        .anySatisfy(
            r -> {
              assertThat(r.get("code").textValue()).isEqualTo(f.trial());
              assertThat(r.get("formatVersion").textValue()).isEqualTo("2019");
              assertThat(r.get("newlyReceived").intValue()).isEqualTo(148);
            })
        .anySatisfy(
            r -> {
              assertThat(r.get("code").textValue()).isEqualTo(f.national());
              assertThat(r.get("formatVersion").textValue()).isEqualTo("2021");
            });
  }

  @Test
  void shouldPrintEachReportInTheFormOfItsFormatAndARegionInBoth() throws Exception {
    Fixture f = fixture();
    String html = html("/api/v1/regions/" + REGION + "/annual-report/2020");
    // 2020 mixes the formats: the 2021 tables, then the 2019 Table 二 of the trial report.
    assertThat(html)
        .contains("<h2>二、主动公开政府信息情况</h2>")
        .contains("<h2>二、主动公开政府信息情况（2019年试行格式的报告）</h2>")
        .contains("其中 1 份报告为2019年试行格式")
        .contains("data-pointer=\"/activeDisclosure/licensing\">" + (1342 + 1208) + "<")
        .contains("data-pointer=\"/activeDisclosure2019/otherManagementServices/decisions\">37<")
        .contains("<th colspan=\"2\" scope=\"col\">采购总金额（万元）</th>")
        .contains("data-pointer=\"/activeDisclosure2019/procurement/totalAmount\">126.385036<")
        .contains("3.其他");

    String agency = html("/api/v1/agencies/" + f.trial() + "/reports/2020");
    assertThat(agency)
        .contains("2019年试行格式")
        .contains("第二十条第（九）项")
        .contains("其他对外管理服务事项")
        .contains("<th colspan=\"2\" scope=\"row\">（六）其他处理</th>")
        .contains("<th colspan=\"2\" scope=\"col\">采购总金额（元）</th>")
        .contains("data-pointer=\"/activeDisclosure2019/procurement/totalAmount\">1263850.36<")
        .doesNotContain("本年制发件数")
        .doesNotContain("/requests/outcomes/otherHandling/overdueFee");

    byte[] xlsx =
        given()
            .queryParam("format", "xlsx")
            .get("/api/v1/regions/" + REGION + "/annual-report/2020")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    try (var wb =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
      var agencies = wb.getSheet("各机关明细");
      List<String> keys = new java.util.ArrayList<>();
      agencies.getRow(1).forEach(c -> keys.add(c.getStringCellValue()));
      int decisions = keys.indexOf("/activeDisclosure2019/otherManagementServices/decisions");
      int issued = keys.indexOf("/activeDisclosure/normativeDocuments/issued");
      assertThat(decisions).isPositive();
      for (int r = 2; r <= agencies.getLastRowNum(); r++) {
        var row = agencies.getRow(r);
        boolean trial = row.getCell(0).getStringCellValue().equals(f.trial());
        // Each report fills the cells of its own format; the other format's stay empty.
        assertThat(row.getCell(decisions) == null).isEqualTo(!trial);
        assertThat(row.getCell(issued) == null).isEqualTo(trial);
      }
    }
  }

  private static String html(String path) {
    return given()
        .accept("text/html")
        .get(path)
        .then()
        .statusCode(200)
        .contentType("text/html")
        .extract()
        .asString();
  }

  private static JsonNode json(Map<String, Integer> counts) {
    return org.disclosurehub.Fixtures.JSON.valueToTree(new java.util.TreeMap<>(counts));
  }
}
