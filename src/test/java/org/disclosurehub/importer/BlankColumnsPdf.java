package org.disclosurehub.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.disclosurehub.corpus.Corpus;

/**
 * A PDF as a word processor prints a report whose agency leaves the cells of zero cases empty: the
 * numbers of a real report of the corpus (every cell of its answer key), the row labels of the
 * national form, each number drawn at its column's x position, and the zeros of the five 法人或其他组织
 * columns of Table 三 left empty (the common real case: only 自然人 and 总计 filled). Header words are
 * wrapped in their columns, long labels in the label column (the numbers on the label's last line),
 * and Table 三 breaks across two pages inside a wrapped label.
 *
 * <p>No CJK font is needed on the machine: the glyphs are those of the seed's PDF fixture, whose
 * subset font holds every character of the national form, and the new pages are drawn in that
 * document with that font.
 */
public final class BlankColumnsPdf {
  private static final float SIZE = 9;
  private static final float LEADING = 12;
  private static final float ROW_GAP = 8;
  private static final float LEFT = 40;
  private static final float LABEL_WIDTH = 205;
  private static final float NARROW_LABEL_WIDTH = 120;
  private static final float TABLE_RIGHT = 555;
  private static final float TOP = PDRectangle.A4.getHeight() - 60;

  private final PDDocument document;
  private final PDFont font;
  private final Map<Integer, Integer> codes;
  private final COSName fontName;
  private final PDResources resources;
  private final List<PDPage> pages = new ArrayList<>();
  private StringBuilder content;
  private float y;
  private Layout layout = Layout.PLAIN;

  /**
   * How the report is drawn: the zeros of the five 法人或其他组织 columns left blank; every row of zeros
   * left blank (no glyph in the row but its label); labels wrapped in a narrow label column with
   * the numbers set in the middle of the label's lines, as Word centres a cell vertically (the real
   * 淮安 PDF of the corpus prints its wrapped labels so).
   */
  public record Layout(boolean blankZeros, boolean blankZeroRows, boolean centred) {
    static final Layout PLAIN = new Layout(false, false, false);
  }

  private BlankColumnsPdf(PDDocument document, PDFont font, Map<Integer, Integer> codes) {
    this.document = document;
    this.font = font;
    this.codes = codes;
    PDResources resources = new PDResources();
    this.fontName = resources.add(font);
    this.resources = resources;
  }

  /** The report of the corpus (its key's numbers) as such a PDF. */
  public static byte[] of(Corpus.Entry entry, boolean blankZeros) {
    return of(entry, new Layout(blankZeros, false, false));
  }

  /** The report of the corpus (its key's numbers) drawn in that layout. */
  public static byte[] of(Corpus.Entry entry, Layout layout) {
    try (InputStream in =
            BlankColumnsPdf.class.getResourceAsStream(
                "/imports/pdf/zhongwei-civil-affairs-2024.pdf");
        PDDocument document = Loader.loadPDF(in.readAllBytes())) {
      Map<Integer, Integer> codes = new HashMap<>();
      PDFont[] font = new PDFont[1];
      PDFTextStripper glyphs =
          new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
              for (TextPosition p : positions) {
                if (p.getUnicode().codePointCount(0, p.getUnicode().length()) == 1) {
                  codes.putIfAbsent(p.getUnicode().codePointAt(0), p.getCharacterCodes()[0]);
                  font[0] = p.getFont();
                }
              }
            }
          };
      glyphs.getText(document);
      int original = document.getNumberOfPages();
      BlankColumnsPdf pdf = new BlankColumnsPdf(document, font[0], codes);
      pdf.layout = layout;
      pdf.report(entry.expected(), seedLabels(), layout.blankZeros());
      for (int i = 0; i < original; i++) {
        document.removePage(0);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The labels of the seed's table rows, in order (Table 二, then Table 三). */
  private static List<String> seedLabels() throws IOException {
    try (InputStream in =
        BlankColumnsPdf.class.getResourceAsStream("/reports/zhongwei-civil-affairs-2024.txt")) {
      List<String> labels = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        List<String> words = new ArrayList<>();
        boolean numbers = false;
        for (String field : line.split("\t")) {
          if (field.strip().matches("\\d+(\\.\\d+)?")) {
            numbers = true;
          } else if (!field.isBlank()) {
            words.add(field.strip());
          }
        }
        if (numbers && !words.isEmpty()) {
          labels.add(String.join(" ", words));
        }
      }
      return labels;
    }
  }

