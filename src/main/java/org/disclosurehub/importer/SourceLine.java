package org.disclosurehub.importer;

import java.util.List;

/**
 * One line of the published text as the importer sees it: a line of plain text, a paragraph of a
 * page, or a row of an HTML table with one cell per {@code <td>}. Every cell keeps the source line
 * it starts on, so that each value read can name where it came from.
 *
 * @param columns how many of the line's last cells are the table's columns by position, one cell
 *     per column whether printed or empty (a row of a PDF's table, its columns found by the glyphs'
 *     x ranges), else 0: then where a row's cells lie is not known from the line itself
 */
record SourceLine(int number, String raw, List<Cell> cells, int columns) {

  SourceLine(int number, String raw, List<Cell> cells) {
    this(number, raw, cells, 0);
  }

  /** A cell (or the whole line) with the line of the source it starts on. */
  record Cell(String text, int line) {}

  static SourceLine plain(int number, String raw) {
    return new SourceLine(number, raw, List.of(new Cell(raw, number)));
  }

  /** The same line with another number (a line of text inside a page, or across a PDF's pages). */
  SourceLine renumbered(int to) {
    return new SourceLine(
        to,
        raw,
        cells.stream().map(c -> new Cell(c.text(), c.line() - number + to)).toList(),
        columns);
  }
}
