package org.disclosurehub.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.disclosurehub.corpus.Corpus;
import org.junit.jupiter.api.Test;

/**
 * A PDF whose agency left the zero cells of the five 法人或其他组织 columns empty (no glyph at all), made
 * from a real report's numbers by {@link BlankColumnsPdf}: read by glyph position, each empty
 * column of a row is a blank cell read as 0, the header's wrapped words give the columns no row
 * prints a number in, and a label wrapped across a page break still lands on its row. Read as text
 * in PDFBox's order, Table 三 is lost (the old reader read 25 of its 200 cells).
 */
@QuarkusTest
class PdfBlankColumnsTest {
  private static final Corpus.Entry HUAIAN =
      Corpus.entries().stream()
          .filter(e -> e.id().equals("jiangsu-huaian-2024"))
          .findFirst()
          .orElseThrow();

  @Test
  void shouldReadEmptyColumnsOfAPdfAsBlankCellsEveryCellExact() {
    JsonNode answer =
        admin()
            .contentType("application/pdf")
            .body(BlankColumnsPdf.of(HUAIAN, true))
            .post("/api/v1/imports")
            .then()
            .statusCode(200)
            .extract()
            .as(JsonNode.class);

    Corpus.Fidelity fidelity = Corpus.compare(HUAIAN.expected(), answer.get("report"));
    assertThat(fidelity.wrong()).isEmpty();
    assertThat(fidelity.missing()).isEmpty();
    assertThat(fidelity.exact()).hasSize(200);
    assertThat(answer.get("partial").booleanValue()).isFalse();
    assertThat(answer.get("violations")).isEmpty();
    // 科研机构 prints no number in any row: its column comes from the header.
    String research = "/requests/newlyReceived/researchInstitution";
    assertThat(answer.at("/cellSources/" + research.replace("/", "~1") + "/how").asText())
        .isEqualTo("blank read as 0");
    assertThat(answer.get("notes").toString()).contains("blank cell(s) read as 0");
    // 三(六)1 begins at the foot of page 1 and ends, with its numbers, at the top of page 2.
    assertThat(
            answer
                .at(
                    "/provenancePages/~1requests~1outcomes~1otherHandling~1overdueCorrection~1total")
                .intValue())
        .isEqualTo(2);
  }

  /**
   * Through the service, the real 2019 trial-format report as a PDF ({@link TrialFormatPdf}): its
   * rows left empty (no glyph but the label, the single 三(六) 其他处理 among them) are rows of blank
   * cells read as 0, every cell exact, and the ROW_TOTAL the page breaks (empty 总计) found as
   * printed.
   */
  @Test
  void shouldReadTheTrialFormatPdfWithItsBlankRowsEveryCellExact() {
    JsonNode answer =
        admin()
            .contentType("application/pdf")
            .body(TrialFormatPdfReadingTest.pdf())
            .post("/api/v1/imports")
            .then()
            .statusCode(200)
            .extract()
            .as(JsonNode.class);

    Corpus.Entry shanghai = TrialFormatPdfReadingTest.SHANGHAI;
    Corpus.Fidelity fidelity = Corpus.compare(shanghai.expected(), answer.get("report"));
    assertThat(fidelity.wrong()).isEmpty();
    assertThat(fidelity.missing()).isEmpty();
    assertThat(answer.get("partial").booleanValue()).isFalse();
    assertThat(answer.get("violations")).hasSize(shanghai.violations().size());
    String other = "/requests/outcomes/otherHandling/other/total";
    assertThat(PdfLabelsReadingTest.source(answer, other).get("how").asText())
        .isEqualTo("blank read as 0");
  }

  /**
   * Through the service, the PDFs of {@link PdfLabelsReadingTest}: labels wrapped around their
   * numbers are one cell, and the rows of zeros drawn without a glyph are rows of blank cells.
   */
  @Test
  void shouldReadAWrappedLabelAsOneCellAndABlankRowAsZerosEveryCellExact() {
    for (boolean blankRows : new boolean[] {false, true}) {
      JsonNode answer =
          admin()
              .contentType("application/pdf")
              .body(
                  BlankColumnsPdf.of(
                      HUAIAN, new BlankColumnsPdf.Layout(blankRows, blankRows, true)))
              .post("/api/v1/imports")
              .then()
              .statusCode(200)
              .extract()
              .as(JsonNode.class);

      PdfLabelsReadingTest.assertEveryCellExact(answer);
      PdfLabelsReadingTest.assertEachRowReadFromOneLineWithItsLabelAsOneCell(answer);
      assertThat(answer.get("partial").booleanValue()).isFalse();
      String publication = "/requests/outcomes/notProcessed/publication/total";
      assertThat(PdfLabelsReadingTest.source(answer, publication).get("how").asText())
          .isEqualTo(blankRows ? "blank read as 0" : "exact label");
    }
  }
}
