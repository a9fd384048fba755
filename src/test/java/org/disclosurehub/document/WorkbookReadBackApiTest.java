package org.disclosurehub.document;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.distinctCells2024;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Workbooks read back with POI, every cell of every sheet, equal to the JSON: an agency's report
 * whose Tables 三 and 四 have a different non-zero number in every cell, and the consolidated
 * workbook of 安顺市 (520400, which no other test uses) built from two such reports.
 */
@QuarkusTest
class WorkbookReadBackApiTest {
  private static final String CITY = "520400";
  private static final String DISTRICT = "520402";
  private static final int YEAR = 2024;

  @Test
  void shouldPrintEveryCellOfAnAgencysReportWhereTheFormPutsItAndListItUnderItsPointer()
      throws IOException {
    String agency = registerAgency("520502");
    file(agency, distinctCells2024());
    JsonNode stored = json(given().get(reportPath(agency, YEAR)).asString()).get("report");
    Map<String, BigDecimal> expected = cells(stored);
    assertThat(
            new HashSet<>(
                expected.entrySet().stream()
                    .filter(e -> !e.getKey().startsWith("/activeDisclosure/"))
                    .map(Map.Entry::getValue)
                    .toList()))
        .as("Tables 三 and 四: 175 + 15 cells, each different")
        .hasSize(190);

    try (XSSFWorkbook wb = workbook(reportPath(agency, YEAR))) {
      assertThat(sheetNames(wb)).containsExactly("报告表", "全部单元格", "审核发现");
      assertSameCells(PrintedSheet.read(wb.getSheet("报告表")), expected, "报告表");
      assertSameCells(byPointer(wb.getSheet("全部单元格"), 1, 0, 2), expected, "全部单元格");
      Sheet findings = wb.getSheet("审核发现");
      assertThat(findings.getLastRowNum()).as("a consistent report has no findings").isZero();
    }
  }

  @Test
  void shouldPrintARegionsSumsAndEveryAgencysCellsAsFiled() throws IOException {
    ObjectNode cityReport = distinctCells2024();
    ObjectNode districtReport = scaled(distinctCells2024(), 2);
    Map<String, ObjectNode> filed = new LinkedHashMap<>();
    filed.put(registerAgency(CITY), cityReport);
    filed.put(registerAgency(DISTRICT), districtReport);
    filed.forEach(WorkbookReadBackApiTest::file);

    Map<String, Map<String, BigDecimal>> stored = new LinkedHashMap<>();
    for (String agency : filed.keySet()) {
      stored.put(
          agency, cells(json(given().get(reportPath(agency, YEAR)).asString()).get("report")));
    }
    // The independent sum: three times the fixture, cell by cell, from what was filed.
    Map<String, BigDecimal> sum = new LinkedHashMap<>();
    stored.values().forEach(c -> c.forEach((p, v) -> sum.merge(p, v, BigDecimal::add)));
    Map<String, BigDecimal> fixture = cells(distinctCells2024());
    fixture.forEach(
        (p, v) ->
            assertThat(sum.get(p)).as(p).isEqualByComparingTo(v.multiply(BigDecimal.valueOf(3))));
    JsonNode rollup = json(given().get("/api/v1/regions/" + CITY + "/rollups/" + YEAR).asString());
    sum.forEach(
        (p, v) ->
            assertThat(new BigDecimal(rollup.at(p).asText()))
                .as("roll-up " + p)
                .isEqualByComparingTo(v));

    try (XSSFWorkbook wb = workbook("/api/v1/regions/" + CITY + "/annual-report/" + YEAR)) {
      assertThat(sheetNames(wb)).containsExactly("汇总表", "各机关明细", "报送情况与审核发现");
      assertSameCells(PrintedSheet.read(wb.getSheet("汇总表")), sum, "汇总表");

      Sheet agencies = wb.getSheet("各机关明细");
      assertThat(agencies.getLastRowNum()).as("one row per agency").isEqualTo(1 + filed.size());
      Row pointers = agencies.getRow(1);
      for (int r = 2; r <= agencies.getLastRowNum(); r++) {
        Row row = agencies.getRow(r);
        String agency = row.getCell(0).getStringCellValue();
        assertThat(stored).containsKey(agency);
        Map<String, BigDecimal> printed = new LinkedHashMap<>();
        for (int c = 6; c < pointers.getLastCellNum(); c++) {
          printed.put(pointers.getCell(c).getStringCellValue(), number(row.getCell(c)));
        }
        assertSameCells(printed, stored.get(agency), "各机关明细 " + agency);
      }

      List<String> lines = lines(wb.getSheet("报送情况与审核发现"));
      assertThat(lines).contains("应报送机关数 2", "已报送 2", "未报送 0");
    }
  }

