package org.disclosurehub.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of one section's table in a PDF as the grid's rows: a label wrapped over several lines
 * of the label column is one cell, and a row that prints a label and no number at all is a row of
 * blank cells.
 *
 * <p>A line that prints text only left of the table's first column is a line of a label. It belongs
 * to the row whose numbers are on an adjacent line when it lies in the x range of that row's label
 * (the label cell next to the numbers) and closer to it, line by line, than rows are to each other
 * (the narrowest distance between two rows of numbers): the lines of a wrapped cell are set closer
 * than the rows of a table. A line claimed by the rows on both sides goes to the nearer; at equal
 * distance to neither. A label that ends a page belongs to the first row of the next page when that
 * row's label does not start a row of its own ("(二)", "3.", "四、").
 *
 * <p>A label that belongs to no row, lies between rows of the table, is as far from every other
 * line as rows are from each other, and has rows of the whole table's width around it (a number in
 * the first or in the last column) is a row whose cells are all blank: the row of a table of zeros
 * left blank. Text in a narrower column left of the labels (a group heading such as "(三)不予公开", set
 * in the middle of its rows) is near other lines and stays as it is.
 */
final class PdfRows {
  /** A line as a row of the table: its label's cells, then one text per column ("" if blank). */
  record TableRow(List<PdfGrid.Cell> label, List<String> slots) {}

  /**
   * A line of the grid: its cells, and how many of the last ones are the table's columns (a row of
   * the table, or a blank row), else 0.
   */
  record GridLine(List<SourceLine.Cell> cells, int columns) {}

  /** Points of slack when comparing x ranges. */
  private static final float SLACK = 1f;

  /** Lines of one cell are set closer than this share of the distance between rows. */
  private static final float WRAP = 0.8f;

  private final List<PdfGrid.Line> lines;
  private final List<TableRow> rows;
  private final int first;
  private final boolean[] label;

  /** For each line of a label, the row (line index) it belongs to, or -1. */
  private final int[] owner;

  /** For each line of a label that belongs to a row, its cell that does. */
  private final PdfGrid.Cell[] claimed;

  private final float[] distance;
  private float near;

  private PdfRows(List<PdfGrid.Line> lines, List<TableRow> rows, int first) {
    this.lines = lines;
    this.rows = rows;
    this.first = first;
    this.label = new boolean[lines.size()];
    this.owner = new int[lines.size()];
    this.distance = new float[lines.size()];
    this.claimed = new PdfGrid.Cell[lines.size()];
    java.util.Arrays.fill(owner, -1);
    java.util.Arrays.fill(distance, Float.MAX_VALUE);
  }

  /**
   * The cells of each line, numbered from {@code first}: a row's label cells, then one cell per
   * column; a line whose cells all joined a row's label has none.
   */
  static List<GridLine> of(
      List<PdfGrid.Line> lines, List<TableRow> rows, float firstColumn, int first) {
    PdfRows table = new PdfRows(lines, rows, first);
    if (Float.isNaN(firstColumn)) {
      return table.cells(List.of());
    }
    for (int i = 0; i < lines.size(); i++) {
      table.label[i] = rows.get(i) == null && labelOnly(lines.get(i), firstColumn);
    }
    table.near = table.rowDistance() * WRAP;
    if (table.near <= 0) {
      return table.cells(List.of());
    }
    for (int r = 0; r < lines.size(); r++) {
      if (rows.get(r) != null) {
        table.claim(r, -1);
        table.claim(r, 1);
      }
    }
    table.acrossPages();
    return table.cells(table.blankRows());
  }

  /** A line of text left of the first column only: a label or part of one. */
  private static boolean labelOnly(PdfGrid.Line line, float firstColumn) {
    String compact = Text.compact(Text.normalize(text(line.cells())));
    if (compact.isEmpty() || Text.pageMarker(compact)) {
      return false;
    }
    return line.cells().stream()
        .allMatch(c -> c.right() <= firstColumn + SLACK && !PdfGrid.value(c));
  }

  /** The narrowest distance between two adjacent rows of numbers on a page, or 0. */
  private float rowDistance() {
    float min = Float.MAX_VALUE;
    for (int i = 0; i + 1 < lines.size(); i++) {
      PdfGrid.Line a = lines.get(i);
      PdfGrid.Line b = lines.get(i + 1);
      if (rows.get(i) != null && rows.get(i + 1) != null && a.page() == b.page()) {
        float d = b.baseline() - a.baseline();
        if (d > 0) {
          min = Math.min(min, d);
        }
      }
    }
    return min == Float.MAX_VALUE ? 0 : min;
  }

