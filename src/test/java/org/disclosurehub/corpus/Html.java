package org.disclosurehub.corpus;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.disclosurehub.corpus.Variants.Row;

/**
 * A report's text as an HTML page: prose lines as paragraphs, each run of table rows as one {@code
 * <table>}; in Table 三 the rows of 三、本年度办理结果 get a first cell spanning them all ({@code rowspan})
 * and the rows 一、二、四 a label spanning the two label columns ({@code colspan}).
 */
final class Html {
  private Html() {}

  static String of(List<String> lines, List<Row> rows) {
    Map<Integer, Row> byLine =
        rows.stream()
            .collect(Collectors.toMap(Row::line, Function.identity(), (a, b) -> a, TreeMap::new));
    StringBuilder html =
        new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\n");
    int i = 0;
    while (i < lines.size()) {
      if (!byLine.containsKey(i)) {
        String line = lines.get(i).strip();
        if (!line.isEmpty()) {
          html.append("<p>").append(escape(line)).append("</p>\n");
        }
        i++;
        continue;
      }
      int end = i;
      while (byLine.containsKey(end)) {
        end++;
      }
      table(html, lines.subList(i, end).size(), byLine, i);
      i = end;
    }
    return html.append("</body></html>\n").toString();
  }

  private static void table(StringBuilder html, int count, Map<Integer, Row> byLine, int first) {
    html.append("<table border=\"1\">\n");
    int outcomes = 0;
    int outcomeStart = -1;
    for (int line = first; line < first + count; line++) {
      if (outcome(byLine.get(line).label())) {
        if (outcomeStart < 0) {
          outcomeStart = line;
        }
        outcomes++;
      } else if (outcomeStart >= 0) {
        break;
      }
    }
    for (int line = first; line < first + count; line++) {
      Row row = byLine.get(line);
      html.append("<tr>");
      if (line == outcomeStart && outcomes > 1) {
        html.append("<td rowspan=\"").append(outcomes).append("\">三、本年度办理结果</td>");
      }
      if (!row.label().isEmpty()) {
        boolean spans = row.label().matches("^[一二四]、.*");
        html.append(spans ? "<td colspan=\"3\">" : "<td>")
            .append(escape(row.label()))
            .append("</td>");
      }
      for (String cell : row.cells()) {
        html.append("<td>").append(escape(cell)).append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</table>\n");
  }

  private static boolean outcome(String label) {
    return label.matches("^(（[一二三四五六七]）|[1-8][.．]).*");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
