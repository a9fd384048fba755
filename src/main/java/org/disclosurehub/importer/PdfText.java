package org.disclosurehub.importer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.disclosurehub.system.ProblemException;
import org.disclosurehub.system.ProblemType;

/**
 * The text layer of a PDF, extracted with Apache PDFBox page by page, as a grid for the reader: the
 * glyphs with their positions ({@code TextPosition}) become lines by their baselines and cells by
 * the gaps between them, whatever order the producer drew them in, and a table's rows get a blank
 * cell in each of its columns they leave empty ({@link PdfGrid}, {@link PdfColumns}).
 */
final class PdfText {
  /** An annual report has some ten pages; a document this long is something else. */
  static final int MAX_PAGES = 500;

  /**
   * The processor time one extraction may take. A published report of ten pages takes well under
   * half a second, even with the JIT cold; the bound is processor time, not wall time, so a loaded
   * machine does not refuse good PDFs.
   */
  static final long CPU_BUDGET_NANOS = 2_000_000_000L;

  /** The lines of every page, numbered on across pages, and where each page starts. */
  record Extracted(List<SourceLine> lines, Pages pages) {}

  private PdfText() {}

  /**
   * @throws ProblemException 422 unreadable-pdf for a PDF that is encrypted, damaged or has no text
   *     layer (a scan)
   */
  static Extracted of(byte[] pdf) {
    Extracted extracted = extract(pdf);
    int count = extracted.pages().firstLines().length;
    if (extracted.lines().isEmpty()) {
      throw unreadable(
          "The PDF has "
              + count
              + " page(s) but no text layer: it is a scan, images of the pages. Run text"
              + " recognition (OCR) on it and import the text, or submit the report as JSON");
    }
    return extracted;
  }

  private static Extracted extract(byte[] pdf) {
    CpuDeadline deadline = CpuDeadline.in(CPU_BUDGET_NANOS);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      requirePlausibleFontMaps(document);
      int count = document.getNumberOfPages();
      if (count > MAX_PAGES) {
        throw unreadable(
            "The PDF has " + count + " pages; a report has far fewer (at most " + MAX_PAGES + ")");
      }
      Glyphs stripper = new Glyphs(deadline);
      List<PdfGrid.Line> pageLines = new ArrayList<>();
      for (int page = 1; page <= count; page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.glyphs.clear();
        stripper.getText(document);
        pageLines.addAll(PdfGrid.lines(page, stripper.glyphs));
      }
      List<PdfRows.GridLine> grid = PdfColumns.grid(pageLines);
      List<SourceLine> lines = new ArrayList<>();
      int[] firstLines = new int[count];
      int page = 0;
      for (int i = 0; i < grid.size(); i++) {
        while (page < pageLines.get(i).page()) {
          firstLines[page++] = lines.size() + 1;
        }
        lines.add(line(i + 1, grid.get(i)));
      }
      while (page < count) {
        firstLines[page++] = lines.size() + 1;
      }
      return new Extracted(lines, new Pages(firstLines));
    } catch (InvalidPasswordException e) {
      throw unreadable(
          "The PDF is encrypted with a password, so its text cannot be read. Import the PDF as"
              + " published without a password, or its text");
    } catch (ProblemException e) {
      throw e;
    } catch (IOException | RuntimeException | StackOverflowError e) {
      // PDFBox parses untrusted bytes; whatever it trips over, the PDF is what is broken.
      throw unreadable(
          "The body is not a readable PDF: it is damaged or truncated, or not a PDF at all");
    }
  }

  /**
   * A line of the grid: a line whose cells all went into a row's wrapped label above or below it is
   * left blank, so that every line keeps its number on the page.
   */
  private static SourceLine line(int number, PdfRows.GridLine grid) {
    List<SourceLine.Cell> cells = grid.cells();
    if (cells.isEmpty()) {
      return SourceLine.plain(number, "");
    }
    if (cells.size() == 1 && cells.get(0).line() == number) {
      return SourceLine.plain(number, cells.get(0).text());
    }
    return new SourceLine(
        number,
        String.join("\t", cells.stream().map(SourceLine.Cell::text).toList()),
        cells,
        grid.columns());
  }

  /**
   * PDFBox expands a font's character map in a loop that cannot be interrupted, so the maps are
   * measured before any font is loaded (PDFBox 3.0.8 took 303 s over one damaged map).
   */
  private static void requirePlausibleFontMaps(PDDocument document) {
    try {
      PdfFontMaps.requirePlausible(document.getDocument());
    } catch (PdfFontMaps.Implausible e) {
      throw unreadable(
          "The PDF is damaged or made to stall its reader: "
              + e.getMessage()
              + ". Import the PDF as published, or its text");
    }
  }

  /**
   * PDFBox's text extraction, keeping every glyph with its position instead of the text, and
   * stopping between content operators once the extraction's processor time is spent (fonts are
   * loaded by an operator, each map already known to be small).
   */
  private static final class Glyphs extends PDFTextStripper {
    final List<PdfGrid.Glyph> glyphs = new ArrayList<>();
    private final CpuDeadline deadline;

    Glyphs(CpuDeadline deadline) {
      this.deadline = deadline;
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
      if (deadline.passed()) {
        throw unreadable(
            "Reading the PDF's text took over "
                + CPU_BUDGET_NANOS / 1_000_000
                + " ms of processor time, far more than a report needs: it is damaged or made to"
                + " stall its reader. Import its text, or the report as JSON");
      }
      super.processOperator(operator, operands);
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
      for (TextPosition p : positions) {
        float size = Math.max(p.getFontSizeInPt(), p.getHeightDir());
        glyphs.add(
            new PdfGrid.Glyph(
                p.getUnicode(),
                p.getXDirAdj(),
                p.getXDirAdj() + p.getWidthDirAdj(),
                p.getYDirAdj(),
                size));
      }
    }
  }

  private static ProblemException unreadable(String detail) {
    return new ProblemException(ProblemType.UNREADABLE_PDF, detail);
  }
}
