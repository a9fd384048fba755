package org.disclosurehub.document;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.disclosurehub.Fixtures;
import org.disclosurehub.GeneratedReports;
import org.disclosurehub.rollup.RollupCsvTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Every cell round-trips through the service: filed as JSON, it comes back the same from the JSON,
 * from reports.csv, from the HTML document, from the workbook, and from importing the rendered
 * document (stored for another agency, then read as JSON). For the fixture whose Tables 三 and 四
 * differ in every cell and for generated valid reports (their totals left to the service), in 六盘水市
 * 钟山区 (520201), which no other test uses.
 */
@QuarkusTest
class CellRoundTripApiTest {
  private static final String DIVISION = "520201";
  private static final int YEAR = 2024;

  @Test
  void shouldGiveBackEveryCellFromEveryRepresentationAndFromItsImport() throws IOException {
    List<ObjectNode> reports = new ArrayList<>();
    reports.add(Fixtures.distinctCells2024());
    Random random = new Random(22);
    for (int i = 0; i < 4; i++) {
      reports.add(GeneratedReports.valid(random, i % 2 == 0));
    }
    Map<String, Map<String, BigDecimal>> filed = new LinkedHashMap<>();
    for (ObjectNode report : reports) {
      String agency = registerAgency(DIVISION);
      admin()
          .contentType("application/json")
          .body(report.toString())
          .put(reportPath(agency, YEAR))
          .then()
          .statusCode(201);
      // What it must read back: the cells as filed, each total the sum it must be.
      filed.put(agency, expected(report));
    }
    List<List<String>> csv =
        RollupCsvTest.parse(
            given()
                .queryParam("year", YEAR)
                .queryParam("division", DIVISION)
                .get("/api/v1/reports.csv")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());

    for (var entry : filed.entrySet()) {
      String agency = entry.getKey();
      Map<String, BigDecimal> expected = entry.getValue();
      String path = reportPath(agency, YEAR);

      JsonNode json = DocumentSamples.JSON.readTree(given().get(path).asString());
      assertSame("JSON", WorkbookReadBackApiTest.cells(json.get("report")), expected);

      assertSame("reports.csv", csvRow(csv, agency, expected), expected);

      String page =
          given().accept("text/html").get(path).then().statusCode(200).extract().asString();
      Map<String, BigDecimal> html = new LinkedHashMap<>();
      for (Element td : Jsoup.parse(page).select("td[data-pointer]")) {
        html.put(td.attr("data-pointer"), new BigDecimal(td.text()));
      }
      assertSame("HTML document", html, expected);

      byte[] xlsx =
          given()
              .queryParam("format", "xlsx")
              .get(path)
              .then()
              .statusCode(200)
              .extract()
              .asByteArray();
      try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
        assertSame("workbook 报告表", PrintedSheet.read(wb.getSheet("报告表")), expected);
        assertSame(
            "workbook 全部单元格",
            WorkbookReadBackApiTest.byPointer(wb.getSheet("全部单元格"), 1, 0, 2),
            expected);
      }

      String copy = registerAgency(DIVISION);
      admin()
          .contentType("text/html; charset=utf-8")
          .body(page.getBytes(StandardCharsets.UTF_8))
          .post("/api/v1/imports?store=true&agency=" + copy + "&year=" + YEAR)
          .then()
          .statusCode(200)
          .body("stored.revision", org.hamcrest.Matchers.equalTo(1));
      JsonNode imported =
          DocumentSamples.JSON.readTree(given().get(reportPath(copy, YEAR)).asString());
      assertSame(
          "import of the HTML document",
          WorkbookReadBackApiTest.cells(imported.get("report")),
          expected);
    }
  }

  static Map<String, BigDecimal> expected(ObjectNode report) {
    return WorkbookReadBackApiTest.cells(GeneratedReports.statedTotals(report.deepCopy()));
  }

  private static Map<String, BigDecimal> csvRow(
      List<List<String>> csv, String agency, Map<String, BigDecimal> expected) {
    List<String> header = csv.get(0);
    List<String> row =
        csv.stream()
            .filter(r -> r.get(0).equals(agency))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no row for " + agency + " in reports.csv"));
    Map<String, BigDecimal> cells = new LinkedHashMap<>();
    for (int c = 0; c < header.size(); c++) {
      String key = header.get(c);
      if (key.startsWith("/") && !row.get(c).isEmpty()) {
        cells.put(key, new BigDecimal(row.get(c)));
      }
    }
    return cells;
  }

  private static void assertSame(
      String trip, Map<String, BigDecimal> read, Map<String, BigDecimal> expected) {
    assertThat(read.keySet()).as(trip + ": the cells").isEqualTo(expected.keySet());
    expected.forEach(
        (pointer, value) ->
            assertThat(read.get(pointer)).as(trip + " " + pointer).isEqualByComparingTo(value));
  }
}
