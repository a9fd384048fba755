package org.disclosurehub.document;

import java.util.List;
import java.util.Set;

/**
 * Tables 二, 三 and 四 as plain {@code <table>} markup in the printed layout: spans, numbering and
 * labels as the format prints them, numbers in their cells. No classes or styles are needed to read
 * them, so an office can paste them into its CMS; pages style them through {@code table.form}.
 */
public final class TablesHtml {
  private TablesHtml() {}

  /** Every table of the form, each under its heading ({@code <h2>}). */
  public static String tables(PrintedForm form, TableCells cells) {
    return tables(form, cells, Set.of(), 0);
  }

  /**
   * Every table of the form; the cells in {@code inconsistent} are marked (※) and explained by a
   * note under their table: the {@code reports} summed although they break a rule make them
   * disagree with their row or column.
   */
  static String tables(PrintedForm form, TableCells cells, Set<String> inconsistent, int reports) {
    StringBuilder out = new StringBuilder(24_000);
    int index = 0;
    for (PrintedTable table : form.tables()) {
      index++;
      out.append("<h2>").append(Html.escape(table.heading())).append("</h2>\n");
      String note = "inconsistent-note-" + index;
      boolean marked =
          table.rows().stream()
              .flatMap(List::stream)
              .anyMatch(c -> c.isValue() && inconsistent.contains(c.pointer()));
      out.append(table(table, cells, marked ? inconsistent : Set.of(), note));
      if (marked) {
        // Ends in "。", never in a number: the importer reads such lines as table rows.
        out.append("<p class=\"inconsistent-note\" id=\"")
            .append(note)
            .append("\">※ 本表汇总了 ")
            .append(reports)
            .append(" 份不符合勾稽关系、按“接受不一致”保存的报告，标有 ※ 的单元格因此可能与同行或同列各项之和不一致；")
            .append("这些报告及其问题见“汇总说明”。</p>\n");
      }
    }
    return out.toString();
  }

  /**
   * One table: header rows in {@code <thead>} as {@code <th>}, labels as {@code <th>}, values as
   * {@code <td>}.
   */
  public static String table(PrintedTable table, TableCells cells) {
    return table(table, cells, Set.of(), null);
  }

  private static String table(
      PrintedTable table, TableCells cells, Set<String> inconsistent, String note) {
    StringBuilder out = new StringBuilder(8_000);
    out.append("<table class=\"form\" border=\"1\">\n");
    var rows = table.rows();
    if (table.headerRows() > 0) {
      out.append("<thead>\n");
    }
    for (int r = 0; r < rows.size(); r++) {
      if (r == table.headerRows()) {
        out.append(r == 0 ? "<tbody>\n" : "</thead>\n<tbody>\n");
      }
      out.append("<tr>");
      for (PrintedCell cell : rows.get(r)) {
        String tag = cell.isValue() ? "td" : "th";
        out.append('<').append(tag);
        if (cell.rowspan() > 1) {
          out.append(" rowspan=\"").append(cell.rowspan()).append('"');
        }
        if (cell.colspan() > 1) {
          out.append(" colspan=\"").append(cell.colspan()).append('"');
        }
        if (cell.isValue()) {
          if (inconsistent.contains(cell.pointer())) {
            out.append(" class=\"inconsistent\" aria-describedby=\"").append(note).append('"');
          }
          out.append(" data-pointer=\"").append(Html.escape(cell.pointer())).append("\">");
          out.append(cells.text(cell.pointer()));
        } else {
          // A row of labels only heads the columns below it (Table 二's 信息内容 rows).
          boolean headsColumns =
              r < table.headerRows() || rows.get(r).stream().noneMatch(PrintedCell::isValue);
          out.append(headsColumns ? " scope=\"col\">" : " scope=\"row\">");
          out.append(Html.escape(cells.label(cell.label())));
        }
        out.append("</").append(tag).append('>');
      }
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n");
    return out.toString();
  }
}
