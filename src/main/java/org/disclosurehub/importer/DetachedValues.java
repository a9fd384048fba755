package org.disclosurehub.importer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Values of Table 二 printed away from their row, as PDF-to-Markdown converters print a cell whose
 * text wraps: the number above the table with its note ("22" / "（其中修订 16 件）", or "22（其中修订 16 件）" on
 * one line), the row in the table one cell short ("| 规章 | 22 | 235 |" for three columns).
 *
 * <p>A detached number is a line of one number and no label with its note in parentheses (a bare
 * number may as well be a page number). When a table has as many of them as rows that name a row of
 * the form exactly and lack exactly one cell, they pair in order. Which column a number fills is
 * decided only by what says it: the note's words (修订 names 本年制发件数, 失效 names 本年废止件数), the counts the
 * report's prose states about the row ({@link StatedCounts}), or every column reading the same.
 * When nothing decides, the row is reported and stays missing: a column is never guessed.
 */
final class DetachedValues {
  /** Words of a note that name a column, by the column's header. */
  private static final Map<String, List<String>> WORDS =
      Map.of(
          "本年制发件数", List.of("制发", "制定", "修订", "修改", "新制", "出台", "印发"),
          "本年废止件数", List.of("废止", "失效"),
          "现行有效件数", List.of("现行有效"),
          "本年新制作数量", List.of("新制作"),
          "本年新公开数量", List.of("新公开"),
          "对外公开总数量", List.of("对外公开总"));

  /** A numbering mark in parentheses, "(一)", "(2)": a row's, not a note. */
  private static final Pattern NUMBERING = Pattern.compile("\\([一二三四五六七八九十0-9]{1,3}\\)");

  /** A number printed away from its row, its note and the rows it takes (the note's line too). */
  private record Detached(Row.Value value, String note, List<Row> rows) {}

  /** A row of the table that names a row of the form and prints one cell fewer than it has. */
  private record Short(Row row, String pointer, Table2Columns.Counts counts) {}

  private DetachedValues() {}

  /**
   * Reads the detached numbers and the rows they complete; answers the rest of the table's rows,
   * for the alignment. Nothing is taken unless the numbers and the short rows pair up.
   */
  static List<Row> read(
      List<Row> region, boolean trial, List<RowAlignment.Target> targets, ReadingSink sink) {
    List<Detached> detached = new ArrayList<>();
    List<Short> shorts = new ArrayList<>();
    for (int i = 0; i < region.size(); i++) {
      Row row = region.get(i);
      Row previous = i > 0 ? region.get(i - 1) : null;
      Row next = i + 1 < region.size() ? region.get(i + 1) : null;
      Detached value = detached(row, previous, next);
      if (value != null) {
        detached.add(value);
        continue;
      }
      Short lacking = lacking(row, trial, targets);
      if (lacking != null) {
        shorts.add(lacking);
      }
    }
    if (detached.isEmpty() || detached.size() != shorts.size()) {
      return region;
    }
    Set<Row> taken = new HashSet<>();
    for (int k = 0; k < shorts.size(); k++) {
      Detached value = detached.get(k);
      Short row = shorts.get(k);
      taken.addAll(value.rows());
      taken.add(row.row());
      place(value, row, sink);
    }
    return region.stream().filter(r -> !taken.contains(r)).toList();
  }

  /**
   * A line of one number and no label that follows no label fragment (the number of a row whose
   * label is on the line before is that row's, and is placed by order), with its note.
   */
  private static Detached detached(Row row, Row previous, Row next) {
    boolean afterLabel = previous != null && !previous.hasValues() && note(previous) == null;
    boolean afterHeader = previous != null && Table2Columns.header(previous);
    if (afterLabel && !afterHeader) {
      return null;
    }
    String label = RowAlignment.clean(row.label());
    if (label.isEmpty() && row.printed().size() == 1 && row.values().size() == 1) {
      // Only with its note: a bare number among the lines may as well be a page number.
      String note = next == null ? null : note(next);
      return note == null ? null : new Detached(row.printed().get(0), note, List.of(row, next));
    }
    // "22(其中修订16件)" on one line: the number and its note.
    String compact = row.compact();
    int open = compact.indexOf('(');
    String head = row.hasValues() || open <= 0 ? null : Text.valueWithNote(compact);
    if (head != null && note(compact.substring(open)) != null) {
      return new Detached(
          new Row.Value(head, row.source().number(), 0, false),
          compact.substring(open),
          List.of(row));
    }
    return null;
  }

  /** The words of a note in parentheses that is the whole line, or null. */
  private static String note(Row row) {
    return row.hasValues() ? null : note(row.compact());
  }

  private static String note(String compact) {
    if (compact.length() < 3
        || !compact.startsWith("(")
        || !compact.endsWith(")")
        || compact.indexOf(')') != compact.length() - 1
        || NUMBERING.matcher(compact).matches()) {
      return null;
    }
    return compact;
  }

