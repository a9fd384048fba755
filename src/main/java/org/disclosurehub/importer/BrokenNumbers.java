package org.disclosurehub.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A row printed one cell per line whose text broke a number over two or three lines ({@code 1} /
 * {@code 62} for 162): more numbers than the row has cells. Joining neighbouring lines back into
 * one number can be done many ways; a way is taken only when it is the one way under which the
 * row's total rule holds, and the reading says the rules decided it. Without a rule, or with none
 * or several ways holding, the row is not read.
 */
final class BrokenNumbers {
  /**
   * The most lines a number is taken to be broken over, and the most extra lines a row may show.
   */
  private static final int MAX_PIECES = 3;

  private static final int MAX_EXTRA = 3;

  private BrokenNumbers() {}

  /**
   * The row's n values, the broken numbers joined, or null when no single joining keeps the rule.
   * Only whole numbers each on a line of its own are joined, and never onto a 0 (no count is
   * printed "05").
   */
  static List<Row.Value> joined(List<Row.Value> printed, int n, Predicate<List<Integer>> rule) {
    int extra = printed.size() - n;
    if (rule == null || extra <= 0 || extra > MAX_EXTRA || !onLinesOfTheirOwn(printed)) {
      return null;
    }
    List<List<Row.Value>> holding = new ArrayList<>();
    join(printed, 0, n, new ArrayList<>(), rule, holding);
    return holding.size() == 1 ? holding.get(0) : null;
  }

  /** Every way to join printed[from..] into n more values, kept where the rule holds. */
  private static void join(
      List<Row.Value> printed,
      int from,
      int n,
      List<Row.Value> values,
      Predicate<List<Integer>> rule,
      List<List<Row.Value>> holding) {
    if (holding.size() > 1) {
      return;
    }
    int left = printed.size() - from;
    if (n == 0) {
      if (left == 0 && rule.test(values.stream().map(v -> Integer.valueOf(v.text())).toList())) {
        holding.add(List.copyOf(values));
      }
      return;
    }
    StringBuilder digits = new StringBuilder();
    for (int pieces = 1; pieces <= MAX_PIECES && pieces <= left - (n - 1); pieces++) {
      String piece = printed.get(from + pieces - 1).text();
      if (pieces > 1 && digits.charAt(0) == '0') {
        return;
      }
      digits.append(piece);
      if (digits.length() > 9) {
        return;
      }
      Row.Value first = printed.get(from);
      values.add(new Row.Value(digits.toString(), first.line(), first.column(), false));
      join(printed, from + pieces, n - 1, values, rule, holding);
      values.remove(values.size() - 1);
    }
  }

  /** Whole numbers without a unit, each printed on a line of its own. */
  private static boolean onLinesOfTheirOwn(List<Row.Value> printed) {
    for (int i = 0; i < printed.size(); i++) {
      Row.Value value = printed.get(i);
      if (!value.text().matches("\\d{1,9}")
          || (i > 0 && printed.get(i - 1).line() == value.line())) {
        return false;
      }
    }
    return true;
  }
}