  private void report(JsonNode key, List<String> labels, boolean blankZeros) throws IOException {
    List<String> values = new ArrayList<>();
    Corpus.cells(key).values().forEach(v -> values.add(v.asText()));
    newPage();
    line("2024年政府信息公开工作年度报告", LEFT + 150);
    y -= ROW_GAP;
    line("二、主动公开政府信息情况", LEFT);
    float[] three = columns(LEFT + labelWidth(), 3);
    header(three, List.of("信息内容"), List.of("本年制发件数", "本年废止件数", "现行有效件数"));
    int v = 0;
    int label = 0;
    for (int r = 0; r < 2; r++) {
      row(labels.get(label++), three, values.subList(v, v += 3), false);
    }
    for (int r = 0; r < 4; r++) {
      row(labels.get(label++), new float[] {three[1], three[2]}, values.subList(v, v += 1), false);
    }
    y -= ROW_GAP;
    line("三、收到和处理政府信息公开申请情况", LEFT);
    float[] seven = columns(LEFT + labelWidth(), 7);
    spanned(seven, 0, 7, "申请人情况");
    spanned(seven, 1, 6, "法人或其他组织");
    header(seven, List.of(), List.of("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"));
    for (int r = 0; r < 25; r++) {
      List<String> cells = new ArrayList<>(values.subList(v, v += 7));
      for (int c = 1; c <= 5 && blankZeros; c++) {
        cells.set(c, cells.get(c).equals("0") ? "" : cells.get(c));
      }
      if (layout.blankZeroRows() && cells.stream().allMatch(c -> c.isEmpty() || c.equals("0"))) {
        cells.replaceAll(c -> "");
      }
      row(labels.get(label++), seven, cells, r == 20);
    }
    y -= ROW_GAP;
    line("四、政府信息公开行政复议、行政诉讼情况", LEFT);
    float[] fifteen = columns(LEFT, 15);
    spanned(fifteen, 0, 5, "行政复议");
    spanned(fifteen, 5, 15, "行政诉讼");
    spanned(fifteen, 5, 10, "未经复议直接起诉");
    spanned(fifteen, 10, 15, "复议后起诉");
    List<String> words = new ArrayList<>();
    for (int block = 0; block < 3; block++) {
      words.addAll(List.of("结果维持", "结果纠正", "其他结果", "尚未审结", "总计"));
    }
    header(fifteen, List.of(), words);
    row("", fifteen, values.subList(v, v += 15), false);
    y -= ROW_GAP;
    line("五、存在的主要问题及改进情况", LEFT);
    line("六、其他需要报告的事项", LEFT);
    finishPage();
  }

  private float labelWidth() {
    return layout.centred() ? NARROW_LABEL_WIDTH : LABEL_WIDTH;
  }

  /** The x ranges of n equal columns from x to the table's right edge. */
  private static float[] columns(float x, int n) {
    float[] edges = new float[n + 1];
    for (int i = 0; i <= n; i++) {
      edges[i] = x + i * (TABLE_RIGHT - x) / n;
    }
    return edges;
  }

  /** A header row: the label column's words, then each column's word wrapped to its width. */
  private void header(float[] edges, List<String> label, List<String> words) throws IOException {
    List<List<String>> wrapped = new ArrayList<>();
    int lines = label.size();
    for (int c = 0; c < words.size(); c++) {
      wrapped.add(wrap(words.get(c), edges[c + 1] - edges[c] - 6));
      lines = Math.max(lines, wrapped.get(c).size());
    }
    room(lines);
    for (int l = 0; l < lines; l++) {
      if (l < label.size()) {
        show(label.get(l), LEFT);
      }
      for (int c = 0; c < words.size(); c++) {
        if (l < wrapped.get(c).size()) {
          centered(wrapped.get(c).get(l), edges[c], edges[c + 1]);
        }
      }
      y -= LEADING;
    }
    y -= ROW_GAP;
  }

