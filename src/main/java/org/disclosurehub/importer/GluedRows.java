package org.disclosurehub.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Table 三's rows printed with their cells glued together, read where the rules decide the split.
 * Each row's readings are those under which ROW_TOTAL holds ({@link GluedDigits}); a row of exactly
 * as many digits as cells has one reading whatever the rules say, and is read as printed. Across
 * the table, the readings under which OUTCOME_TOTAL and BALANCE hold too are kept: a row on which
 * all of them agree is read. When no combination lets the column rules hold (the report breaks one,
 * as real reports do), no reading is changed to make them hold: a row is read only when ROW_TOTAL
 * alone leaves one reading. Every other glued row is reported missing, never guessed.
 */
final class GluedRows {
  /** Combinations of the rows' readings tried at most; beyond, the column rules are not used. */
  static final int MAX_COMBINATIONS = 4096;

  private static final String GLUED = "glued digits";

  /** A glued row waiting for the table's other rows. */
  record Pending(
      Row row,
      String rowPointer,
      List<String> pointers,
      List<String> labels,
      ReadingSink.Match how,
      List<int[]> readings,
      boolean forced) {}

  private final List<Pending> pending = new ArrayList<>();

  /** Keeps the row for later when its values are glued runs; answers whether it did. */
  boolean offer(
      Row row,
      String rowPointer,
      List<String> pointers,
      List<String> labels,
      ReadingSink.Match how) {
    List<String> runs = GluedDigits.runs(row, pointers.size());
    if (runs == null) {
      return false;
    }
    int n = pointers.size();
    List<int[]> any = GluedDigits.readings(runs, n, 0, 2);
    boolean forced = any != null && any.size() == 1;
    List<int[]> readings =
        forced ? any : GluedDigits.readings(runs, n, n, GluedDigits.MAX_READINGS);
    pending.add(new Pending(row, rowPointer, pointers, labels, how, readings, forced));
    return true;
  }

  /**
   * Reads the glued rows: rowPointers are the table's rows in the form's order, the outcome rows
   * those that add up to outcomesTotal; BALANCE is newly + carried = outcomesTotal + forward.
   */
  void finish(
      ReadingSink sink,
      List<String> rowPointers,
      List<String> outcomeRows,
      String outcomesTotal,
      String newly,
      String carried,
      String forward) {
    if (pending.isEmpty()) {
      return;
    }
    int[][] chosen =
        columnRulesDecide(sink, rowPointers, outcomeRows, outcomesTotal, newly, carried, forward);
    for (int i = 0; i < pending.size(); i++) {
      Pending p = pending.get(i);
      int[] reading = null;
      String how;
      if (p.forced()) {
        reading = p.readings().get(0);
        how = GluedDigits.ONLY_SPLIT;
      } else if (chosen != null && chosen[i] != null) {
        reading = chosen[i];
        how =
            GLUED
                + " split; decided by the rules ("
                + (p.readings().size() == 1 ? "ROW_TOTAL" : "ROW_TOTAL, OUTCOME_TOTAL, BALANCE")
                + ")";
      } else if (p.readings() != null && p.readings().size() == 1) {
        reading = p.readings().get(0);
        how = GLUED + " split; decided by the rules (ROW_TOTAL)";
      } else {
        sink.unparsed(
            p.row(), refusal(p) + " (" + String.join(", ", p.labels()) + ")", p.rowPointer());
        continue;
      }
      put(sink, p, reading, how);
    }
  }

  /**
   * Table 四 printed with its cells glued together: read when exactly one split lets REVIEW_TOTAL
   * hold in every block (or the digits split only one way); answers whether it was read.
   */
  static boolean reviews(List<Row> rows, List<String> pointers, int block, ReadingSink sink) {
    List<String> runs = new ArrayList<>();
    for (Row row : rows) {
      List<String> own = GluedDigits.digitRuns(row);
      if (own == null) {
        return false;
      }
      runs.addAll(own);
    }
    if (runs.size() >= pointers.size()) {
      return false;
    }
    int n = pointers.size();
    List<int[]> any = GluedDigits.readings(runs, n, 0, 2);
    boolean forced = any != null && any.size() == 1;
    List<int[]> readings = forced ? any : GluedDigits.readings(runs, n, block, 2);
    if (readings == null || readings.size() != 1) {
      return false;
    }
    String how =
        forced ? GluedDigits.ONLY_SPLIT : GLUED + " split; decided by the rules (REVIEW_TOTAL)";
    Row first = rows.get(0);
    put(
        sink,
        new Pending(
            first,
            "/reviews",
            pointers,
            pointers,
            new ReadingSink.Match("placed by order (Table 四's fixed columns)", 1.0),
            readings,
            forced),
        readings.get(0),
        how);
    return true;
  }

