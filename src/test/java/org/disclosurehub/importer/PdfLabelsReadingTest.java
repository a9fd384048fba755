package org.disclosurehub.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.disclosurehub.corpus.Corpus;
import org.junit.jupiter.api.Test;

/**
 * The real 淮安 2024 report (its answer key's numbers) drawn as a PDF by {@link BlankColumnsPdf},
 * read by the importer itself (no service, so that PIT runs it): a label wrapped over two to four
 * lines of a narrow label column, its numbers set in the middle of its lines as Word centres a
 * cell, is one cell of the grid; a row of zeros printed with no glyph but its label is a row of
 * blank cells read as 0. {@code PdfBlankColumnsTest} imports the same PDFs through the service.
 */
class PdfLabelsReadingTest {
  static final Corpus.Entry HUAIAN =
      Corpus.entries().stream()
          .filter(e -> e.id().equals("jiangsu-huaian-2024"))
          .findFirst()
          .orElseThrow();

  /** Table 三's rows, by pointer. */
  static final List<String> ROWS =
      Corpus.cells(HUAIAN.expected()).keySet().stream()
          .filter(p -> p.startsWith("/requests/") && p.endsWith("/total"))
          .map(p -> p.substring(0, p.length() - "/total".length()))
          .toList();

  static final String[] COLUMNS = {
    "naturalPerson",
    "commercialEnterprise",
    "researchInstitution",
    "socialWelfareOrganization",
    "legalServiceInstitution",
    "otherOrganization",
    "total"
  };

  @Test
  void aLabelWrappedAroundItsNumbersIsOneCellEveryCellExact() {
    JsonNode answer =
        DirectImport.read(
            BlankColumnsPdf.of(HUAIAN, new BlankColumnsPdf.Layout(false, false, true)),
            "application/pdf");

    assertEveryCellExact(answer);
    assertEachRowReadFromOneLineWithItsLabelAsOneCell(answer);
  }

  @Test
  void aRowOfZerosLeftBlankIsReadAsZerosEveryCellExact() {
    JsonNode answer =
        DirectImport.read(
            BlankColumnsPdf.of(HUAIAN, new BlankColumnsPdf.Layout(true, true, true)),
            "application/pdf");

    assertEveryCellExact(answer);
    assertEachRowReadFromOneLineWithItsLabelAsOneCell(answer);
    assertThat(answer.get("notes").toString()).contains("blank cell(s) read as 0");
    // 三(五)3 and 三(五)4 are all zeros in the report: drawn with no number at all.
    for (String row :
        List.of(
            "/requests/outcomes/notProcessed/publication",
            "/requests/outcomes/notProcessed/excessive")) {
      for (String column : COLUMNS) {
        assertThat(source(answer, row + "/" + column).get("how").asText())
            .as(row + "/" + column)
            .isEqualTo("blank read as 0");
      }
    }
  }

  static void assertEveryCellExact(JsonNode answer) {
    Corpus.Fidelity fidelity = Corpus.compare(HUAIAN.expected(), answer.get("report"));
    assertThat(fidelity.wrong()).isEmpty();
    assertThat(fidelity.missing()).isEmpty();
    assertThat(fidelity.exact()).hasSize(200);
    assertThat(answer.get("unparsed")).isEmpty();
    assertThat(answer.get("violations")).isEmpty();
  }

  /**
   * Every value of a row of Table 三 comes from the row's line, in the column after the label's one
   * cell, and the row is named by its whole label (exact).
   */
  static void assertEachRowReadFromOneLineWithItsLabelAsOneCell(JsonNode answer) {
    for (String row : ROWS) {
      int line = source(answer, row + "/total").get("line").intValue();
      for (int c = 0; c < COLUMNS.length; c++) {
        JsonNode source = source(answer, row + "/" + COLUMNS[c]);
        assertThat(source.get("line").intValue()).as(row).isEqualTo(line);
        assertThat(source.get("column").intValue()).as(row + " column").isEqualTo(c + 1);
        assertThat(source.get("score").doubleValue()).as(row + " " + source).isEqualTo(1.0);
      }
    }
  }

  static JsonNode source(JsonNode answer, String pointer) {
    return answer.get("cellSources").get(pointer);
  }
}
