package org.disclosurehub.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * A line of the report as a row of the grid: its label (without white space) and the value cells it
 * ends with. A line whose form shows its cells (a tab-separated field, a {@code <td>}, a Markdown
 * pipe cell, a column of a PDF) keeps its empty cells as blank values; in plain text a value is a
 * token, and a blank cannot be seen.
 *
 * @param gridded whether the line's cells are those of the grid, so that a blank value is a cell
 * @param labelEnd the index of the cell the label ends in (for a line without cells, 0)
 */
record Row(
    int index,
    SourceLine source,
    String compact,
    String label,
    List<Value> values,
    boolean gridded,
    int labelEnd) {

  /** A value cell: its text as printed (folded), the source line and column, and whether blank. */
  record Value(String text, int line, int column, boolean blank) {}

  /** Whether the row holds at least one printed value (blank cells alone do not count). */
  boolean hasValues() {
    for (Value value : values) {
      if (!value.blank()) {
        return true;
      }
    }
    return false;
  }

  /** The printed values, blanks left out. */
  List<Value> printed() {
    return values.stream().filter(v -> !v.blank()).toList();
  }

  /** The row of a line, or null for a line that carries nothing (blank, a page marker). */
  static Row of(int index, SourceLine line) {
    if (line.raw().length() > Text.MAX_ROW_LENGTH) {
      // No row of the tables is this long: prose at most, never cells.
      String compact = Text.compact(line.raw());
      return new Row(index, line, compact, compact, List.of(), false, 0);
    }
    boolean gridded = line.cells().size() > 1;
    List<Value> values = new ArrayList<>();
    StringBuilder label = new StringBuilder();
    StringBuilder compact = new StringBuilder();
    int labelEnd = -1;
    // From the last cell back: value cells (blank or printed values) until the label.
    List<SourceLine.Cell> cells = line.cells();
    String[] folded = new String[cells.size()];
    for (int c = 0; c < folded.length; c++) {
      folded[c] = Text.normalize(cells.get(c).text());
    }
    for (int c = cells.size() - 1; c >= 0 && labelEnd < 0; c--) {
      SourceLine.Cell cell = cells.get(c);
      List<String> tokens = Text.tokens(folded[c]);
      if (tokens.isEmpty()) {
        if (gridded) {
          values.add(0, new Value("", cell.line(), c, true));
        }
        continue;
      }
      if (gridded) {
        String whole = Text.valueWithNote(String.join("", tokens));
        if (whole != null && (tokens.size() > 1 || !Text.valueLike(tokens.get(0)))) {
          // "12 (含依申请公开 3 件)": the number, its note left out.
          values.add(0, new Value(whole, cell.line(), c, false));
          continue;
        }
      }
      int end = tokens.size();
      while (end > 0 && Text.valueLike(tokens.get(end - 1))) {
        end--;
      }
      for (int t = tokens.size() - 1; t >= end; t--) {
        values.add(0, new Value(tokens.get(t), cell.line(), c, false));
      }
      if (end > 0) {
        labelEnd = c;
        for (int t = 0; t < end; t++) {
          label.insert(0, tokens.get(end - 1 - t));
        }
      }
    }
    StringBuilder head = new StringBuilder();
    for (int c = 0; c < labelEnd; c++) {
      head.append(Text.compact(folded[c]));
    }
    label.insert(0, head);
    for (String cell : folded) {
      compact.append(Text.compact(cell));
    }
    if (compact.length() == 0 || Text.pageMarker(compact.toString())) {
      return null;
    }
    if (!gridded) {
      values.removeIf(Value::blank);
    }
    return new Row(index, line, compact.toString(), label.toString(), values, gridded, labelEnd);
  }
}