  private static String refusal(Pending p) {
    if (p.readings() == null) {
      return "the glued digits can be split into too many rows of " + p.pointers().size();
    }
    return p.readings().isEmpty()
        ? "the glued digits split into no row of " + p.pointers().size() + " whose total holds"
        : "the glued digits split into "
            + p.readings().size()
            + " rows whose total holds, and the"
            + " table's column rules do not decide between them";
  }

  static void put(ReadingSink sink, Pending p, int[] reading, String how) {
    List<Integer> counts = new ArrayList<>();
    for (int value : reading) {
      counts.add(value);
    }
    if (!sink.firstTime(p.row(), p.rowPointer(), p.pointers(), counts)) {
      return;
    }
    Row.Value first = p.row().printed().get(0);
    for (int c = 0; c < reading.length; c++) {
      sink.put(p.pointers().get(c), reading[c], first, p.how().how() + "; " + how, p.how().score());
    }
    sink.notes.add(
        p.rowPointer()
            + " ("
            + sink.where(first.line())
            + ") is printed with its cells glued together; "
            + how);
  }

  /**
   * The reading of each glued row on which every combination that lets the column rules hold agrees
   * (null where they disagree), or null when no combination lets them hold or they cannot be judged
   * (a row not read, too many combinations).
   */
  private int[][] columnRulesDecide(
      ReadingSink sink,
      List<String> rowPointers,
      List<String> outcomeRows,
      String outcomesTotal,
      String newly,
      String carried,
      String forward) {
    Map<String, Integer> index = new java.util.HashMap<>();
    long combinations = 1;
    for (int i = 0; i < pending.size(); i++) {
      Pending p = pending.get(i);
      if (p.readings() == null || p.readings().isEmpty()) {
        return null;
      }
      index.put(p.rowPointer(), i);
      combinations *= p.readings().size();
      if (combinations > MAX_COMBINATIONS) {
        return null;
      }
    }
    String[] columns = columnsOf(pending.get(0));
    Map<String, int[]> fixed = new java.util.HashMap<>();
    for (String row : rowPointers) {
      if (index.containsKey(row)) {
        continue;
      }
      int[] values = new int[columns.length];
      for (int c = 0; c < columns.length; c++) {
        Object value = sink.cells.get(row + "/" + columns[c]);
        if (!(value instanceof Integer count)) {
          return null;
        }
        values[c] = count;
      }
      fixed.put(row, values);
    }
    int[][] agreed = null;
    int[] choice = new int[pending.size()];
    for (long k = 0; k < combinations; k++) {
      long rest = k;
      for (int i = 0; i < pending.size(); i++) {
        choice[i] = (int) (rest % pending.get(i).readings().size());
        rest /= pending.get(i).readings().size();
      }
      java.util.function.Function<String, int[]> row =
          r ->
              index.containsKey(r)
                  ? pending.get(index.get(r)).readings().get(choice[index.get(r)])
                  : fixed.get(r);
      if (columnRulesHold(
          row, columns.length, outcomeRows, outcomesTotal, newly, carried, forward)) {
        if (agreed == null) {
          agreed = new int[pending.size()][];
          for (int i = 0; i < pending.size(); i++) {
            agreed[i] = pending.get(i).readings().get(choice[i]);
          }
        } else {
          for (int i = 0; i < pending.size(); i++) {
            if (agreed[i] != pending.get(i).readings().get(choice[i])) {
              agreed[i] = null;
            }
          }
        }
      }
    }
    return agreed;
  }

  private static boolean columnRulesHold(
      java.util.function.Function<String, int[]> row,
      int width,
      List<String> outcomeRows,
      String outcomesTotal,
      String newly,
      String carried,
      String forward) {
    for (int c = 0; c < width; c++) {
      long sum = 0;
      for (String outcome : outcomeRows) {
        sum += row.apply(outcome)[c];
      }
      int total = row.apply(outcomesTotal)[c];
      if (sum != total
          || row.apply(newly)[c] + row.apply(carried)[c] != total + row.apply(forward)[c]) {
        return false;
      }
    }
    return true;
  }

  private static String[] columnsOf(Pending p) {
    return p.pointers().stream()
        .map(pointer -> pointer.substring(p.rowPointer().length() + 1))
        .toArray(String[]::new);
  }
}
