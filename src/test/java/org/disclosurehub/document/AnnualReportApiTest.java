package org.disclosurehub.document;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.at;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.newAgencyCode;
import static org.disclosurehub.Fixtures.reportPath;
import static org.disclosurehub.Fixtures.zhongweiCivilAffairs2024;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.disclosurehub.report.ReportLayout;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * A region's document through the API: 昆明市 (530100) and its district 530102, with agencies active
 * in one year only, so that no other test's agencies are summed or missed.
 */
@QuarkusTest
class AnnualReportApiTest {
  private static final String CITY = "530100";
  private static final String DISTRICT = "530102";

  /** The agencies of a fixture year: who reported how, and who did not. */
  private record Region(
      int year, String late, String onTime, String district, String broken, String missing) {}

  private static Region submit(int year) {
    String next = (year + 1) + "-01-20";
    // The seed states no publishedOn: late, as it is first submitted long after January.
    String late = report(CITY, year, published(zhongweiCivilAffairs2024(), null), false);
    String onTime = report(CITY, year, published(naturalResources2024(), next), false);
    String district =
        report(DISTRICT, year, published(naturalResources2024(), (year + 1) + "-01-31"), false);
    ObjectNode broken = published(naturalResources2024(), next);
    ObjectNode newly = at(broken, "/requests/newlyReceived");
    newly.put("naturalPerson", newly.get("naturalPerson").intValue() + 1);
    newly.put("total", newly.get("total").intValue() + 1);
    String inconsistent = report(DISTRICT, year, broken, true);
    String missing = agency(DISTRICT, year);
    return new Region(year, late, onTime, district, inconsistent, missing);
  }

  private static ObjectNode published(ObjectNode report, String on) {
    if (on == null) {
      report.remove("publishedOn");
    } else {
      report.put("publishedOn", on);
    }
    return report;
  }

  private static String report(String division, int year, ObjectNode report, boolean inconsistent) {
    String code = agency(division, year);
    admin()
        .contentType("application/json")
        .queryParam("acceptInconsistent", inconsistent)
        .body(report.toString())
        .put(reportPath(code, year))
        .then()
        .statusCode(201);
    return code;
  }

  private static String agency(String division, int year) {
    String code = newAgencyCode("doc");
    admin()
        .contentType("application/json")
        .body(
            Map.of(
                "code", code,
                "name", "文档测试机关 " + code,
                "divisionCode", division,
                "activeFrom", year,
                "activeTo", year))
        .post("/api/v1/agencies")
        .then()
        .statusCode(201);
    return code;
  }

  private static String path(int year) {
    return "/api/v1/regions/" + CITY + "/annual-report/" + year;
  }

  private static JsonNode rollup(int year, String scope) throws IOException {
    return DocumentSamples.JSON.readTree(
        given()
            .queryParam("scope", scope)
            .get("/api/v1/regions/" + CITY + "/rollups/" + year)
            .then()
            .statusCode(200)
            .extract()
            .asString());
  }

  @Test
  void shouldPublishTheRegionsSumsAndNameEveryMissingLateAndInconsistentAgency()
      throws IOException {
    Region region = submit(2012);

    ExtractableResponse<Response> response =
        given().accept("text/html").get(path(2012)).then().statusCode(200).extract();

    assertThat(response.contentType()).isEqualToIgnoringCase("text/html;charset=utf-8");
    assertThat(response.header("Content-Disposition"))
        .isEqualTo(
            "inline; filename=\"region-530100-2012-all.html\"; filename*=UTF-8''"
                + DocumentNames.encode("昆明市_530100_2012年政府信息公开工作年度报告_本行政区域汇总")
                + ".html");
    assertThat(response.header("ETag")).isNotBlank();
    Document page = Jsoup.parse(response.asString());
    assertThat(page.select("dl.meta").text())
        .contains("530100（地级）", "4 / 5 个应报机关已报送（按时 3，逾期 1，未报送 1）");
    // Every printed cell is the roll-up's.
    JsonNode rollup = rollup(2012, "all");
    assertThat(page.select("td[data-pointer]")).hasSize(ReportLayout.CELLS.size());
    for (Element cell : page.select("td[data-pointer]")) {
      JsonNode expected = rollup.at(cell.attr("data-pointer"));
      assertThat(new BigDecimal(cell.text()))
          .as(cell.attr("data-pointer"))
          .isEqualByComparingTo(
              expected.isTextual()
                  ? new BigDecimal(expected.textValue())
                  : expected.decimalValue());
    }
    String footer = page.select("footer").text();
    assertThat(footer)
        .contains(
            "纳入汇总的机关（4 个）",
            region.onTime() + "，" + CITY + "，第 1 版）",
            region.late() + "，" + CITY + "，第 1 版，逾期）",
            region.broken() + "，" + DISTRICT + "，第 1 版，数据不一致）",
            "未报送的机关（1 个） 文档测试机关 " + region.missing() + "（" + region.missing() + "）",
            "逾期报送的机关（1 个，晚于次年1月31日） 文档测试机关 " + region.late(),
            "数据不一致的报告（1 个） 文档测试机关 " + region.broken());
    assertThat(page.select("footer li[data-rule]").eachAttr("data-rule")).contains("BALANCE");

    // The importer reads the page back to the same cells.
    DocumentRoundTripTest.assertSameCells(
        DocumentRoundTripTest.imported(response.asString()).get("report"),
        TableCells.fromJson(rollup));
  }

