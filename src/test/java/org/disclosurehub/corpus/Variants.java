package org.disclosurehub.corpus;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Turns the text of a real report into hostile but faithful variants, as agencies, converters and
 * people who copy pages produce them: the printed cells keep their values and their order, only the
 * way they are laid out changes. A table row is a line whose last cells are numbers (split by tabs
 * when the line has any, else by spaces) after a label in Chinese, or a line of numbers only.
 */
public final class Variants {
  private static final Pattern NUMBER = Pattern.compile("\\d[\\d,]*(\\.\\d+)?");
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
  private static final Pattern NUMBERING = Pattern.compile("^[（(]?[一二三四五六七八九十\\d]+[）)、.．]");

  /** What a variant does to the text. */
  public enum Mutation {
    /** Zeros of table rows printed as empty cells (tab-separated). */
    BLANK_ZEROS,
    /** One character of one row label dropped. */
    DROP_CHAR,
    /** One character of one row label replaced by another. */
    REPLACE_CHAR,
    /** A row label wrapped: its first half on the line before. */
    WRAP_LABEL,
    /** A row label printed on its own line, its numbers on the next. */
    DETACH_LABEL,
    /** A page-break marker ("- 2 -") before a row. */
    PAGE_BREAK,
    /** Every table row as a Markdown pipe row. */
    PIPES,
    /** The rows as HTML tables, 三、本年度办理结果 spanning its rows, labels spanning columns. */
    HTML
  }

  /** A table row of the text: its line, label and cells. */
  record Row(int line, String label, List<String> cells) {}

  private Variants() {}

  /** The rows of the text, in order. */
  static List<Row> rows(List<String> lines) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Row row = row(i, lines.get(i));
      if (row != null) {
        rows.add(row);
      }
    }
    return rows;
  }

  private static Row row(int index, String line) {
    boolean tabs = line.contains("\t");
    String[] parts = line.strip().split(tabs ? "\t" : " +", -1);
    int end = parts.length;
    int start = end;
    while (start > 0
        && (NUMBER.matcher(parts[start - 1].strip()).matches()
            || (tabs && parts[start - 1].isBlank()))) {
      start--;
    }
    if (start == end) {
      return null;
    }
    String label = String.join(tabs ? "" : " ", List.of(parts).subList(0, start)).strip();
    List<String> cells = new ArrayList<>();
    for (int i = start; i < end; i++) {
      cells.add(parts[i].strip());
    }
    if (cells.stream().noneMatch(c -> NUMBER.matcher(c).matches())) {
      return null;
    }
    if (!label.isEmpty() && !HAN.matcher(label).find()) {
      return null;
    }
    if (label.isEmpty() && cells.size() < 2) {
      return null; // a page number, a year
    }
    return new Row(index, label, cells);
  }

  /** The text with the mutations applied, in order; {@code random} chooses rows and characters. */
  public static String apply(String text, List<Mutation> mutations, Random random) {
    String result = text;
    for (Mutation mutation : mutations) {
      result = apply(result, mutation, random);
    }
    return result;
  }

  static String apply(String text, Mutation mutation, Random random) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    List<Row> rows = rows(lines);
    List<Row> labelled = rows.stream().filter(r -> r.label().length() >= 6).toList();
    switch (mutation) {
      case BLANK_ZEROS -> {
        for (Row row : rows) {
          List<String> cells = row.cells().stream().map(c -> c.equals("0") ? "" : c).toList();
          lines.set(row.line(), row.label() + "\t" + String.join("\t", cells));
        }
      }
      case DROP_CHAR, REPLACE_CHAR -> {
        if (!labelled.isEmpty()) {
          Row row = labelled.get(random.nextInt(labelled.size()));
          String label = typo(row.label(), mutation == Mutation.DROP_CHAR, random);
          lines.set(
              row.line(), lines.get(row.line()).replaceFirst(Pattern.quote(row.label()), label));
        }
      }
      case WRAP_LABEL, DETACH_LABEL -> {
        if (!labelled.isEmpty()) {
          Row row = labelled.get(random.nextInt(labelled.size()));
          String numbers = String.join("\t", row.cells());
          if (mutation == Mutation.WRAP_LABEL) {
            int cut = row.label().length() / 2;
            lines.set(
                row.line(),
                row.label().substring(0, cut) + "\n" + row.label().substring(cut) + "\t" + numbers);
          } else {
            lines.set(row.line(), row.label() + "\n" + numbers);
          }
        }
      }
      case PAGE_BREAK -> {
        if (!rows.isEmpty()) {
          Row row = rows.get(random.nextInt(rows.size()));
          lines.set(row.line(), "- " + (2 + random.nextInt(5)) + " -\n" + lines.get(row.line()));
        }
      }
      case PIPES -> {
        for (Row row : rows) {
          lines.set(
              row.line(),
              "| "
                  + (row.label().isEmpty() ? "" : row.label() + " | ")
                  + String.join(" | ", row.cells())
                  + " |");
        }
      }
      case HTML -> {
        return Html.of(lines, rows);
      }
    }
    return String.join("\n", lines);
  }

  /** The label with one character of its wording (not of its numbering) dropped or replaced. */
  private static String typo(String label, boolean drop, Random random) {
    var numbering = NUMBERING.matcher(label);
    int from = numbering.find() ? numbering.end() : 0;
    List<Integer> han = new ArrayList<>();
    for (int i = from; i < label.length(); i++) {
      if (HAN.matcher(String.valueOf(label.charAt(i))).matches()) {
        han.add(i);
      }
    }
    if (han.isEmpty()) {
      return label;
    }
    int at = han.get(random.nextInt(han.size()));
    String replacement = drop ? "" : String.valueOf("的之其为和或及".charAt(random.nextInt(7)));
    return label.substring(0, at) + replacement + label.substring(at + 1);
  }

  /** The bytes of a variant as a site that serves GB18030 (or GBK) sends them. */
  public static byte[] gb18030(String text) {
    return text.getBytes(Charset.forName("GB18030"));
  }

  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
