package org.disclosurehub.importer;

import java.util.List;

/**
 * One line of the published text as the importer sees it: a line of plain text, a paragraph of a
 * page, or a row of an HTML table with one cell per {@code <td>}. Every cell keeps the source line
 * it starts on, so that each value read can name where it came from.
 */
record SourceLine(int number, String raw, List<Cell> cells) {

  /** A cell (or the whole line) with the line of the source it starts on. */
  record Cell(String text, int line) {}

  static SourceLine plain(int number, String raw) {
    return new SourceLine(number, raw, List.of(new Cell(raw, number)));
  }

  /** The same line with another number (a line of text inside a page, or across a PDF's pages). */
  SourceLine renumbered(int to) {
    return new SourceLine(
        to, raw, cells.stream().map(c -> new Cell(c.text(), c.line() - number + to)).toList());
  }
}