  /** A row whose label is exactly a row of the form's, printing one cell fewer than it has. */
  private static Short lacking(Row row, boolean trial, List<RowAlignment.Target> targets) {
    String label = RowAlignment.clean(row.label());
    for (RowAlignment.Target target : targets) {
      if (!target.refs().contains(label)) {
        continue;
      }
      Table2Columns.Counts counts = Table2Columns.counts(trial, target.key());
      int printed = row.printed().size();
      if (counts == null || counts.steps().size() < 2 || printed != counts.steps().size() - 1) {
        return null;
      }
      if (row.gridded() && row.values().size() != printed) {
        return null; // a blank cell of the grid is a cell the row has: it is not one short
      }
      String pointer = (trial ? "/activeDisclosure2019/" : "/activeDisclosure/") + target.key();
      return new Short(row, pointer, counts);
    }
    return null;
  }

  /** Places the number in the row's column that its note or the prose decides, else reports. */
  private static void place(Detached value, Short lacking, ReadingSink sink) {
    Row row = lacking.row();
    List<String> pointers = lacking.counts().pointers(lacking.pointer());
    List<String> labels = lacking.counts().labels();
    List<Row.Value> printed = row.printed();
    String where = value.value().text() + " (" + sink.where(value.value().line()) + ")";
    // Every column the number could fill, and what each reading reads.
    Map<Integer, List<Integer>> readings = new LinkedHashMap<>();
    for (int column = 0; column < pointers.size(); column++) {
      List<Row.Value> cells = new ArrayList<>(printed);
      cells.add(column, value.value());
      List<Integer> counts = new ArrayList<>();
      for (Row.Value cell : cells) {
        counts.add(Text.countCell(cell.text()));
      }
      if (counts.contains(null)) {
        sink.unparsed(
            row,
            "a cell of the row or its detached value " + where + " is not a whole number",
            lacking.pointer());
        return;
      }
      readings.put(column, counts);
    }
    List<String> said = new ArrayList<>();
    List<Integer> named = new ArrayList<>();
    List<String> words = new ArrayList<>();
    for (int column = 0; column < labels.size(); column++) {
      for (String word : WORDS.getOrDefault(labels.get(column), List.of())) {
        if (value.note().contains(word)) {
          named.add(column);
          words.add(word);
          break;
        }
      }
    }
    int ways = distinct(readings);
    if (named.size() == 1) {
      readings.keySet().retainAll(named);
      if (distinct(readings) < ways) {
        said.add("its note (" + words.get(0) + " names " + labels.get(named.get(0)) + ")");
      }
    }
    ways = distinct(readings);
    List<String> stated = pointers.stream().filter(sink.stated::containsKey).toList();
    if (!stated.isEmpty()) {
      readings.values().removeIf(r -> !agrees(r, pointers, sink.stated));
      if (distinct(readings) < ways) {
        said.add(
            "the counts the report's text states ("
                + String.join(", ", stated.stream().map(p -> p + " " + sink.stated.get(p)).toList())
                + ")");
      }
    }
    if (distinct(readings) != 1) {
      sink.unparsed(
          row,
          "prints "
              + printed.size()
              + " of its "
              + pointers.size()
              + " cells; which one the number printed away from it, "
              + where
              + " "
              + value.note()
              + ", is, "
              + (readings.isEmpty()
                  ? "its note and the report's text disagree"
                  : "nothing in the text decides"),
          lacking.pointer());
      return;
    }
    int column = readings.keySet().iterator().next();
    List<Integer> counts = readings.get(column);
    String decided =
        said.isEmpty() ? "every column it could fill reads the same" : String.join("; ", said);
    if (!sink.firstTime(row, lacking.pointer(), pointers, counts)) {
      return;
    }
    double score = 1.0;
    for (int c = 0, p = 0; c < pointers.size(); c++) {
      Row.Value cell = c == column ? value.value() : printed.get(p++);
      String how =
          c == column
              ? "detached value placed by " + decided
              : "exact label; its row's detached value placed by " + decided;
      sink.put(pointers.get(c), counts.get(c), cell, how, score);
    }
    sink.notes.add(
        lacking.pointer()
            + " ("
            + sink.where(row.source().number())
            + ") prints "
            + printed.size()
            + " of its "
            + pointers.size()
            + " cells; the number printed away from it, "
            + where
            + " "
            + value.note()
            + ", is "
            + labels.get(column)
            + ": "
            + decided);
  }

  private static int distinct(Map<Integer, List<Integer>> readings) {
    return new HashSet<>(readings.values()).size();
  }

  private static boolean agrees(
      List<Integer> reading, List<String> pointers, Map<String, Integer> stated) {
    for (int i = 0; i < reading.size(); i++) {
      Integer said = stated.get(pointers.get(i));
      if (said != null && !said.equals(reading.get(i))) {
        return false;
      }
    }
    return true;
  }
}
