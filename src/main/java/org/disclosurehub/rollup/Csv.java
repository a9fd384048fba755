package org.disclosurehub.rollup;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import org.disclosurehub.report.Amounts;

/**
 * RFC 4180 CSV as Excel in a Chinese locale opens it: UTF-8 with a byte-order mark, CRLF line ends,
 * every header cell naming the JSON key and its Chinese label ({@code "newlyReceived 本年新收申请数量"}).
 */
final class Csv {
  static final String MEDIA_TYPE = "text/csv";
  static final String CONTENT_TYPE = "text/csv; charset=UTF-8";
  private static final char BOM = '\uFEFF';

  private final Writer out;

  private Csv(Writer out) {
    this.out = out;
  }

  /** Starts a document: the byte-order mark, then the header row. */
  static Csv start(Writer out, List<Column> header) throws IOException {
    Csv csv = new Csv(out);
    out.write(BOM);
    csv.row(header.stream().map(Column::heading).toList());
    return csv;
  }

  /** Starts a document whose header row is given as it is (reports.csv: keys or labels). */
  static Csv withHeader(Writer out, List<String> header) throws IOException {
    Csv csv = new Csv(out);
    out.write(BOM);
    csv.row(header);
    return csv;
  }

  /** A column: its JSON key and its Chinese label. */
  record Column(String key, String label) {
    String heading() {
      return key + " " + label;
    }
  }

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
