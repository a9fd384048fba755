package org.disclosurehub.importer;

import java.util.Arrays;

/**
 * Where the lines of a paged document fall. The reader numbers the lines of a PDF's text on across
 * its pages; answers name the page and the line on it, as someone holding the PDF counts.
 *
 * @param firstLines the number of the first line of each page, in order (page 1 first)
 */
record Pages(int[] firstLines) {
  /** A text or a page of HTML: its lines are not paged. */
  static final Pages NONE = new Pages(new int[0]);

  boolean paged() {
    return firstLines.length > 0;
  }

  /** The page (1-based) a line is on. */
  int page(int line) {
    int at = Arrays.binarySearch(firstLines, line);
    return at >= 0 ? at + 1 : Math.max(1, -at - 1);
  }

  /** The line's number on its page (1-based). */
  int lineOnPage(int line) {
    return paged() ? line - firstLines[page(line) - 1] + 1 : line;
  }

  /** The line in words: "line 12", or "page 3, line 12". */
  String where(int line) {
    return paged() ? "page " + page(line) + ", line " + lineOnPage(line) : "line " + line;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Pages p && Arrays.equals(firstLines, p.firstLines);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(firstLines);
  }

  @Override
  public String toString() {
    return "Pages" + Arrays.toString(firstLines);
  }
}