  /** The x range of a row's label next to its numbers, or null for a row printed without one. */
  private float[] range(int row) {
    List<PdfGrid.Cell> cells = rows.get(row).label();
    if (cells.isEmpty()) {
      return null;
    }
    PdfGrid.Cell last = cells.get(cells.size() - 1);
    return new float[] {last.left(), last.right()};
  }

  /** Claims the lines of the row's label above (step -1) or below (step 1) its numbers. */
  private void claim(int row, int step) {
    float[] range = range(row);
    int last = row;
    for (int j = row + step; j >= 0 && j < lines.size(); j += step) {
      if (!label[j] || lines.get(j).page() != lines.get(row).page()) {
        return;
      }
      PdfGrid.Cell cell = overlapping(lines.get(j), range);
      if (cell == null) {
        continue; // a line of another column of labels (a group heading)
      }
      if (Math.abs(lines.get(j).baseline() - lines.get(last).baseline()) >= near) {
        return;
      }
      range = range == null ? new float[] {cell.left(), cell.right()} : range;
      float d = Math.abs(lines.get(j).baseline() - lines.get(row).baseline());
      if (owner[j] >= 0 && d == distance[j]) {
        owner[j] = -2; // as near to the rows on both sides: neither
      } else if (d < distance[j]) {
        owner[j] = row;
        distance[j] = d;
        claimed[j] = cell;
      }
      last = j;
    }
  }

  /** The rightmost cell of the line within the range (any, for a row printed without a label). */
  private static PdfGrid.Cell overlapping(PdfGrid.Line line, float[] range) {
    List<PdfGrid.Cell> cells = line.cells();
    for (int c = cells.size() - 1; c >= 0; c--) {
      PdfGrid.Cell cell = cells.get(c);
      if (range == null || (cell.left() <= range[1] + SLACK && cell.right() >= range[0] - SLACK)) {
        return cell;
      }
    }
    return null;
  }

