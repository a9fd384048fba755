package org.disclosurehub.importer;

import java.util.ArrayList;
import java.util.List;

/** Plain text (as copied from a page or extracted from a PDF), line by line. */
final class TextLines {
  private TextLines() {}

  /** The lines, numbered from 1; CR LF, LF and a lone CR all end a line. */
  static List<SourceLine> of(String text) {
    List<SourceLine> lines = new ArrayList<>();
    int number = 1;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(SourceLine.plain(number++, text.substring(start, i)));
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    if (start < text.length()) {
      lines.add(SourceLine.plain(number, text.substring(start)));
    }
    return lines;
  }
}
