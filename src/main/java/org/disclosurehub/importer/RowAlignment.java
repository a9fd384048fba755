package org.disclosurehub.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The rows of a table aligned to the rows of the national format, as a whole: a dynamic programme
 * over the rows that hold numbers and the form's rows, in order, maximising the similarity of the
 * labels. A label with a typo, a missing character or extra words still lands on its row because
 * its neighbours land on theirs; a row whose label is printed away from its numbers (or not at all)
 * is placed by order, when the rows around it are placed and exactly as many rows are left between
 * them as the form has there. A row that matches nothing and has no place in the order is left
 * unplaced, never forced.
 */
final class RowAlignment {
  /** A label at least this similar to a row of the form names that row. */
  static final double SIMILAR = 0.6;

  /** Labels are compared by their last characters; a longer run of fragments is prose. */
  private static final int MAX_LABEL = 60;

  /**
   * A table has at most 25 rows (a few more where labels wrap); rows of numbers beyond this many
   * are not aligned, so that a hostile table costs no more than a real one.
   */
  private static final int MAX_ROWS = 120;

  /** A row of the form: its key, and the phrases its label is known by (the distinctive first). */
  record Target(String key, List<String> refs) {}

  /** A row of the text placed on a row of the form, and how. */
  record Placed(Row row, int target, ReadingSink.Match match) {}

  private RowAlignment() {}