  /** A label that ends a page joins the first row of the next page, if that row continues it. */
  private void acrossPages() {
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (lines.get(i).page() == lines.get(i + 1).page()) {
        continue;
      }
      int foot = i;
      while (foot >= 0 && !label[foot] && pageMarker(lines.get(foot))) {
        foot--;
      }
      int top = i + 1;
      while (top < lines.size() && pageMarker(lines.get(top))) {
        top++;
      }
      if (foot < 0 || top >= lines.size() || !label[foot] || owner[foot] != -1) {
        continue;
      }
      int row = rows.get(top) != null ? top : label[top] && owner[top] >= 0 ? owner[top] : -1;
      if (row < 0 || startsRow(head(row))) {
        continue;
      }
      float[] range = range(row);
      for (int j = foot; j >= 0 && label[j] && owner[j] == -1; j--) {
        PdfGrid.Cell cell = overlapping(lines.get(j), range);
        if (cell == null
            || (j < foot
                && lines.get(foot).baseline() - lines.get(j).baseline() >= near * (foot - j))) {
          break;
        }
        owner[j] = row;
        claimed[j] = cell;
        range = range == null ? new float[] {cell.left(), cell.right()} : range;
      }
    }
  }

  private static boolean startsRow(String text) {
    return RowAlignment.startsRow(Text.compact(Text.normalize(text)));
  }

  private static boolean pageMarker(PdfGrid.Line line) {
    return Text.pageMarker(Text.compact(Text.normalize(text(line.cells()))));
  }

  /** The first words of the row's label as the grid will print it. */
  private String head(int row) {
    for (int j = 0; j < row; j++) {
      if (owner[j] == row) {
        return claimed[j].text();
      }
    }
    List<PdfGrid.Cell> cells = rows.get(row).label();
    return cells.isEmpty() ? "" : cells.get(cells.size() - 1).text();
  }

  /** Runs of lines of a label that belong to no row and stand as rows of their own. */
  private List<int[]> blankRows() {
    List<int[]> out = new ArrayList<>();
    // Only where the lines of a wrapped label are seen set closer than rows: elsewhere a label
    // alone on its line may be the first line of the next row's label.
    boolean wrapped = java.util.Arrays.stream(owner).anyMatch(o -> o >= 0);
    int lastRow = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (rows.get(i) != null) {
        lastRow = i;
        continue;
      }
      if (!label[i] || owner[i] != -1 || lastRow < 0) {
        continue;
      }
      int end = i;
      while (end + 1 < lines.size()
          && label[end + 1]
          && owner[end + 1] == -1
          && lines.get(end + 1).page() == lines.get(i).page()
          && lines.get(end + 1).baseline() - lines.get(end).baseline() < near) {
        end++;
      }
      int nextRow = end + 1;
      while (nextRow < lines.size() && rows.get(nextRow) == null) {
        nextRow++;
      }
      if (wrapped
          && nextRow < lines.size()
          && apart(i, end)
          && fullWidth(rows.get(lastRow))
          && fullWidth(rows.get(nextRow))
          && startsRow(text(lines.get(i).cells()))
          && startsRow(head(nextRow))) {
        out.add(new int[] {i, end});
      }
      i = end;
    }
    return out;
  }

  /** Whether the lines from..to are as far from every other line of their page as rows are. */
  private boolean apart(int from, int to) {
    int page = lines.get(from).page();
    for (int k = 0; k < lines.size(); k++) {
      if ((k < from || k > to) && lines.get(k).page() == page) {
        float d =
            k < from
                ? lines.get(from).baseline() - lines.get(k).baseline()
                : lines.get(k).baseline() - lines.get(to).baseline();
        if (Math.abs(d) < near) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Whether the row prints a number in the table's first or last column: a row of the table as wide
   * as it (agencies leave any column empty, 总计 included, but not every outer one).
   */
  private static boolean fullWidth(TableRow row) {
    List<String> slots = row.slots();
    return !slots.get(0).isEmpty() || !slots.get(slots.size() - 1).isEmpty();
  }

  /** The grid's cells of every line, the wrapped labels joined and the blank rows given cells. */
  private List<GridLine> cells(List<int[]> blank) {
    List<List<SourceLine.Cell>> out = new ArrayList<>();
    int[] columnsOf = new int[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      TableRow row = rows.get(i);
      List<SourceLine.Cell> cells = new ArrayList<>();
      if (row == null) {
        for (PdfGrid.Cell cell : lines.get(i).cells()) {
          if (owner[i] < 0 || cell != claimed[i]) {
            cells.add(new SourceLine.Cell(cell.text(), first + i));
          }
        }
      } else {
        List<PdfGrid.Cell> own = row.label();
        for (int c = 0; c + 1 < own.size(); c++) {
          cells.add(new SourceLine.Cell(own.get(c).text(), first + i));
        }
        SourceLine.Cell joined = joined(i);
        if (joined != null) {
          cells.add(joined);
        }
        int number = first + i;
        row.slots().forEach(s -> cells.add(new SourceLine.Cell(s, number)));
        columnsOf[i] = row.slots().size();
      }
      out.add(cells);
    }
    for (int[] run : blank) {
      StringBuilder text = new StringBuilder();
      for (int j = run[0]; j <= run[1]; j++) {
        text.append(text(lines.get(j).cells()));
        out.set(j, new ArrayList<>());
      }
      List<SourceLine.Cell> cells = out.get(run[0]);
      cells.add(new SourceLine.Cell(text.toString(), first + run[0]));
      int columns = rows.stream().filter(r -> r != null).findFirst().orElseThrow().slots().size();
      for (int c = 0; c < columns; c++) {
        cells.add(new SourceLine.Cell("", first + run[0]));
      }
      columnsOf[run[0]] = columns;
    }
    List<GridLine> grid = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      grid.add(new GridLine(out.get(i), columnsOf[i]));
    }
    return grid;
  }

  /** The row's label next to its numbers with the lines of it above and below, as one cell. */
  private SourceLine.Cell joined(int row) {
    StringBuilder text = new StringBuilder();
    int start = -1;
    List<PdfGrid.Cell> own = rows.get(row).label();
    for (int j = 0; j < lines.size(); j++) {
      if (j == row && !own.isEmpty()) {
        text.append(own.get(own.size() - 1).text());
        start = start < 0 ? j : start;
      } else if (owner[j] == row) {
        text.append(claimed[j].text());
        start = start < 0 ? j : start;
      }
    }
    return start < 0 ? null : new SourceLine.Cell(text.toString(), first + start);
  }

  private static String text(List<PdfGrid.Cell> cells) {
    return String.join("", cells.stream().map(PdfGrid.Cell::text).toList());
  }
}
