package org.disclosurehub.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A table printed one cell per line, as a page's text comes out when every {@code <td>} ends a
 * line: a row's label on a line, then each of its numbers on a line of its own. Each label and the
 * lone numbers under it are one row, as the same table printed with its cells on one line is. A
 * sub-row's item number printed on a line of its own ({@code 1.} above {@code 属于国家秘密}) is its
 * label's, never a cell: no count is printed with a trailing point.
 *
 * <p>Only a table printed that way throughout is joined: where any row prints a label and numbers
 * on one line, the rows stay as printed, and a lone number stays what {@link RowAlignment} makes of
 * it (a page number, a footnote mark).
 */
final class CellPerLine {
  /** A sub-row's item number: "1." to "8.". */
  private static final Pattern ITEM_NUMBER = Pattern.compile("\\d{1,2}\\.");

  /**
   * The most cells a row's numbers may make: Table 三's seven, with room for a number the text broke
   * in two; a longer run of lone numbers under a label is no row of the form, and stays as printed.
   */
  private static final int MAX_CELLS = 14;

  private CellPerLine() {}

  /** The table's rows, each label joined with the lone numbers under it where the table is so. */
  static List<Row> rows(List<Row> printed) {
    List<Row> table = printed.stream().map(CellPerLine::punctuation).toList();
    if (!printedOneCellPerLine(table)) {
      return printed;
    }
    List<Row> rows = new ArrayList<>();
    int i = 0;
    while (i < table.size()) {
      Row row = table.get(i++);
      if (itemNumber(table, i - 1)) {
        row = numbered(row, table.get(i++));
      }
      if (!labelOnly(row) || i == table.size() || !cell(table, i) || !aRow(table, i)) {
        rows.add(row);
        continue;
      }
      row = opened(rows, row);
      List<Row.Value> values = new ArrayList<>();
      StringBuilder compact = new StringBuilder(row.compact());
      while (i < table.size() && cell(table, i)) {
        Row value = table.get(i++);
        values.addAll(value.printed());
        compact.append(value.compact());
      }
      rows.add(
          new Row(
              row.index(),
              row.source(),
              compact.toString(),
              row.label(),
              values,
              false,
              row.labelEnd()));
    }
    return rows;
  }

  /** No row prints a label and numbers on one line, and some label has lone numbers under it. */
  private static boolean printedOneCellPerLine(List<Row> table) {
    boolean joined = false;
    for (int i = 0; i < table.size(); i++) {
      Row row = table.get(i);
      if (!row.label().isEmpty() && row.hasValues()) {
        return false;
      }
      if (labelOnly(row) && i + 1 < table.size() && loneValue(table.get(i + 1))) {
        joined = true;
      }
    }
    return joined;
  }

  /**
   * A label that closes a bracket it does not open ({@code )} under {@code 部分公开} / {@code (} /
   * {@code 区分处理的} / …) joined back to the line that opens it, and a note that opens its line
   * ({@code (区分处理的…)}) to the label line above it: a page that ends a line at every change of
   * markup breaks a label with its note that way, and only the whole label is a row of the form.
   * The lines joined are taken off {@code rows}; a bracket no line above opens leaves the label as
   * is.
   */
  private static Row opened(List<Row> rows, Row last) {
    int open = brackets(last.label());
    if (open >= 0) {
      return last;
    }
    int first = rows.size();
    while (open < 0 && first > 0 && labelOnly(rows.get(first - 1))) {
      open += brackets(rows.get(--first).label());
    }
    if (open != 0) {
      return last;
    }
    if (rows.get(first).label().startsWith("(")
        && first > 0
        && labelOnly(rows.get(first - 1))
        && brackets(rows.get(first - 1).label()) == 0
        && !rows.get(first - 1).label().endsWith(")")) {
      first--;
    }
    List<Row> lines = new ArrayList<>(rows.subList(first, rows.size()));
    rows.subList(first, rows.size()).clear();
    lines.add(last);
    StringBuilder compact = new StringBuilder();
    StringBuilder label = new StringBuilder();
    for (Row line : lines) {
      compact.append(line.compact());
      label.append(line.label());
    }
    Row head = lines.get(0);
    return new Row(
        head.index(), head.source(), compact.toString(), label.toString(), List.of(), false, 0);
  }

  /** Opening brackets less closing ones (labels are folded: full-width brackets are ASCII). */
  private static int brackets(String label) {
    int open = 0;
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      open += c == '(' ? 1 : c == ')' ? -1 : 0;
    }
    return open;
  }

  /**
   * A line that is only a comma or a point ({@code ,} between {@code 区分处理的} and {@code 只计这一情形}) as
   * the label text it is: the reader takes any run of digits and separators for a value, and a
   * separator alone would be joined as a cell of the label above it.
   */
  private static Row punctuation(Row row) {
    if (!loneValue(row) || !row.printed().get(0).text().matches("[,.]+")) {
      return row;
    }
    return new Row(row.index(), row.source(), row.compact(), row.compact(), List.of(), false, 0);
  }

  /** The label of a sub-row with its item number, printed on the line above it, in front. */
  private static Row numbered(Row number, Row label) {
    return new Row(
        label.index(),
        label.source(),
        number.compact() + label.compact(),
        number.printed().get(0).text() + label.label(),
        List.of(),
        false,
        label.labelEnd());
  }

  /** At most as many lone numbers as a row can have cells follow from {@code i}. */
  private static boolean aRow(List<Row> table, int i) {
    int end = i;
    while (end < table.size() && cell(table, end)) {
      end++;
    }
    return end - i <= MAX_CELLS;
  }

  /** A lone number under a label that is a cell of its row, not the next sub-row's item number. */
  private static boolean cell(List<Row> table, int i) {
    return loneValue(table.get(i)) && !itemNumber(table, i);
  }

  /** "1." alone on its line, with a label alone on the next line. */
  private static boolean itemNumber(List<Row> table, int i) {
    Row row = table.get(i);
    return loneValue(row)
        && ITEM_NUMBER.matcher(row.printed().get(0).text()).matches()
        && i + 1 < table.size()
        && labelOnly(table.get(i + 1));
  }

  private static boolean labelOnly(Row row) {
    return !row.gridded() && !row.label().isEmpty() && row.values().isEmpty();
  }

  /** A line that is one number (with its unit) and nothing else. */
  private static boolean loneValue(Row row) {
    return !row.gridded() && row.label().isEmpty() && row.values().size() == 1;
  }
}
