package org.disclosurehub.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The readings of a row whose cells are printed glued together ("801000081" for 80 | 1 | 0 | 0 | 0
 * | 0 | 81), as some crawlers' text of a page has them. A run of digits is split into numbers only
 * where no number of several digits starts with 0 and none has more than {@link #MAX_DIGITS}
 * digits; white space between runs always separates two numbers. With a block rule, the last number
 * of every block of {@code block} numbers is the sum of the others (ROW_TOTAL for Table 三,
 * REVIEW_TOTAL for each block of Table 四), and since that sum is known once the others are chosen,
 * the search tries at most {@code MAX_DIGITS^(block-1)} ways per block start, remembered per start:
 * a hostile row costs no more than a real one.
 */
final class GluedDigits {
  /** No cell of a real report holds a count of more digits; longer runs are not split. */
  static final int MAX_DIGITS = 6;

  /** How a cell of a run that splits one way only was read. */
  static final String ONLY_SPLIT = "glued digits: the only split";

  /** More readings than this are as good as none: the row is ambiguous. */
  static final int MAX_READINGS = 64;

  private final String digits;
  private final boolean[] breakBefore;
  private final int n;
  private final int block;
  private final int cap;
  private final Map<Integer, List<int[]>> memo = new HashMap<>();
  private boolean overflow;

  private GluedDigits(List<String> runs, int n, int block, int cap) {
    StringBuilder all = new StringBuilder();
    breakBefore = new boolean[runs.stream().mapToInt(String::length).sum() + 1];
    for (String run : runs) {
      breakBefore[all.length()] = true;
      all.append(run);
    }
    breakBefore[all.length()] = true;
    this.digits = all.toString();
    this.n = n;
    this.block = block;
    this.cap = cap;
  }

  /**
   * The printed values of a row when they are glued runs of digits that must hold n cells: plain
   * digits only, fewer runs than cells, and enough digits; else null.
   */
  static List<String> runs(Row row, int n) {
    List<String> runs = digitRuns(row);
    if (runs == null) {
      return null;
    }
    int length = runs.stream().mapToInt(String::length).sum();
    return runs.size() < n && length >= n && length <= n * MAX_DIGITS ? runs : null;
  }

  /** The printed values of a row of plain text when each is a run of plain digits, else null. */
  static List<String> digitRuns(Row row) {
    if (row.gridded()) {
      return null;
    }
    List<String> runs = new ArrayList<>();
    for (Row.Value value : row.printed()) {
      String text = value.text();
      if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return null;
      }
      runs.add(text);
    }
    return runs;
  }

  /**
   * The readings of the runs as n numbers under which every block's last number is the sum of the
   * block's others (block 0: no rule); at most cap of them, or null when there are more.
   */
  static List<int[]> readings(List<String> runs, int n, int block, int cap) {
    int length = runs.stream().mapToInt(String::length).sum();
    if (n <= 0 || length < n || length > n * MAX_DIGITS || (block > 0 && n % block != 0)) {
      return List.of();
    }
    GluedDigits search = new GluedDigits(runs, n, block, cap);
    List<int[]> found = search.from(0, 0);
    return search.overflow ? null : found;
  }

  /** Every reading of the digits from position p on, as the numbers from index k on. */
  private List<int[]> from(int p, int k) {
    if (k == n) {
      return p == digits.length() ? List.of(new int[0]) : List.of();
    }
    int key = p * (n + 1) + k;
    List<int[]> known = memo.get(key);
    if (known != null) {
      return known;
    }
    List<int[]> out = new ArrayList<>();
    int size = block > 0 ? block : 1;
    int[] chosen = new int[size];
    choose(p, k, 0, chosen, 0, out);
    memo.put(key, out);
    return out;
  }

  /** Chooses the i-th number of the block (or the single number without a rule) at p. */
  private void choose(int p, int k, int i, int[] chosen, long sum, List<int[]> out) {
    if (overflow) {
      return;
    }
    int left = digits.length() - p;
    int numbersLeft = n - k - i;
    if (left < numbersLeft || left > (long) numbersLeft * MAX_DIGITS) {
      return;
    }
    boolean last = block > 0 && i == block - 1;
    if (last) {
      String total = Long.toString(sum);
      if (digits.startsWith(total, p) && fits(p, total.length())) {
        chosen[i] = (int) sum;
        append(chosen, from(p + total.length(), k + block), out);
      }
      return;
    }
    for (int length = 1; length <= MAX_DIGITS && p + length <= digits.length(); length++) {
      if (!fits(p, length)) {
        break;
      }
      chosen[i] = Integer.parseInt(digits, p, p + length, 10);
      if (block == 0) {
        append(chosen, from(p + length, k + 1), out);
      } else {
        choose(p + length, k, i + 1, chosen, sum + chosen[i], out);
      }
    }
  }

  /** Whether digits p … p+length-1 may be one number: no leading 0, no separator inside. */
  private boolean fits(int p, int length) {
    if (length > 1 && digits.charAt(p) == '0') {
      return false;
    }
    for (int q = p + 1; q < p + length; q++) {
      if (breakBefore[q]) {
        return false;
      }
    }
    return true;
  }

  private void append(int[] head, List<int[]> tails, List<int[]> out) {
    for (int[] tail : tails) {
      if (out.size() >= cap) {
        overflow = true;
        return;
      }
      int[] reading = new int[head.length + tail.length];
      System.arraycopy(head, 0, reading, 0, head.length);
      System.arraycopy(tail, 0, reading, head.length, tail.length);
      out.add(reading);
    }
  }
}
