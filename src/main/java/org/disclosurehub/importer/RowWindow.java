package org.disclosurehub.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Which cells of a row are its n values. In plain text a row holds its values and nothing else; in
 * a grid a row may also hold blank cells: label padding (a label spanning columns), trailing
 * padding, and the cells an agency left empty for 0. The n cells are a window of the row's value
 * cells that holds every printed value; blanks inside the window are read as 0.
 *
 * <p>When the table's complete rows show where the values start after a label (the padding its span
 * leaves), the window starts there. When the row can still be read in more than one way, the
 * reading under which its row total holds is taken, and said to be decided by the rules; so is the
 * one joining of numbers a text broke over lines that keeps it ({@link BrokenNumbers}). A blank
 * read as 0 that breaks the row total is not read: a cell may be missing.
 */
final class RowWindow {
  private RowWindow() {}

  /**
   * Where a row's values lie in the grid, as the table shows it, or -1 where it does not.
   *
   * @param pad the blank cells between a label ending in this row's label cell and its values, as
   *     the table's complete rows show it
   * @param end the column of the row's last value, as the table's header shows it for a row of a
   *     rectangular grid (the column of 总计)
   * @param asWide whether the row has as many cells as a complete row with its label layout: it
   *     lacks none
   */
  record Columns(int pad, int end, boolean asWide) {
    static final Columns UNKNOWN = new Columns(-1, -1, false);

    /** Whether the table's layout fixes the window, so that its blanks are cells the grid shows. */
    boolean known() {
      return end >= 0 || (pad >= 0 && asWide);
    }
  }

  /** The values read, how many of them were blanks, whether the rules decided; or the reason. */
  record Picked(List<Row.Value> values, int blanks, boolean byRules, String refusal) {
    boolean ok() {
      return refusal == null;
    }
  }

  /**
   * @param columns where the table's layout puts the row's values, as far as it shows it
   * @param rowTotal the row's total rule over the counts read, or null when it has none
   */
  static Picked pick(Row row, int n, Columns columns, Predicate<List<Integer>> rowTotal) {
    List<Row.Value> printed = row.printed();
    if (!row.gridded() || printed.size() == n) {
      List<Row.Value> joined = row.gridded() ? null : BrokenNumbers.joined(printed, n, rowTotal);
      if (joined != null) {
        return new Picked(joined, 0, true, null);
      }
      if (printed.size() != n) {
        return refused(printed.size(), n);
      }
      return new Picked(printed, 0, false, null);
    }
    if (printed.size() > n) {
      return refused(printed.size(), n);
    }
    List<Row.Value> cells = row.values();
    int first = -1;
    int last = -1;
    for (int i = 0; i < cells.size(); i++) {
      if (!cells.get(i).blank()) {
        first = first < 0 ? i : first;
        last = i;
      }
    }
    Map<List<String>, List<Row.Value>> readings = new LinkedHashMap<>();
    for (int start = 0; start + n <= cells.size(); start++) {
      boolean holdsAll = first < 0 || (start <= first && last < start + n);
      boolean padded =
          columns.pad() < 0 || startColumn(row, cells, start) == row.labelEnd() + 1 + columns.pad();
      boolean ends = columns.end() < 0 || cells.get(start + n - 1).column() == columns.end();
      if (holdsAll && padded && ends) {
        List<Row.Value> window = cells.subList(start, start + n);
        readings.putIfAbsent(window.stream().map(Row.Value::text).toList(), window);
      }
    }
    if (readings.isEmpty()) {
      return refused(printed.size(), n);
    }
    List<List<Row.Value>> candidates = new ArrayList<>(readings.values());
    boolean byRules = false;
    if (candidates.size() > 1 && rowTotal != null) {
      List<List<Row.Value>> holding = candidates.stream().filter(w -> holds(w, rowTotal)).toList();
      if (holding.size() == 1) {
        candidates = holding;
        byRules = true;
      }
    }
    if (candidates.size() > 1) {
      return new Picked(
          null,
          0,
          false,
          "found "
              + printed.size()
              + " number(s) and blank cells that can be read as more than one row of "
              + n);
    }
    List<Row.Value> window = candidates.get(0);
    int blanks = (int) window.stream().filter(Row.Value::blank).count();
    // Where the table's layout does not fix the window, a blank that breaks the row total may be a
    // cell the row lacks; where it does, the blank is a cell the grid shows, and the rule is
    // broken.
    if (blanks > 0
        && rowTotal != null
        && !byRules
        && !columns.known()
        && !holds(window, rowTotal)) {
      return refused(printed.size(), n);
    }
    return new Picked(window, blanks, byRules, null);
  }

  private static int startColumn(Row row, List<Row.Value> cells, int start) {
    return cells.get(start).column();
  }

  private static boolean holds(List<Row.Value> window, Predicate<List<Integer>> rowTotal) {
    List<Integer> counts = new ArrayList<>();
    for (Row.Value value : window) {
      Integer count = value.blank() ? Integer.valueOf(0) : Text.countCell(value.text());
      if (count == null) {
        return false;
      }
      counts.add(count);
    }
    return rowTotal.test(counts);
  }

  private static Picked refused(int found, int n) {
    return new Picked(null, 0, false, "found " + found + " number(s), expected " + n);
  }

  /**
   * Whether every row of the table that holds a number is a row of the grid with exactly n cells
   * after its label, as a page copied from a browser prints a table whose zeros were left empty:
   * then each row shows all of its cells right after its label, though no row prints all n.
   */
  static boolean uniform(List<Row> rows, int n) {
    boolean any = false;
    for (Row row : rows) {
      if (!row.hasValues()) {
        continue;
      }
      if (!row.gridded() || row.source().cells().size() - (row.labelEnd() + 1) != n) {
        return false;
      }
      any = true;
    }
    return any;
  }

  /** The widths (cells) of the complete rows of a table, by the cell their label ends in. */
  static Map<Integer, java.util.Set<Integer>> widths(List<Row> rows, int n) {
    Map<Integer, java.util.Set<Integer>> widths = new LinkedHashMap<>();
    for (Row row : rows) {
      if (row.gridded() && row.printed().size() == n) {
        widths
            .computeIfAbsent(row.labelEnd(), k -> new java.util.HashSet<>())
            .add(row.source().cells().size());
      }
    }
    return widths;
  }

  /**
   * The padding after a label, by the cell the label ends in, as the complete rows of a table show
   * it (every one of them alike), else absent.
   */
  static Map<Integer, Integer> pads(List<Row> rows, int n) {
    Map<Integer, Integer> pads = new LinkedHashMap<>();
    Map<Integer, Boolean> conflicting = new LinkedHashMap<>();
    for (Row row : rows) {
      if (!row.gridded() || row.printed().size() != n) {
        continue;
      }
      int firstColumn = row.printed().get(0).column();
      int pad = firstColumn - row.labelEnd() - 1;
      Integer before = pads.putIfAbsent(row.labelEnd(), pad);
      if (before != null && before != pad) {
        conflicting.put(row.labelEnd(), true);
      }
    }
    conflicting.keySet().forEach(pads::remove);
    return pads;
  }
}
