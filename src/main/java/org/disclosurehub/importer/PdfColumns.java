package org.disclosurehub.importer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The columns of the table of one section of a PDF, by their x ranges: the ranges of the numbers of
 * rows that print two or more (joined where they overlap), then those of the header cells above the
 * last row, narrowest first, each one that falls in no column yet a column of its own (a column no
 * row prints a number in) and each one that covers two columns or more a span, ignored. A row whose
 * numbers each fall in one column, in order, and whose label ends before the first column, gets one
 * cell per column, blank where it prints nothing.
 */
final class PdfColumns {
  /** Points of slack when comparing x ranges (a glyph's advance rounds, cells are padded). */
  private static final float SLACK = 1f;

  private final List<PdfGrid.Line> lines;
  private final List<float[]> columns = new ArrayList<>();

  private PdfColumns(List<PdfGrid.Line> lines) {
    this.lines = lines;
  }

  static PdfColumns of(List<PdfGrid.Line> lines) {
    PdfColumns table = new PdfColumns(lines);
    table.findColumns();
    return table;
  }

  /**
   * The cells of every line, each with its line (numbered from 1 in the order of the lines), with a
   * blank cell wherever a row of a table leaves one of the table's columns empty, and a label
   * wrapped over several lines as one cell ({@link PdfRows}). Tables are taken section by section
   * (between the report's headings).
   */
  static List<PdfRows.GridLine> grid(List<PdfGrid.Line> lines) {
    List<PdfRows.GridLine> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= lines.size(); i++) {
      if (i == lines.size() || (i > start && heading(lines.get(i)))) {
        PdfColumns table = of(lines.subList(start, i));
        out.addAll(PdfRows.of(table.lines, table.rows(), table.firstColumnLeft(), start + 1));
        start = i;
      }
    }
    return out;
  }

  private static boolean heading(PdfGrid.Line line) {
    String compact =
        Text.compact(
            Text.normalize(
                String.join("", line.cells().stream().map(PdfGrid.Cell::text).toList())));
    return Sections.headingOf(compact) >= 0;
  }

  /** How many cells at the end of the line are values. */
  private static int values(PdfGrid.Line line) {
    List<PdfGrid.Cell> cells = line.cells();
    int n = 0;
    while (n < cells.size() && PdfGrid.value(cells.get(cells.size() - 1 - n))) {
      n++;
    }
    return n;
  }

  private void findColumns() {
    List<float[]> numbers = new ArrayList<>();
    int last = -1;
    for (int i = 0; i < lines.size(); i++) {
      PdfGrid.Line line = lines.get(i);
      int n = values(line);
      if (n >= 2) {
        List<PdfGrid.Cell> cells = line.cells();
        for (PdfGrid.Cell cell : cells.subList(cells.size() - n, cells.size())) {
          numbers.add(new float[] {cell.left(), cell.right()});
        }
        last = i;
      }
    }
    if (numbers.isEmpty()) {
      return;
    }
    numbers.sort(Comparator.comparingDouble(r -> r[0]));
    for (float[] range : numbers) {
      float[] column = columns.isEmpty() ? null : columns.get(columns.size() - 1);
      if (column != null && range[0] <= column[1] + SLACK) {
        column[1] = Math.max(column[1], range[1]);
      } else {
        columns.add(range.clone());
      }
    }
    float valuesLeft = columns.get(0)[0];
    List<PdfGrid.Cell> headers = new ArrayList<>();
    for (PdfGrid.Line line : lines.subList(0, last)) {
      if (values(line) == 0) {
        for (PdfGrid.Cell cell : line.cells()) {
          if (cell.left() >= valuesLeft - SLACK
              && !Text.pageMarker(Text.compact(Text.normalize(cell.text())))) {
            headers.add(cell);
          }
        }
      }
    }
    headers.sort(Comparator.comparingDouble(c -> c.right() - c.left()));
    for (PdfGrid.Cell header : headers) {
      if (covered(header.left(), header.right()).isEmpty()) {
        columns.add(new float[] {header.left(), header.right()});
        columns.sort(Comparator.comparingDouble(r -> r[0]));
      }
    }
  }

  /** The columns a range overlaps, in order. */
  private List<Integer> covered(float left, float right) {
    List<Integer> out = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      if (left <= columns.get(c)[1] + SLACK && right >= columns.get(c)[0] - SLACK) {
        out.add(c);
      }
    }
    return out;
  }

  /** Each line as a row of the table, or null for a line that is none (or no table was found). */
  List<PdfRows.TableRow> rows() {
    List<PdfRows.TableRow> out = new ArrayList<>();
    for (PdfGrid.Line line : lines) {
      out.add(columns.isEmpty() ? null : row(line));
    }
    return out;
  }

  /** Where the table's first column starts, or NaN when no table was found. */
  float firstColumnLeft() {
    return columns.isEmpty() ? Float.NaN : columns.get(0)[0];
  }

  private PdfRows.TableRow row(PdfGrid.Line line) {
    int n = values(line);
    if (n == 0) {
      return null;
    }
    List<PdfGrid.Cell> cells = line.cells();
    String compact =
        Text.compact(
            Text.normalize(
                String.join("", line.cells().stream().map(PdfGrid.Cell::text).toList())));
    if (Text.pageMarker(compact)) {
      return null; // "- 3 -": a page number, no row
    }
    List<PdfGrid.Cell> label = cells.subList(0, cells.size() - n);
    if (!label.isEmpty() && label.get(label.size() - 1).right() > columns.get(0)[0] + SLACK) {
      return null;
    }
    String[] slots = new String[columns.size()];
    int previous = -1;
    for (PdfGrid.Cell cell : cells.subList(cells.size() - n, cells.size())) {
      List<Integer> in = covered(cell.left(), cell.right());
      if (in.size() != 1 || in.get(0) <= previous) {
        return null;
      }
      previous = in.get(0);
      slots[previous] = cell.text();
    }
    List<String> row = new ArrayList<>();
    for (String slot : slots) {
      row.add(slot == null ? "" : slot);
    }
    return new PdfRows.TableRow(List.copyOf(label), row);
  }
}
