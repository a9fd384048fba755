package org.disclosurehub.importer;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Makes {@code imports/pdf/shanghai-gov-office-2019.pdf}: the real 2019 trial-format report of the
 * corpus (上海市人民政府办公厅 2019, its published page {@code corpus/shanghai-gov-office-2019/report.html})
 * laid out as a word processor prints its tables. Every cell of the page's three tables is drawn
 * where its column is (a cell spanning columns centred over them, a cell spanning rows on its first
 * row), its text as the page prints it, and the page's empty cells ({@code &nbsp;}) draw nothing:
 * the rows the agency left empty (2.其他法律行政法规禁止公开, （六）其他处理 …) are a label and no glyph. Labels are
 * wrapped in their columns, their lines closer than rows, the numbers on the label's last line. The
 * font is WenQuanYi Zen Hei, embedded as a subset, as for {@link PdfFixtures}: run {@code ./mvnw
 * test -Dtest=TrialFormatPdf -Dpdf.write=true}, then commit the PDF.
 */
class TrialFormatPdf {
  private static final File FONT = new File("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");
  private static final Path HTML =
      Path.of("src", "test", "resources", "corpus", "shanghai-gov-office-2019", "report.html");
  static final String FILE = "shanghai-gov-office-2019.pdf";

  private static final float SIZE = 9;
  private static final float LEADING = 11;
  private static final float ROW_GAP = 7;
  private static final float LEFT = 40;
  private static final float RIGHT = PDRectangle.A4.getWidth() - 40;
  private static final float TOP = PDRectangle.A4.getHeight() - 60;
  private static final float BOTTOM = 70;

  /** Where each table's label columns end: Table 二 1 of 5, Table 三 3 of 10, Table 四 none. */
  private static final float[][] LABEL_EDGES = {{LEFT, 170}, {LEFT, 130, 200, 300}, {LEFT}};

  private PDDocument document;
  private PDType0Font font;
  private PDPageContentStream content;
  private int page;
  private float y;

  @Test
  @EnabledIfSystemProperty(named = "pdf.write", matches = "true")
  void writeFixture() throws IOException {
    Document html = Jsoup.parse(Files.readString(HTML));
    try (PDDocument document = new PDDocument();
        TrueTypeCollection collection = new TrueTypeCollection(FONT)) {
      TrueTypeFont[] first = new TrueTypeFont[1];
      collection.processAllFonts(f -> first[0] = first[0] == null ? f : first[0]);
      this.document = document;
      this.font = PDType0Font.load(document, first[0], true);
      newPage();
      line(html.select("p").first().text(), LEFT + 90);
      String[] headings = {"二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"};
      List<Element> tables = html.select("table");
      for (int t = 0; t < tables.size(); t++) {
        y -= ROW_GAP;
        line(headings[t], LEFT);
        table(grid(tables.get(t)), LABEL_EDGES[t]);
      }
      y -= ROW_GAP;
      line("五、存在的主要问题及改进情况", LEFT);
      line("六、其他需要报告的事项", LEFT);
      finishPage();
      document.save(PdfFixtures.OUT.resolve(FILE).toFile());
    }
  }

  /** A cell of the page's table: its text, first row and column, and how many it spans. */
  private record Cell(String text, int row, int column, int columns) {}

  /** The table's cells placed on its grid, row and column spans expanded as a browser does. */
  private static List<List<Cell>> grid(Element table) {
    List<List<Cell>> rows = new ArrayList<>();
    Map<Integer, Integer> taken = new HashMap<>(); // column -> last row it is taken to
    int r = 0;
    for (Element tr : table.select("tr")) {
      List<Cell> cells = new ArrayList<>();
      int c = 0;
      for (Element td : tr.select("> td, > th")) {
        while (taken.getOrDefault(c, -1) >= r) {
          c++;
        }
        int colspan = span(td.attr("colspan"));
        int rowspan = span(td.attr("rowspan"));
        String text = td.text().replace('\u00a0', ' ').strip();
        cells.add(new Cell(text, r, c, colspan));
        for (int k = c; k < c + colspan; k++) {
          taken.put(k, r + rowspan - 1);
        }
        c += colspan;
      }
      rows.add(cells);
      r++;
    }
    return rows;
  }

  private static int span(String attribute) {
    return attribute.isBlank() ? 1 : Integer.parseInt(attribute.strip());
  }

  /** Draws the rows: label cells wrapped in their columns, value cells centred in theirs. */
  private void table(List<List<Cell>> rows, float[] labelEdges) throws IOException {
    int labels = labelEdges.length - 1;
    int columns = 0;
    for (List<Cell> row : rows) {
      for (Cell cell : row) {
        columns = Math.max(columns, cell.column() + cell.columns());
      }
    }
    float[] edges = new float[columns + 1];
    for (int c = 0; c <= columns; c++) {
      edges[c] =
          c <= labels
              ? labelEdges[c]
              : labelEdges[labels]
                  + (c - labels) * (RIGHT - labelEdges[labels]) / (columns - labels);
    }
    for (List<Cell> row : rows) {
      List<List<String>> wrapped = new ArrayList<>();
      int lines = 1;
      for (Cell cell : row) {
        float width = edges[cell.column() + cell.columns()] - edges[cell.column()] - 6;
        List<String> parts = cell.text().isEmpty() ? List.of() : wrap(cell.text(), width);
        wrapped.add(parts);
        lines = Math.max(lines, parts.size());
      }
      if (y - lines * LEADING < BOTTOM) {
        newPage();
      }
      float top = y;
      for (int i = 0; i < row.size(); i++) {
        Cell cell = row.get(i);
        List<String> parts = wrapped.get(i);
        boolean label = cell.column() < labels;
        // A label's lines from the top; a value (one line) on the row's last line.
        float at = label ? top : top - (lines - 1) * LEADING;
        for (String part : parts) {
          float from = edges[cell.column()];
          float to = edges[cell.column() + cell.columns()];
          show(part, label ? from + 2 : from + (to - from - width(part)) / 2, at);
          at -= LEADING;
        }
      }
      y = top - (lines - 1) * LEADING - LEADING - ROW_GAP;
    }
  }

  private List<String> wrap(String text, float width) throws IOException {
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = start + 1;
      while (end < text.length() && width(text.substring(start, end + 1)) <= width) {
        end++;
      }
      // Never break inside a number ("1." stays with its words).
      while (end < text.length() && end > start + 1 && ascii(text.charAt(end - 1))) {
        end--;
      }
      lines.add(text.substring(start, end).strip());
      start = end;
    }
    return lines;
  }

  private static boolean ascii(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || ".,".indexOf(c) >= 0);
  }

  private float width(String text) throws IOException {
    return font.getStringWidth(text) / 1000 * SIZE;
  }

  private void line(String text, float x) throws IOException {
    if (y - LEADING < BOTTOM) {
      newPage();
    }
    show(text, x, y);
    y -= LEADING + ROW_GAP;
  }

  private void show(String text, float x, float at) throws IOException {
    content.beginText();
    content.setFont(font, SIZE);
    content.newLineAtOffset(x, at);
    content.showText(text);
    content.endText();
  }

  private void newPage() throws IOException {
    finishPage();
    PDPage next = new PDPage(PDRectangle.A4);
    document.addPage(next);
    content = new PDPageContentStream(document, next);
    page++;
    y = TOP;
  }

  private void finishPage() throws IOException {
    if (content == null) {
      return;
    }
    String marker = "- " + page + " -";
    show(marker, (LEFT + RIGHT - width(marker)) / 2, BOTTOM - 30);
    content.close();
    content = null;
  }
}