  private static void assertSameCells(
      Map<String, BigDecimal> read, Map<String, BigDecimal> expected, String sheet) {
    assertThat(read.keySet()).as(sheet + ": the cells").isEqualTo(expected.keySet());
    expected.forEach(
        (pointer, value) ->
            assertThat(read.get(pointer)).as(sheet + " " + pointer).isEqualByComparingTo(value));
  }

  /**
   * The numbers of a sheet that lists cells one per row: pointer in one column, value in another.
   */
  static Map<String, BigDecimal> byPointer(Sheet sheet, int firstRow, int pointer, int value) {
    Map<String, BigDecimal> cells = new LinkedHashMap<>();
    for (int r = firstRow; r <= sheet.getLastRowNum(); r++) {
      Row row = sheet.getRow(r);
      String key = row.getCell(pointer).getStringCellValue();
      assertThat(cells.put(key, number(row.getCell(value)))).as("%s listed twice", key).isNull();
    }
    return cells;
  }

  private static BigDecimal number(Cell cell) {
    assertThat(cell.getCellType()).as(cell.getAddress().toString()).isEqualTo(CellType.NUMERIC);
    return BigDecimal.valueOf(cell.getNumericCellValue());
  }

  /** Every number of Tables 二, 三 and 四 in a report's (or roll-up's) JSON, by JSON Pointer. */
  static Map<String, BigDecimal> cells(JsonNode report) {
    Map<String, BigDecimal> cells = new LinkedHashMap<>();
    for (String section : List.of("activeDisclosure", "requests", "reviews")) {
      leaves(report.get(section), "/" + section, cells);
    }
    return cells;
  }

  private static void leaves(JsonNode node, String pointer, Map<String, BigDecimal> into) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        var field = it.next();
        leaves(field.getValue(), pointer + "/" + field.getKey(), into);
      }
    } else {
      into.put(pointer, new BigDecimal(node.asText()));
    }
  }

  private static void file(String agency, ObjectNode report) {
    admin()
        .contentType("application/json")
        .body(report.toString())
        .put(reportPath(agency, YEAR))
        .then()
        .statusCode(201);
  }

  /** Every count (and amount) times the factor: every rule is linear, so it still holds. */
  static ObjectNode scaled(ObjectNode report, int factor) {
    for (String section : List.of("activeDisclosure", "requests", "reviews")) {
      scale((ObjectNode) report.get(section), factor);
    }
    return report;
  }

  private static void scale(ObjectNode node, int factor) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      var field = it.next();
      JsonNode value = field.getValue();
      if (value.isObject()) {
        scale((ObjectNode) value, factor);
      } else if (value.isInt()) {
        field.setValue(IntNode.valueOf(value.intValue() * factor));
      } else if (value.isTextual()) {
        BigDecimal amount = new BigDecimal(value.textValue()).multiply(BigDecimal.valueOf(factor));
        field.setValue(TextNode.valueOf(amount.toPlainString()));
      }
    }
  }

  private static XSSFWorkbook workbook(String path) throws IOException {
    // The first workbook a JVM writes loads POI: on a loaded machine longer than the default 30 s.
    byte[] bytes =
        given()
            .config(
                RestAssured.config()
                    .httpClient(
                        HttpClientConfig.httpClientConfig()
                            .setParam("http.socket.timeout", 180_000)
                            .setParam("http.connection.timeout", 180_000)))
            .queryParam("format", "xlsx")
            .get(path)
            .then()
            .statusCode(200)
            .contentType(Workbooks.MEDIA_TYPE)
            .extract()
            .asByteArray();
    return new XSSFWorkbook(new ByteArrayInputStream(bytes));
  }

  private static List<String> sheetNames(XSSFWorkbook wb) {
    List<String> names = new ArrayList<>();
    wb.forEach(sheet -> names.add(sheet.getSheetName()));
    return names;
  }

  private static List<String> lines(Sheet sheet) {
    List<String> lines = new ArrayList<>();
    for (Row row : sheet) {
      StringBuilder line = new StringBuilder();
      for (Cell cell : row) {
        String text =
            cell.getCellType() == CellType.NUMERIC
                ? BigDecimal.valueOf(cell.getNumericCellValue())
                    .stripTrailingZeros()
                    .toPlainString()
                : cell.getStringCellValue();
        if (!text.isEmpty()) {
          line.append(line.length() == 0 ? "" : " ").append(text);
        }
      }
      lines.add(line.toString());
    }
    return lines;
  }

  private static JsonNode json(String body) throws IOException {
    return DocumentSamples.JSON.readTree(body);
  }
}
