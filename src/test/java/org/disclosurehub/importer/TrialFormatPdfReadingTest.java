package org.disclosurehub.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.disclosurehub.corpus.Corpus;
import org.junit.jupiter.api.Test;

/**
 * The real 2019 trial-format report 上海市人民政府办公厅 2019 as a PDF ({@link TrialFormatPdf}: its page's
 * tables drawn cell for cell, the empty cells drawing nothing), read by the importer itself: every
 * cell of the answer key exact, the rows the agency left empty (no glyph but their label, as
 * 2.其他法律行政法规禁止公开 and the trial format's single row （六）其他处理) read as rows of blank cells, and the 总计
 * cells the page leaves empty read as 0, so that the ROW_TOTAL violations the page prints are
 * found, and no other.
 */
class TrialFormatPdfReadingTest {
  static final Corpus.Entry SHANGHAI =
      Corpus.entries().stream()
          .filter(e -> e.id().equals("shanghai-gov-office-2019"))
          .findFirst()
          .orElseThrow();

  static byte[] pdf() {
    try (InputStream in =
        TrialFormatPdfReadingTest.class.getResourceAsStream(
            "/imports/pdf/" + TrialFormatPdf.FILE)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void shouldReadTheTrialFormatPdfWithItsBlankRowsEveryCellExact() {
    JsonNode answer = DirectImport.read(pdf(), "application/pdf");

    Corpus.Fidelity fidelity = Corpus.compare(SHANGHAI.expected(), answer.get("report"));
    assertThat(fidelity.wrong()).isEmpty();
    assertThat(fidelity.missing()).isEmpty();
    assertThat(answer.at("/report/formatVersion").asText()).isEqualTo("2019");
    for (String row :
        new String[] {
          "/requests/outcomes/denied/prohibitedByLaw", "/requests/outcomes/otherHandling/other"
        }) {
      for (String column : PdfLabelsReadingTest.COLUMNS) {
        JsonNode source = PdfLabelsReadingTest.source(answer, row + "/" + column);
        assertThat(source.get("how").asText()).as(row).isEqualTo("blank read as 0");
      }
    }
    assertThat(answer.get("notes").toString()).contains("blank cell(s) read as 0");
    assertThat(answer.get("unparsed")).isEmpty();
  }

  @Test
  void shouldFindTheRowTotalsThePdfLeavesEmptyAsThePageDoes() {
    // The page leaves 总计 empty in eleven outcome rows that hold applications: in the PDF that
    // column has no glyph on those rows, a blank cell of the grid read as 0, so ROW_TOTAL breaks
    // there as printed (not a cell the row lacks, reported missing).
    JsonNode answer = DirectImport.read(pdf(), "application/pdf");

    List<Corpus.Violation> found = new ArrayList<>();
    for (JsonNode v : answer.get("violations")) {
      found.add(new Corpus.Violation(v.get("rule").asText(), v.get("path").asText()));
    }
    assertThat(found).containsExactlyInAnyOrderElementsOf(SHANGHAI.violations());
    assertThat(PdfLabelsReadingTest.source(answer, "/requests/outcomes/granted/total").get("how"))
        .hasToString("\"blank read as 0\"");
  }
}
