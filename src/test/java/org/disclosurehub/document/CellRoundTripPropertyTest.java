package org.disclosurehub.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.disclosurehub.Fixtures;
import org.disclosurehub.GeneratedReports;
import org.disclosurehub.importer.DirectImport;
import org.disclosurehub.report.Report;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * For any valid report (and the fixture whose Tables 三 and 四 differ in every cell), every cell
 * round-trips without the service: through its JSON, through the HTML document and the importer
 * reading it back, and through the workbook's printed form and its list of cells. {@link
 * CellRoundTripApiTest} adds reports.csv and the stored import through the running service.
 */
class CellRoundTripPropertyTest {

  @Property(tries = 60)
  void shouldGiveBackEveryCellOfAnyValidReport(@ForAll long seed, @ForAll boolean statedTotals)
      throws IOException {
    roundTrips(GeneratedReports.valid(new Random(seed), statedTotals));
  }

  @Example
  void shouldGiveBackEveryCellOfTheReportWhoseCellsAllDiffer() throws IOException {
    roundTrips(Fixtures.distinctCells2024());
  }

  private static void roundTrips(ObjectNode filed) throws IOException {
    Map<String, BigDecimal> expected = CellRoundTripApiTest.expected(filed);
    Report report = DocumentSamples.JSON.treeToValue(filed, Report.class).withComputedTotals();

    JsonNode json = DocumentSamples.JSON.readTree(DocumentSamples.JSON.writeValueAsString(report));
    assertSame("JSON", WorkbookReadBackApiTest.cells(json), expected);

    AgencyDocument document = DocumentSamples.agency(report, List.of());
    String page = DocumentPages.agency(document);
    Map<String, BigDecimal> html = new LinkedHashMap<>();
    for (Element td : Jsoup.parse(page).select("td[data-pointer]")) {
      html.put(td.attr("data-pointer"), new BigDecimal(td.text()));
    }
    assertSame("HTML document", html, expected);
    JsonNode imported =
        DirectImport.read(page.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8");
    assertThat(imported.get("missing")).as("cells the importer missed").isEmpty();
    assertSame(
        "import of the HTML document",
        WorkbookReadBackApiTest.cells(imported.get("report")),
        expected);

    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(Workbooks.agency(document)))) {
      assertSame("workbook 报告表", PrintedSheet.read(wb.getSheet("报告表")), expected);
      assertSame(
          "workbook 全部单元格",
          WorkbookReadBackApiTest.byPointer(wb.getSheet("全部单元格"), 1, 0, 2),
          expected);
    }
  }

  private static void assertSame(
      String trip, Map<String, BigDecimal> read, Map<String, BigDecimal> expected) {
    assertThat(read.keySet()).as(trip + ": the cells").isEqualTo(expected.keySet());
    expected.forEach(
        (pointer, value) ->
            assertThat(read.get(pointer)).as(trip + " " + pointer).isEqualByComparingTo(value));
  }
}
