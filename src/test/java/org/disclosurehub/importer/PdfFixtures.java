package org.disclosurehub.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Makes the PDF fixtures under {@code src/test/resources/imports/pdf} from the text fixtures, as a
 * word processor lays a report out: A4, prose wrapped to the page, each table row with its label
 * wrapped in a label column and its numbers in columns on the label's last line, header rows as one
 * line, a page number "- n -" at the foot of every page, and a new page wherever the text has a
 * page marker or the page is full. The font is WenQuanYi Zen Hei (Debian's fonts-wqy-zenhei),
 * embedded as a subset. Run {@code ./mvnw test -Dtest=PdfFixtures -Dpdf.write=true}, then commit
 * the PDFs; see the README next to them.
 */
class PdfFixtures {
  static final Path OUT = Path.of("src", "test", "resources", "imports", "pdf");
  private static final File FONT = new File("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");

  private static final float SIZE = 10;
  private static final float LEADING = 15;
  private static final float LEFT = 56;
  private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * LEFT;
  private static final float TOP = PDRectangle.A4.getHeight() - 64;
  private static final float BOTTOM = 72;
  private static final float LABEL_WIDTH = 190;

  @Test
  @EnabledIfSystemProperty(named = "pdf.write", matches = "true")
  void writeFixtures() throws IOException {
    Files.createDirectories(OUT);
    write(
        "/reports/zhongwei-civil-affairs-2024.txt", "zhongwei-civil-affairs-2024.pdf", false, null);
    write("/imports/tabs.txt", "natural-resources-2024.pdf", false, null);
    write("/imports/tabs.txt", "natural-resources-2024-top-aligned.pdf", true, null);
    write("/imports/vertical.txt", "natural-resources-2024-vertical.pdf", false, null);
    write("/reports/zhongwei-civil-affairs-2024.txt", "encrypted.pdf", false, "user-password");
    scan("scan.pdf");
    assertThat(OUT.resolve("scan.pdf")).exists();
  }

  /**
   * The text fixture laid out as a PDF, with each row's numbers on the last line of its wrapped
   * label or, top-aligned as a word processor's cells are by default, on its first; with a
   * password, encrypted so that it opens only with it.
   */
  private static void write(String text, String file, boolean topAligned, String password)
      throws IOException {
    try (PDDocument document = new PDDocument();
        TrueTypeCollection collection = new TrueTypeCollection(FONT)) {
      TrueTypeFont[] first = new TrueTypeFont[1];
      collection.processAllFonts(f -> first[0] = first[0] == null ? f : first[0]);
      PDType0Font font = PDType0Font.load(document, first[0], true);
      new Layout(document, font, topAligned).lines(read(text));
      if (password != null) {
        StandardProtectionPolicy policy =
            new StandardProtectionPolicy("owner-password", password, new AccessPermission());
        policy.setEncryptionKeyLength(128);
        document.protect(policy);
      }
      document.save(OUT.resolve(file).toFile());
    }
  }

  /** A scanned report: one page that is an image of ruled lines, without any text. */
  private static void scan(String file) throws IOException {
    BufferedImage image = new BufferedImage(420, 594, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.setColor(Color.DARK_GRAY);
    g.setStroke(new BasicStroke(2));
    for (int y = 120; y < 540; y += 24) {
      g.drawLine(40, y, 380, y);
    }
    for (int x : new int[] {40, 200, 240, 280, 320, 380}) {
      g.drawLine(x, 120, x, 528);
    }
    g.dispose();
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      PDImageXObject xobject = LosslessFactory.createFromImage(document, image);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.drawImage(xobject, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
      }
      document.save(OUT.resolve(file).toFile());
    }
  }

  private static List<String> read(String resource) throws IOException {
    try (InputStream in = PdfFixtures.class.getResourceAsStream(resource)) {
      return Arrays.asList(
          new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n", -1));
    }
  }

  /** Lays lines out on pages, top to bottom. */
  private static final class Layout {
    private final PDDocument document;
    private final PDType0Font font;
    private final boolean topAligned;
    private PDPageContentStream content;
    private int pageNumber;
    private float y;

    Layout(PDDocument document, PDType0Font font, boolean topAligned) {
      this.document = document;
      this.font = font;
      this.topAligned = topAligned;
    }

    void lines(List<String> lines) throws IOException {
      newPage();
      for (String line : lines) {
        String compact = line.replaceAll("\\s", "");
        if (compact.isEmpty()) {
          y -= LEADING / 2;
        } else if (compact.matches("[-—]\\d+[-—]")) {
          newPage();
        } else if (!line.contains("\t")) {
          prose(line.strip());
        } else {
          row(line.split("\t", -1));
        }
      }
      finishPage();
    }

    /** A paragraph, or a table row without numbers (its cells two spaces apart), wrapped. */
    private void prose(String text) throws IOException {
      List<String> wrapped = wrap(text, WIDTH);
      room(wrapped.size());
      for (String part : wrapped) {
        show(part, LEFT);
        y -= LEADING;
      }
    }

    /** A table row: the label wrapped in its column, the numbers on the label's last line. */
    private void row(String[] cells) throws IOException {
      int first = 0;
      while (first < cells.length && !number(cells[first].strip())) {
        first++;
      }
      if (first == cells.length) {
        List<String> words = new ArrayList<>();
        for (String cell : cells) {
          if (!cell.isBlank()) {
            words.add(cell.strip());
          }
        }
        prose(String.join("  ", words));
        return;
      }
      List<String> label = new ArrayList<>();
      for (int c = 0; c < first; c++) {
        if (!cells[c].isBlank()) {
          label.add(cells[c].strip());
        }
      }
      int last = cells.length;
      while (last > first && cells[last - 1].isBlank()) {
        last--;
      }
      List<String> numbers = Arrays.asList(cells).subList(first, last);
      List<String> wrapped =
          label.isEmpty() ? List.of() : wrap(String.join(" ", label), LABEL_WIDTH);
      room(Math.max(1, wrapped.size()));
      int numbersOn = topAligned ? 0 : Math.max(0, wrapped.size() - 1);
      float start = wrapped.isEmpty() ? LEFT : LEFT + LABEL_WIDTH + 10;
      float slot = (LEFT + WIDTH - start) / Math.max(numbers.size(), 7);
      for (int line = 0; line < Math.max(1, wrapped.size()); line++) {
        if (line < wrapped.size()) {
          show(wrapped.get(line), LEFT);
        }
        if (line == numbersOn) {
          for (int n = 0; n < numbers.size(); n++) {
            String value = numbers.get(n).strip();
            if (!value.isEmpty()) {
              show(value, start + n * slot + (slot - width(value)) / 2);
            }
          }
        }
        y -= LEADING;
      }
    }

    private static boolean number(String cell) {
      return !cell.isEmpty() && cell.matches("[0-9.,]+");
    }

    /**
     * Breaks text to lines no wider than the width, never next to an ASCII letter, digit or the
     * punctuation of a number, so that no line ends with a number that is none of the table's ("1.
     * 属于国家秘密" never leaves a lone "1." at the end of a line).
     */
    private List<String> wrap(String text, float width) throws IOException {
      List<String> lines = new ArrayList<>();
      int start = 0;
      while (start < text.length()) {
        int end = start + 1;
        while (end < text.length() && width(text.substring(start, end + 1)) <= width) {
          end++;
        }
        if (end < text.length()) {
          int at = end;
          while (at > start + 1 && !breakable(text, at)) {
            at--;
          }
          end = at > start + 1 ? at : end;
        }
        lines.add(text.substring(start, end).strip());
        start = end;
        while (start < text.length() && text.charAt(start) == ' ') {
          start++;
        }
      }
      return lines;
    }

    private static boolean breakable(String text, int at) {
      return !ascii(text.charAt(at - 1)) && !ascii(text.charAt(at));
    }

    /** Letters, digits and the punctuation of numbers: a line never starts or ends next to one. */
    private static boolean ascii(char c) {
      return c < 128 && (Character.isLetterOrDigit(c) || ".,%-".indexOf(c) >= 0);
    }

    private float width(String text) throws IOException {
      return font.getStringWidth(text) / 1000 * SIZE;
    }

    private void show(String text, float x) throws IOException {
      content.beginText();
      content.setFont(font, SIZE);
      content.newLineAtOffset(x, y);
      content.showText(text);
      content.endText();
    }

    /** A new page when the next lines do not fit on this one. */
    private void room(int lines) throws IOException {
      if (y - (lines - 1) * LEADING < BOTTOM) {
        newPage();
      }
    }

    private void newPage() throws IOException {
      finishPage();
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      content = new PDPageContentStream(document, page);
      pageNumber++;
      y = TOP;
    }

    /** The page number at the foot of the page, as government reports print it. */
    private void finishPage() throws IOException {
      if (content == null) {
        return;
      }
      String marker = "- " + pageNumber + " -";
      y = BOTTOM - 30;
      show(marker, LEFT + (WIDTH - width(marker)) / 2);
      content.close();
      content = null;
    }
  }
}
