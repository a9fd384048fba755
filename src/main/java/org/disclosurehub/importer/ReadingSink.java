package org.disclosurehub.importer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the table readers found, as they find it: every value with where and how it was read, every
 * row recognised but not read with the reason, and the notes. A row read twice with the same
 * numbers is read once; with different numbers neither is taken.
 */
final class ReadingSink {
  final Map<String, Object> cells = new LinkedHashMap<>();
  final Map<String, Integer> provenance = new LinkedHashMap<>();
  final Map<String, CellSource> sources = new LinkedHashMap<>();
  final List<Unparsed> unparsed = new ArrayList<>();
  final List<String> notes = new ArrayList<>();
  private final Map<String, Integer> rowLines = new LinkedHashMap<>();
  private final Set<String> conflicting = new HashSet<>();
  private final List<String> blanks = new ArrayList<>();
  private final List<String> byRules = new ArrayList<>();
  private final List<String> broken = new ArrayList<>();
  private final Pages pages;
  private int unparsedOmitted;

  /** Counts the report's prose states about cells of Table 二 ({@link StatedCounts}). */
  Map<String, Integer> stated = Map.of();

  ReadingSink(Pages pages) {
    this.pages = pages;
  }

  String where(int line) {
    return pages.where(line);
  }

  /**
   * Reads the counts of a row into its cells.
   *
   * @param how how the row was recognised ("exact label", "similar label", "placed by order")
   * @param columns where the table puts the row's values (see {@link RowWindow#pads}), as far as
   *     known
   * @param rowTotal the row's total rule, or null
   */
  void readCounts(
      Row row,
      String rowPointer,
      List<String> pointers,
      List<String> labels,
      Match how,
      RowWindow.Columns columns,
      java.util.function.Predicate<List<Integer>> rowTotal) {
    RowWindow.Picked picked = RowWindow.pick(row, pointers.size(), columns, rowTotal);
    if (!picked.ok() && rowTotal == null && onlySplit(row, rowPointer, pointers, how)) {
      return;
    }
    if (!picked.ok()) {
      unparsed(row, picked.refusal() + " (" + String.join(", ", labels) + ")", rowPointer);
      return;
    }
    List<Integer> counts = new ArrayList<>();
    for (int i = 0; i < pointers.size(); i++) {
      Row.Value value = picked.values().get(i);
      Integer count = value.blank() ? Integer.valueOf(0) : Text.countCell(value.text());
      if (count == null) {
        unparsed(
            row,
            "'"
                + value.text()
                + "' under "
                + labels.get(i)
                + " is not a whole number; the row is not read",
            rowPointer);
        return;
      }
      counts.add(count);
    }
    if (!firstTime(row, rowPointer, pointers, new ArrayList<>(counts))) {
      return;
    }
    for (int i = 0; i < pointers.size(); i++) {
      Row.Value value = picked.values().get(i);
      String method = value.blank() ? "blank read as 0" : how.how();
      if (picked.byRules()) {
        method +=
            picked.values().size() < row.printed().size()
                ? "; a number broken over lines joined, decided by the rules (row total)"
                : "; decided by the rules (row total)";
      }
      put(pointers.get(i), counts.get(i), value, method, how.score());
    }
    if (picked.byRules()) {
      (picked.blanks() == 0 && picked.values().size() < row.printed().size() ? broken : byRules)
          .add(rowPointer + " (" + where(row.source().number()) + ")");
    }
  }

  /**
   * Reads a row without a rule (Table 二) whose cells are glued digits that split one way only (as
   * 规章 "000" does); answers whether it did.
   */
  private boolean onlySplit(Row row, String rowPointer, List<String> pointers, Match how) {
    List<String> runs = GluedDigits.runs(row, pointers.size());
    List<int[]> readings = runs == null ? null : GluedDigits.readings(runs, pointers.size(), 0, 2);
    String decided = GluedDigits.ONLY_SPLIT;
    List<String> said = pointers.stream().filter(stated::containsKey).toList();
    if (runs != null && (readings == null || readings.size() > 1) && !said.isEmpty()) {
      // More than one split: the one that agrees with every count the prose states, if only one.
      List<int[]> all = GluedDigits.readings(runs, pointers.size(), 0, 1024);
      readings = all == null ? null : all.stream().filter(r -> agrees(r, pointers)).toList();
      decided =
          "the only split that agrees with the counts the report's text states ("
              + String.join(", ", said.stream().map(p -> p + " " + stated.get(p)).toList())
              + ")";
    }
    if (readings == null || readings.size() != 1) {
      return false;
    }
    List<Integer> counts = java.util.Arrays.stream(readings.get(0)).boxed().toList();
    if (firstTime(row, rowPointer, pointers, counts)) {
      Row.Value first = row.printed().get(0);
      for (int c = 0; c < counts.size(); c++) {
        put(pointers.get(c), counts.get(c), first, how.how() + "; " + decided, how.score());
      }
      notes.add(
          rowPointer
              + " ("
              + where(first.line())
              + ") is printed with its cells glued together; "
              + decided);
    }
    return true;
  }

