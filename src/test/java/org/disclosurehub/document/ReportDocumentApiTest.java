package org.disclosurehub.document;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.registerAgency;
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
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** An agency's report as a published page and as a workbook, through the report endpoints. */
@QuarkusTest
class ReportDocumentApiTest {

  private static String file(ObjectNode report) {
    String agency = registerAgency("530300");
    admin()
        .contentType("application/json")
        .body(report.toString())
        .put(reportPath(agency, 2024))
        .then()
        .statusCode(201);
    return agency;
  }

  @Test
  void shouldRenderEveryFixtureAsAPageTheImporterReadsBackToTheSameReport() throws IOException {
    for (ObjectNode fixture : List.of(zhongweiCivilAffairs2024(), naturalResources2024())) {
      String agency = file(fixture);
      JsonNode stored =
          DocumentSamples.JSON.readTree(
              given().get(reportPath(agency, 2024)).then().statusCode(200).extract().asString());

      for (String path :
          List.of(reportPath(agency, 2024), reportPath(agency, 2024) + "/revisions/1")) {
        ExtractableResponse<Response> page =
            given()
                .accept("text/html,application/xhtml+xml,*/*;q=0.8")
                .get(path)
                .then()
                .statusCode(200)
                .extract();
        assertThat(page.contentType()).isEqualToIgnoringCase("text/html;charset=utf-8");
        assertThat(page.header("ETag")).isEqualTo("\"1.html\"");
        assertThat(page.header("Content-Disposition"))
            .startsWith(
                "inline; filename=\"report-" + agency + "-2024-r1.html\"; filename*=UTF-8''");
        Document html = Jsoup.parse(page.asString());
        assertThat(html.title()).isEqualTo("测试机关 " + agency + "2024年政府信息公开工作年度报告");
        assertThat(html.select("dl.meta").text())
            .contains("第 1 版", stored.get("contentSha256").asText());

        JsonNode read = DocumentRoundTripTest.imported(page.asString());
        DocumentRoundTripTest.assertSameCells(
            read.get("report"), TableCells.fromJson(stored.get("report")));
        for (String pointer :
            List.of(
                "/narrative/overview", "/narrative/problems", "/narrative/other", "/publishedOn")) {
          assertThat(read.get("report").at(pointer).asText())
              .as(pointer)
              .isEqualTo(stored.get("report").at(pointer).asText());
        }
      }
    }
  }

  @Test
  void shouldGiveTheReportAsAWorkbookAndKeepJsonTheDefault() throws IOException {
    String agency = file(naturalResources2024());

    ExtractableResponse<Response> xlsx =
        given()
            .queryParam("format", "xlsx")
            .get(reportPath(agency, 2024))
            .then()
            .statusCode(200)
            .extract();
    assertThat(xlsx.contentType()).isEqualTo(Workbooks.MEDIA_TYPE);
    assertThat(xlsx.header("Content-Disposition"))
        .startsWith("attachment; filename=\"report-" + agency + "-2024-r1.xlsx\"");
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.asByteArray()))) {
      assertThat(wb.getSheetName(0)).isEqualTo("报告表");
      // Every cell of the report's JSON is on the sheet of all cells, by pointer, with its value.
      java.util.Map<String, String> byPointer = new java.util.HashMap<>();
      for (var row : wb.getSheet("全部单元格")) {
        var value = row.getCell(2);
        if (value == null || row.getCell(0) == null) {
          continue;
        }
        byPointer.put(
            row.getCell(0).getStringCellValue(),
            value.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                ? new java.math.BigDecimal(Double.toString(value.getNumericCellValue()))
                    .stripTrailingZeros()
                    .toPlainString()
                : value.getStringCellValue());
      }
      assertThat(byPointer).containsEntry("/activeDisclosure/licensing", "1342");
      ObjectNode stored = naturalResources2024();
      int compared = 0;
      for (org.disclosurehub.report.ReportLayout.Cell cell :
          org.disclosurehub.report.ReportLayout.CELLS) {
        var expected = stored.at(cell.pointer());
        if (expected.isMissingNode()) {
          continue; // a total the service computes
        }
        assertThat(byPointer.get(cell.pointer()))
            .as(cell.pointer())
            .isEqualTo(
                new java.math.BigDecimal(expected.asText()).stripTrailingZeros().toPlainString());
        compared++;
      }
      assertThat(compared).isGreaterThan(100);
    }

    given()
        .get(reportPath(agency, 2024))
        .then()
        .statusCode(200)
        .contentType("application/json")
        .header("ETag", "\"1\"")
        .body("revision", equalTo(1));
    given()
        .accept("application/json")
        .get(reportPath(agency, 2024))
        .then()
        .statusCode(200)
        .contentType("application/json");
    given()
        .queryParam("format", "csv")
        .get(reportPath(agency, 2024))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/invalid-parameter"));
    given()
        .accept("text/html")
        .get(reportPath(agency, 2023))
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/not-found"));
  }
}
