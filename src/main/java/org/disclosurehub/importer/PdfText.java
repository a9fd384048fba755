package org.disclosurehub.importer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.disclosurehub.system.ProblemException;
import org.disclosurehub.system.ProblemType;

/**
 * The text layer of a PDF, extracted with Apache PDFBox page by page, as lines for the reader. Text
 * is sorted by its position on the page, so that a table row prints as one line whatever order the
 * producer drew its cells in; a label wrapped in its cell, or printed one character per line, then
 * reads as it does in text copied from the PDF.
 */
final class PdfText {
  /** An annual report has some ten pages; a document this long is something else. */
  static final int MAX_PAGES = 500;

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
    try (PDDocument document = Loader.loadPDF(pdf)) {
      int count = document.getNumberOfPages();
      if (count > MAX_PAGES) {
        throw unreadable(
            "The PDF has " + count + " pages; a report has far fewer (at most " + MAX_PAGES + ")");
      }
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      List<SourceLine> lines = new ArrayList<>();
      int[] firstLines = new int[count];
      for (int page = 1; page <= count; page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        firstLines[page - 1] = lines.size() + 1;
        for (SourceLine line : TextLines.of(stripper.getText(document))) {
          lines.add(line.renumbered(lines.size() + 1));
        }
      }
      return new Extracted(lines, new Pages(firstLines));
    } catch (InvalidPasswordException e) {
      throw unreadable(
          "The PDF is encrypted with a password, so its text cannot be read. Import the PDF as"
              + " published without a password, or its text");
    } catch (ProblemException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // PDFBox parses untrusted bytes; whatever it trips over, the PDF is what is broken.
      throw unreadable(
          "The body is not a readable PDF: it is damaged or truncated, or not a PDF at all");
    }
  }

  private static ProblemException unreadable(String detail) {
    return new ProblemException(ProblemType.UNREADABLE_PDF, detail);
  }
}
