package org.disclosurehub.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Plain text (as copied from a page, extracted from a PDF, or converted to Markdown), line by line,
 * as a grid: a line with tabs has one cell per tab-separated field (an empty field is a blank
 * cell), a Markdown pipe row {@code | a | b |} one cell per field; any other line is one cell.
 */
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

  /** Blank lines carry nothing; they only count. So does a Markdown table's rule |---|---|. */
  private static void add(List<SourceLine> lines, int number, String text, int start, int end) {
    for (int i = start; i < end; i++) {
      if (!Character.isWhitespace(text.charAt(i)) && !Character.isSpaceChar(text.charAt(i))) {
        String raw = text.substring(start, end);
        List<String> body = OneLineBody.split(raw);
        if (body != null) {
          // A whole report on one line: its lines, each with this line's number.
          body.forEach(piece -> lines.add(SourceLine.plain(number, piece)));
          return;
        }
        if (raw.length() > Text.MAX_ROW_LENGTH) {
          // No row of the tables is this long: prose at most, never cells.
          lines.add(SourceLine.plain(number, raw));
          return;
        }
        List<String> fields = pipeFields(raw);
        if (fields == null && raw.indexOf('\t') >= 0) {
          fields = split(raw, '\t');
        }
        if (fields == null) {
          lines.add(SourceLine.plain(number, raw));
        } else if (!rule(fields)) {
          lines.add(
              new SourceLine(
                  number, raw, fields.stream().map(f -> new SourceLine.Cell(f, number)).toList()));
        }
        return;
      }
    }
  }

  /** The fields of a Markdown pipe row ("| a | b |", also without the outer pipes), or null. */
  private static List<String> pipeFields(String raw) {
    String line = raw.strip();
    if (line.length() < 3 || line.charAt(0) != '|' || line.indexOf('|', 1) < 0) {
      return null;
    }
    String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
    return split(inner, '|');
  }

  private static List<String> split(String line, char separator) {
    List<String> fields = new ArrayList<>();
    int from = 0;
    for (int i = 0; i <= line.length(); i++) {
      if (i == line.length() || line.charAt(i) == separator) {
        fields.add(line.substring(from, i));
        from = i + 1;
      }
    }
    return fields;
  }

  /** A Markdown rule row: only dashes, colons and spaces in every field. */
  private static boolean rule(List<String> fields) {
    boolean dashes = false;
    for (String field : fields) {
      for (int i = 0; i < field.length(); i++) {
        char c = field.charAt(i);
        if (c == '-') {
          dashes = true;
        } else if (c != ':' && c != ' ') {
          return false;
        }
      }
    }
    return dashes && fields.size() > 1;
  }
}