  @Test
  void shouldAnswerNotModifiedAndServeTheOwnScopeAndTheWorkbook() throws IOException {
    Region region = submit(2011);
    String tag =
        given().accept("text/html").get(path(2011)).then().statusCode(200).extract().header("ETag");
    given().accept("text/html").header("If-None-Match", tag).get(path(2011)).then().statusCode(304);

    Document own =
        Jsoup.parse(
            given()
                .queryParam("scope", "own")
                .get(path(2011))
                .then()
                .statusCode(200)
                .extract()
                .asString());
    assertThat(own.title()).isEqualTo("昆明市2011年政府信息公开工作年度报告（本级）");
    assertThat(own.select("dl.meta").text()).contains("2 / 2 个应报机关已报送");
    JsonNode ownRollup = rollup(2011, "own");
    Element newly = own.selectFirst("td[data-pointer=/requests/newlyReceived/total]");
    assertThat(newly.text()).isEqualTo(ownRollup.at("/requests/newlyReceived/total").asText());

    ExtractableResponse<Response> xlsx =
        given().accept(Workbooks.MEDIA_TYPE).get(path(2011)).then().statusCode(200).extract();
    assertThat(xlsx.contentType()).isEqualTo(Workbooks.MEDIA_TYPE);
    assertThat(xlsx.header("Content-Disposition"))
        .startsWith("attachment; filename=\"region-530100-2011-all.xlsx\"");
    assertThat(xlsx.header("ETag")).isNotEqualTo(tag);
    byte[] byFormat =
        given()
            .queryParam("format", "xlsx")
            .get(path(2011))
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    JsonNode rollup = rollup(2011, "all");
    for (byte[] bytes : List.of(xlsx.asByteArray(), byFormat)) {
      try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
        assertThat(wb.getSheetName(0)).isEqualTo("汇总表");
        Sheet agencies = wb.getSheet("各机关明细");
        assertThat(agencies.getLastRowNum()).isEqualTo(1 + 4);
        int total =
            6
                + ReportLayout.CELLS.stream()
                    .map(ReportLayout.Cell::pointer)
                    .toList()
                    .indexOf("/requests/newlyReceived/total");
        double sum = 0;
        for (int r = 2; r <= agencies.getLastRowNum(); r++) {
          sum += agencies.getRow(r).getCell(total).getNumericCellValue();
        }
        assertThat(sum).isEqualTo(rollup.at("/requests/newlyReceived/total").asDouble());
        StringBuilder findings = new StringBuilder();
        for (Row row : wb.getSheet("报送情况与审核发现")) {
          row.forEach(c -> findings.append(c.toString()).append(' '));
        }
        assertThat(findings.toString())
            .contains(region.missing(), region.late(), region.broken(), "BALANCE");
      }
    }
  }

  /**
   * Pages and documents asked for before are kept rendered by their ETag: the same answer while the
   * data stays, a new one as soon as a report is filed or an agency renamed.
   */
  @Test
  void shouldRenderAgainOnceItsDataChanges() {
    Region region = submit(2013);
    List<String> paths = List.of(path(2013), "/regions/" + CITY + "/2013");
    Map<String, String> before = new java.util.HashMap<>();
    for (String path : paths) {
      given().accept("text/html").get(path).then().statusCode(200); // asked for before
      var first = given().accept("text/html").get(path).then().statusCode(200).extract();
      double rendered = renders();
      var again = given().accept("text/html").get(path).then().statusCode(200).extract();
      assertThat(renders()).as("rendered again: " + path).isEqualTo(rendered);
      assertThat(again.asString()).as(path).isEqualTo(first.asString());
      assertThat(again.contentType()).as(path).isEqualTo(first.contentType());
      assertThat(again.header("Content-Disposition"))
          .as(path)
          .isEqualTo(first.header("Content-Disposition"));
      assertThat(again.header("ETag")).as(path).isEqualTo(first.header("ETag"));
      before.put(path, first.asString());
    }

    String renamed = "改名后的机关 " + region.missing();
    admin()
        .contentType("application/merge-patch+json; charset=UTF-8")
        .body(Map.of("name", renamed))
        .patch("/api/v1/agencies/" + region.missing())
        .then()
        .statusCode(200);
    for (String path : paths) {
      String afterRename = given().accept("text/html").get(path).then().extract().asString();
      assertThat(Jsoup.parse(afterRename).text()).as(path).contains(renamed);
      assertThat(afterRename).as(path).isNotEqualTo(before.get(path));
      before.put(path, afterRename);
    }

    admin()
        .contentType("application/json")
        .body(published(naturalResources2024(), "2014-01-25").toString())
        .put(reportPath(region.missing(), 2013))
        .then()
        .statusCode(201);
    for (String path : paths) {
      String afterFiling = given().accept("text/html").get(path).then().extract().asString();
      assertThat(afterFiling).as(path).isNotEqualTo(before.get(path));
    }
  }

  /**
   * A page asked for the first time is not kept (most such variants are never asked again, and kept
   * bodies nobody reads fill the old generation): its second visitor renders it again and keeps it,
   * the third gets it kept.
   */
  @Test
  void shouldKeepOnlyWhatWasAskedForBefore() {
    submit(2012);
    String path =
        "/regions/" + CITY + "/2012?page=" + (100_000 + new java.util.Random().nextInt(800_000));
    String first =
        given().accept("text/html").get(path).then().statusCode(200).extract().asString();
    double once = renders();
    String second =
        given().accept("text/html").get(path).then().statusCode(200).extract().asString();
    assertThat(renders()).as("rendered again: asked for once before").isEqualTo(once + 1);
    String third =
        given().accept("text/html").get(path).then().statusCode(200).extract().asString();
    assertThat(renders()).as("kept at the second render").isEqualTo(once + 1);
    assertThat(second).isEqualTo(first);
    assertThat(third).isEqualTo(first);
  }

  /**
   * After its data changes, a variant's new body is kept at once only if its last kept body was
   * read: one that nobody read (data changing before every visit, as during a burst of filings) is
   * not followed by another until the new data is asked for twice.
   */
  @Test
  void shouldKeepAfterAChangeOnlyWhatWasReadBefore() {
    Region region = submit(2010);
    String path =
        "/regions/" + CITY + "/2010?page=" + (100_000 + new java.util.Random().nextInt(800_000));
    given().accept("text/html").get(path).then().statusCode(200);
    given().accept("text/html").get(path).then().statusCode(200); // same data again: kept
    rename(region.missing(), "第一次改名 " + region.missing());
    double before = renders();
    given().accept("text/html").get(path).then().statusCode(200); // kept body never read
    given().accept("text/html").get(path).then().statusCode(200);
    assertThat(renders()).as("not kept after a change: none read").isEqualTo(before + 2);
    given().accept("text/html").get(path).then().statusCode(200);
    assertThat(renders()).as("kept when asked for twice").isEqualTo(before + 2);

    rename(region.missing(), "第二次改名 " + region.missing());
    String changed =
        given().accept("text/html").get(path).then().statusCode(200).extract().asString();
    String kept = given().accept("text/html").get(path).then().statusCode(200).extract().asString();
    assertThat(renders()).as("kept at once: the last kept was read").isEqualTo(before + 3);
    assertThat(kept).isEqualTo(changed).contains("第二次改名");
  }

  /**
   * Every page number of a region's year shows what the others show besides the table (read once
   * per state of the data): after a change, the next page number opened shows the change.
   */
  @Test
  void shouldShowAChangeOnThePagesThatShareItsData() {
    Region region = submit(2009);
    String path = "/regions/" + CITY + "/2009?page=";
    String first =
        given().accept("text/html").get(path + 1).then().statusCode(200).extract().asString();
    assertThat(Jsoup.parse(first).select("ul.missing").text()).contains(region.missing());
    rename(region.missing(), "改名后再看第二页 " + region.missing());
    String second =
        given().accept("text/html").get(path + 2).then().statusCode(200).extract().asString();
    assertThat(Jsoup.parse(second).select("ul.missing").text()).contains("改名后再看第二页");
  }

  private static void rename(String agency, String name) {
    admin()
        .contentType("application/merge-patch+json; charset=UTF-8")
        .body(Map.of("name", name))
        .patch("/api/v1/agencies/" + agency)
        .then()
        .statusCode(200);
  }

  /** How many pages and documents were rendered so far (hub_rollup_seconds of their views). */
  private static double renders() {
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    java.util.regex.Matcher count =
        java.util.regex.Pattern.compile(
                "(?m)^hub_rollup_seconds_count\\{[^}]*view=\"(?:page|annual-report)\"[^}]*} (\\S+)")
            .matcher(metrics);
    double total = 0;
    while (count.find()) {
      total += Double.parseDouble(count.group(1));
    }
    return total;
  }

  @Test
  void shouldRefuseAnUnknownFormatAndScopeAndAnUnknownRegion() {
    given()
        .queryParam("format", "pdf")
        .get(path(2024))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/invalid-parameter"));
    given()
        .queryParam("scope", "some")
        .get(path(2024))
        .then()
        .statusCode(400)
        .body("type", equalTo("/problems/invalid-parameter"));
    given()
        .accept("text/html")
        .get("/api/v1/regions/123456/annual-report/2024")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/not-found"));
  }
}