  /**
   * @param region the rows of the table's section
   * @param width the value cells of the table's narrowest row
   * @param header whether a line is a header of the table (it ends a label run, never a label)
   */
  static List<Placed> align(
      List<Row> region, List<Target> targets, int width, Predicate<Row> header) {
    List<Row> rows = new ArrayList<>();
    List<Row> stray = new ArrayList<>();
    List<String[]> labels = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (int i = 0; i < region.size() && rows.size() < MAX_ROWS; i++) {
      Row row = region.get(i);
      if (header.test(row)) {
        pending.setLength(0);
        continue;
      }
      if (dashesOnly(row)) {
        continue;
      }
      if (strayNumber(row, width)) {
        // A lone number among rows of several cells (a page number, a footnote mark) is no row
        // and no part of a label: reported, and the label above it stays with the row below.
        stray.add(row);
        continue;
      }
      if (!row.hasValues() && !(row.gridded() && row.values().size() >= width)) {
        // A label, or part of one; a row of blank cells as wide as the table's is a row of 0.
        pending.append(clean(row.label()));
        continue;
      }
      StringBuilder after = new StringBuilder();
      for (int k = i + 1; k < region.size() && k <= i + 3; k++) {
        Row next = region.get(k);
        if (next.hasValues() || header.test(next) || startsRow(next.compact())) {
          break;
        }
        after.append(clean(next.label()));
      }
      String own = clean(row.label());
      String before = tail(pending.toString());
      // Fragments that name two rows of the form (labels printed apart from their numbers) say
      // nothing about which of them this row is: the row is then placed by its own label or order.
      before = namesSeveral(before, targets) ? "" : before;
      if (startsRow(row.label()) && namesExactly(before, targets)) {
        // A whole label, then a row that starts with its own number ("2.申请人逾期…申请" over
        // "3.其他" over "(七)总计 5 … 5"): the label's row was printed without cells.
        before = "";
      }
      String following = tail(after.toString());
      if (namesSeveral(following, targets)) {
        after.setLength(0);
      }
      if (namesExactly(own, targets)) {
        // A row that names a row of the form in full is that row: fragments before it belong to
        // a row whose numbers could not be read ("行政处罚 很多" above "行政强制 6"), not to this one.
        before = "";
        after.setLength(0);
      }
      rows.add(row);
      labels.add(
          java.util.stream.Stream.of(own, before + own, own + after, before + own + after)
              .map(RowAlignment::tail)
              .distinct()
              .toArray(String[]::new));
      pending.setLength(0);
    }
    int n = rows.size();
    int m = targets.size();
    double[][] score = new double[n][m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        for (String label : labels.get(i)) {
          for (String ref : targets.get(j).refs()) {
            score[i][j] = Math.max(score[i][j], similarity(label, ref));
          }
        }
      }
    }
    // best[i][j]: the best total over rows i.. and targets j..
    double[][] best = new double[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        double take = score[i][j] >= SIMILAR ? score[i][j] + best[i + 1][j + 1] : -1;
        best[i][j] = Math.max(take, Math.max(best[i + 1][j], best[i][j + 1]));
      }
    }
    int[] placed = new int[n];
    double[] scores = new double[n];
    java.util.Arrays.fill(placed, -1);
    for (int i = 0, j = 0; i < n && j < m; ) {
      if (score[i][j] >= SIMILAR && best[i][j] == score[i][j] + best[i + 1][j + 1]) {
        placed[i] = j;
        scores[i] = score[i][j];
        i++;
        j++;
      } else if (best[i][j] == best[i + 1][j]) {
        i++;
      } else {
        j++;
      }
    }
    byOrder(rows, placed, m);
    outOfOrder(score, placed, scores);
    List<Placed> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (placed[i] >= 0) {
        ReadingSink.Match match =
            scores[i] >= 1.0
                ? ReadingSink.Match.EXACT
                : scores[i] > 0
                    ? new ReadingSink.Match(
                        "similar label (" + String.format("%.2f", scores[i]) + ")", scores[i])
                    : new ReadingSink.Match("placed by order", 0);
        out.add(new Placed(rows.get(i), placed[i], match));
      } else {
        // Unplaced: the target it resembles most, for a repeated row; -1 for none.
        int likeliest = -1;
        for (int j = 0; j < m; j++) {
          if (score[i][j] >= 1.0 && (likeliest < 0 || score[i][j] > score[i][likeliest])) {
            likeliest = j;
          }
        }
        out.add(new Placed(rows.get(i), likeliest, null));
      }
    }
    stray.forEach(row -> out.add(new Placed(row, -1, null)));
    return out;
  }

  /**
   * Rows left unplaced that name a row of the form left unread exactly, printed out of the form's
   * order (a part of the table printed after the rest, as converters do): each is that row.
   */
  private static void outOfOrder(double[][] score, int[] placed, double[] scores) {
    boolean[] taken = new boolean[score.length == 0 ? 0 : score[0].length];
    for (int target : placed) {
      if (target >= 0) {
        taken[target] = true;
      }
    }
    for (int i = 0; i < placed.length; i++) {
      if (placed[i] >= 0) {
        continue;
      }
      int exact = -1;
      for (int j = 0; j < taken.length; j++) {
        if (!taken[j] && score[i][j] >= 1.0) {
          exact = exact < 0 ? j : -2;
        }
      }
      if (exact >= 0) {
        placed[i] = exact;
        scores[i] = 1.0;
        taken[exact] = true;
      }
    }
  }

  /** A line of one number and no label, in a table whose rows have several cells. */
  private static boolean strayNumber(Row row, int width) {
    return width > 1
        && !row.gridded()
        && clean(row.label()).isEmpty()
        && row.printed().size() == 1
        && row.values().size() == 1;
  }

  /** Rows with numbers left between placed rows, as many as the form's rows left there. */
  private static void byOrder(List<Row> rows, int[] placed, int m) {
    int lastRow = -1;
    int lastTarget = -1;
    for (int i = 0; i <= rows.size(); i++) {
      if (i < rows.size() && placed[i] < 0) {
        continue;
      }
      int target = i < rows.size() ? placed[i] : m;
      List<Integer> open = new ArrayList<>();
      for (int k = lastRow + 1; k < i; k++) {
        if (rows.get(k).hasValues()) {
          open.add(k);
        }
      }
      int free = target - lastTarget - 1;
      boolean anchored = lastRow >= 0 && i < rows.size();
      if (!open.isEmpty() && open.size() == free && (anchored || free <= 2)) {
        for (int k = 0; k < open.size(); k++) {
          placed[open.get(k)] = lastTarget + 1 + k;
        }
      }
      lastRow = i;
      lastTarget = target;
    }
  }

  /**
   * How much of a reference phrase a label holds: 1 minus the edit distance of the phrase to the
   * closest part of the label, over the phrase's length (semi-global alignment).
   */
  static double similarity(String label, String ref) {
    if (label.isEmpty() || ref.isEmpty()) {
      return 0;
    }
    if (label.contains(ref)) {
      return 1.0;
    }
    int[] previous = new int[label.length() + 1];
    int[] current = new int[label.length() + 1];
    for (int r = 1; r <= ref.length(); r++) {
      current[0] = r;
      for (int l = 1; l <= label.length(); l++) {
        int cost = ref.charAt(r - 1) == label.charAt(l - 1) ? 0 : 1;
        current[l] =
            Math.min(previous[l - 1] + cost, Math.min(previous[l] + 1, current[l - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    int distance = Integer.MAX_VALUE;
    for (int d : previous) {
      distance = Math.min(distance, d);
    }
    return Math.max(0, 1.0 - (double) distance / ref.length());
  }

  /**
   * Whether a run of label fragments resembles two or more rows of the form by their long phrases.
   */
  private static boolean namesSeveral(String fragments, List<Target> targets) {
    if (fragments.isEmpty()) {
      return false;
    }
    int named = 0;
    for (Target target : targets) {
      for (String ref : target.refs()) {
        if (ref.length() >= 4 && similarity(fragments, ref) >= SIMILAR) {
          named++;
          break;
        }
      }
    }
    return named >= 2;
  }

  /** Whether a label holds one of the form's long phrases as printed. */
  private static boolean namesExactly(String label, List<Target> targets) {
    for (Target target : targets) {
      for (String ref : target.refs()) {
        if (ref.length() >= 4 && label.contains(ref)) {
          return true;
        }
      }
    }
    return false;
  }

  /** A row of nothing but "-" marks and no label: a converter's empty placeholder row. */
  private static boolean dashesOnly(Row row) {
    return clean(row.label()).isEmpty()
        && row.hasValues()
        && row.printed().stream().allMatch(v -> Text.NONE.contains(v.text()));
  }

  /** The label with numbering marks and punctuation left out: only letters are compared. */
  static String clean(String label) {
    StringBuilder out = new StringBuilder(label.length());
    label.codePoints().filter(Character::isLetter).forEach(out::appendCodePoint);
    return out.toString();
  }

  private static String tail(String label) {
    return label.length() <= MAX_LABEL ? label : label.substring(label.length() - MAX_LABEL);
  }

  /** Whether a line starts a row label of its own: "(三)", "3.", "四、", "第二十条". */
  static boolean startsRow(String compact) {
    if (compact.isEmpty()) {
      return false;
    }
    char first = compact.charAt(0);
    return first == '('
        || Character.isDigit(first)
        || compact.startsWith("第二十条")
        || (compact.length() > 1 && "一二三四五六七八九".indexOf(first) >= 0 && compact.charAt(1) == '、');
  }
}
