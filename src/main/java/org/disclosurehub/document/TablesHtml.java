package org.disclosurehub.document;

/**
 * Tables 二, 三 and 四 as plain {@code <table>} markup in the printed layout: spans, numbering and
 * labels as the format prints them, numbers in their cells. No classes or styles are needed to read
 * them, so an office can paste them into its CMS; pages style them through {@code table.form}.
 */
public final class TablesHtml {
  private TablesHtml() {}

  /** Every table of the form, each under its heading ({@code <h2>}). */
  public static String tables(PrintedForm form, TableCells cells) {
    StringBuilder out = new StringBuilder(24_000);
    for (PrintedTable table : form.tables()) {
      out.append("<h2>").append(Html.escape(table.heading())).append("</h2>\n");
      out.append(table(table, cells));
    }
    return out.toString();
  }

  /**
   * One table: header rows in {@code <thead>} as {@code <th>}, labels as {@code <th>}, values as
   * {@code <td>}.
   */
  public static String table(PrintedTable table, TableCells cells) {
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
          out.append(" data-pointer=\"").append(Html.escape(cell.pointer())).append("\">");
          out.append(cells.text(cell.pointer()));
        } else {
          out.append(r < table.headerRows() ? " scope=\"col\">" : ">");
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
