package org.disclosurehub.report;

/**
 * The largest count a cell may hold, given or computed. The largest counts in published reports are
 * a few million (a city's 3,985,758 administrative penalties); a hundred million leaves room and
 * keeps every sum the format asks for (at most 20 rows × 6 columns of cells) far inside a long, and
 * every stored cell inside an int.
 */
public final class CellLimits {
  public static final int MAX_COUNT = 100_000_000;

  private CellLimits() {}

  /**
   * A computed sum as an int cell. Submissions refuse sums over the maximum before totals are
   * computed ({@link TotalsOverLimit#of}); only an unstored import preview of an implausible text
   * can reach the int's bounds, and then sees them rather than a wrapped number.
   */
  static int saturated(long sum) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, sum));
  }
}
