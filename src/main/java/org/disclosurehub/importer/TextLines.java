package org.disclosurehub.importer;

import java.util.ArrayList;
import java.util.List;

/** Plain text (as copied from a page or extracted from a PDF), line by line. */
final class TextLines {
  private TextLines() {}

  /** The lines that are not blank, numbered from 1; CR LF, LF and a lone CR all end a line. */
  static List<SourceLine> of(String text) {
    List<SourceLine> lines = new ArrayList<>();
    int number = 1;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        add(lines, number++, text, start, i);
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    add(lines, number, text, start, text.length());
    return lines;
  }

  /** Blank lines carry nothing; they only count. */
  private static void add(List<SourceLine> lines, int number, String text, int start, int end) {
    for (int i = start; i < end; i++) {
      if (!Character.isWhitespace(text.charAt(i)) && !Character.isSpaceChar(text.charAt(i))) {
        lines.add(SourceLine.plain(number, text.substring(start, end)));
        return;
      }
    }
  }
}