  /** A header cell spanning columns from..to. */
  private void spanned(float[] edges, int from, int to, String word) throws IOException {
    room(1);
    centered(word, edges[from], edges[to]);
    y -= LEADING + ROW_GAP;
  }

  /**
   * A row: its label wrapped in the label column, its numbers on the label's last line; blank cells
   * draw nothing. With breakInside, a new page starts after the label's first line.
   */
  private void row(String label, float[] edges, List<String> cells, boolean breakInside)
      throws IOException {
    float width = labelWidth() - 10;
    List<String> wrapped = label.isEmpty() ? List.of("") : wrap(label, width);
    if (!breakInside) {
      room(wrapped.size());
    }
    float numbers = y;
    for (int l = 0; l < wrapped.size(); l++) {
      show(wrapped.get(l), LEFT);
      if (breakInside && l == 0 && wrapped.size() > 1) {
        newPage();
      } else if (l < wrapped.size() - 1) {
        y -= LEADING;
      }
    }
    // The numbers on the label's last line, or in the middle of its lines.
    float keep = y;
    y = layout.centred() && !breakInside ? (numbers + y) / 2 : y;
    for (int c = 0; c < cells.size(); c++) {
      if (!cells.get(c).isEmpty()) {
        centered(cells.get(c), edges[c], edges[c + 1]);
      }
    }
    y = keep - LEADING - ROW_GAP;
  }

  private void line(String text, float x) throws IOException {
    room(1);
    show(text, x);
    y -= LEADING + ROW_GAP;
  }

  private List<String> wrap(String text, float width) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = start + 1;
      while (end < text.length() && width(text.substring(start, end + 1)) <= width) {
        end++;
      }
      lines.add(text.substring(start, end).strip());
      start = end;
    }
    return lines;
  }

  private float width(String text) {
    float width = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      try {
        width += font.getWidth(code(cp)) / 1000 * SIZE;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      i += Character.charCount(cp);
    }
    return width;
  }

  private int code(int codePoint) {
    Integer code = codes.get(codePoint);
    if (code == null) {
      throw new IllegalArgumentException(
          "the seed's PDF has no glyph for '" + Character.toString(codePoint) + "'");
    }
    return code;
  }

  private void centered(String text, float from, float to) throws IOException {
    show(text, from + (to - from - width(text)) / 2);
  }

  private void show(String text, float x) {
    if (text.isEmpty()) {
      return;
    }
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == ' ') {
        continue;
      }
      hex.append(String.format("%04X", code(cp)));
    }
    content.append(
        String.format(
            java.util.Locale.ROOT,
            "BT /%s %.1f Tf 1 0 0 1 %.2f %.2f Tm <%s> Tj ET%n",
            fontName.getName(),
            SIZE,
            x,
            y,
            hex));
  }

  private void room(int lines) throws IOException {
    if (y - lines * LEADING < 80) {
      newPage();
    }
  }

  private void newPage() throws IOException {
    finishPage();
    PDPage page = new PDPage(PDRectangle.A4);
    page.setResources(resources);
    document.addPage(page);
    pages.add(page);
    content = new StringBuilder();
    y = TOP;
  }

  private void finishPage() throws IOException {
    if (content == null) {
      return;
    }
    float keep = y;
    y = 50;
    centered("- " + pages.size() + " -", LEFT, TABLE_RIGHT);
    y = keep;
    PDStream stream = new PDStream(document);
    try (OutputStream out = stream.createOutputStream()) {
      out.write(content.toString().getBytes(StandardCharsets.US_ASCII));
    }
    pages.get(pages.size() - 1).setContents(stream);
    content = null;
  }
}