  private boolean agrees(int[] reading, List<String> pointers) {
    for (int i = 0; i < reading.length; i++) {
      Integer said = stated.get(pointers.get(i));
      if (said != null && said != reading[i]) {
        return false;
      }
    }
    return true;
  }

  /** How a row was recognised: the words, and the similarity of its label (1 when exact). */
  record Match(String how, double score) {
    static final Match EXACT = new Match("exact label", 1.0);
  }

  /** Where and how a value was read. */
  @com.fasterxml.jackson.annotation.JsonInclude(
      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  @org.eclipse.microprofile.openapi.annotations.media.Schema(
      requiredProperties = {"line", "how", "score"})
  record CellSource(int line, Integer column, String how, double score) {}

  void put(String pointer, Object value, Row.Value cell, String how, double score) {
    cells.put(pointer, value);
    provenance.put(pointer, cell.line());
    sources.put(pointer, new CellSource(cell.line(), cell.column(), how, score));
    if (cell.blank()) {
      blanks.add(pointer + " (" + where(cell.line()) + ")");
    }
  }

  void putText(String pointer, Object value, int line) {
    cells.put(pointer, value);
    provenance.put(pointer, line);
    sources.put(pointer, new CellSource(line, null, "exact label", 1.0));
  }

  /** Whether this is the first time the row is read (see the class comment). */
  boolean firstTime(Row row, String rowPointer, List<String> pointers, List<?> values) {
    if (conflicting.contains(rowPointer)) {
      unparsed(row, "the row appears more than once with different numbers", rowPointer);
      return false;
    }
    Integer earlier = rowLines.get(rowPointer);
    if (earlier == null) {
      rowLines.put(rowPointer, row.source().number());
      return true;
    }
    boolean same = true;
    for (int i = 0; i < values.size(); i++) {
      Object a = cells.get(pointers.get(i));
      Object b = values.get(i);
      same &=
          a != null && (a instanceof BigDecimal x ? x.compareTo((BigDecimal) b) == 0 : a.equals(b));
    }
    if (same) {
      notes.add(where(row.source().number()) + " repeats the row of " + where(earlier));
      return false;
    }
    conflicting.add(rowPointer);
    pointers.forEach(
        p -> {
          cells.remove(p);
          provenance.remove(p);
          sources.remove(p);
        });
    unparsed(
        row,
        "the row appears also at " + where(earlier) + " with different numbers; neither is taken",
        rowPointer);
    return false;
  }

  boolean hasRow(String rowPointer) {
    return rowLines.containsKey(rowPointer);
  }

  void unparsed(Row row, String reason, String pointer) {
    if (unparsed.size() >= Text.MAX_UNPARSED) {
      unparsedOmitted++;
      return;
    }
    unparsed.add(
        new Unparsed(
            row.source().number(), Text.shorten(row.source().raw(), 300), reason, pointer));
  }

  /** The notes, with what was read as 0 from blank cells and what the rules decided. */
  List<String> finish() {
    if (!blanks.isEmpty()) {
      notes.add(
          blanks.size()
              + " blank cell(s) read as 0: "
              + String.join(", ", blanks.subList(0, Math.min(blanks.size(), 50)))
              + (blanks.size() > 50 ? ", …" : ""));
    }
    if (!byRules.isEmpty()) {
      notes.add(
          "blank cells that could be read more than one way were decided by the rules (ROW_TOTAL): "
              + String.join(", ", byRules));
    }
    if (!broken.isEmpty()) {
      notes.add(
          "numbers broken over lines were joined the one way under which the row total holds,"
              + " decided by the rules (ROW_TOTAL): "
              + String.join(", ", broken));
    }
    if (unparsedOmitted > 0) {
      notes.add(unparsedOmitted + " more unparsed line(s) are not listed");
    }
    return notes;
  }
}
