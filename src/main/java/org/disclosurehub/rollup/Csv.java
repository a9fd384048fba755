package org.disclosurehub.rollup;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import org.disclosurehub.report.Amounts;
import org.disclosurehub.system.ProblemException;

/**
 * RFC 4180 CSV as Excel in a Chinese locale opens it: UTF-8 with a byte-order mark, CRLF line ends.
 * The header row names each column by its JSON key ({@code newlyReceived}), so that a machine reads
 * it as it is; with {@code ?labels=zh} by its Chinese label ({@code 本年新收申请数}) instead, for people
 * opening the file in Excel or WPS. Never both in one cell.
 */
final class Csv {
  static final String MEDIA_TYPE = "text/csv";
  static final String CONTENT_TYPE = "text/csv; charset=UTF-8";
  private static final char BOM = '\uFEFF';

  private final Writer out;

  private Csv(Writer out) {
    this.out = out;
  }

  static final String LABELS_DESCRIPTION =
      "CSV only. zh: the header row gives the Chinese labels (for Excel or WPS); by default the"
          + " JSON keys, which a machine reads as they are";

  /** Starts a document: the byte-order mark, then the header row of the columns' keys or labels. */
  static Csv start(Writer out, List<Column> header, boolean chinese) throws IOException {
    return withHeader(out, header.stream().map(c -> chinese ? c.label() : c.key()).toList());
  }

  /** Starts a document whose header row is given as it is (reports.csv: keys or labels). */
  static Csv withHeader(Writer out, List<String> header) throws IOException {
    Csv csv = new Csv(out);
    out.write(BOM);
    csv.row(header);
    return csv;
  }

  /**
   * The {@code labels} parameter: true for {@code zh} (Chinese labels in the header row), false
   * when absent (JSON keys); anything else is 400.
   */
  static boolean chinese(String labels) {
    if (labels != null && !labels.equals("zh")) {
      throw ProblemException.invalidParameter("labels", "must be zh, or be left out for keys");
    }
    return labels != null;
  }

  /** A column: its JSON key and its Chinese label. */
  record Column(String key, String label) {}

  void row(List<?> values) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(field(values.get(i)));
    }
    out.write(line.append("\r\n").toString());
  }

  private static String field(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal amount) {
      return Amounts.format(amount);
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    String text = value.toString();
    // A text cell starting like a formula would run as one in a spreadsheet.
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
