package org.disclosurehub.rollup;

import java.math.BigDecimal;

/**
 * Rows of cells ({@code numeric[]} in PostgreSQL's text form, {@code {1,2.50,NULL}}) added up
 * position by position as PostgreSQL's {@code sum} adds them: nulls skipped, the result exact, its
 * scale its terms' largest. A term is parsed into a long and its scale rather than a {@link
 * BigDecimal} (an as-of read adds 44,400 cells of 200 changed reports, most of its service CPU when
 * each was a BigDecimal); a position whose sum leaves the long's range, or a term that is not a
 * plain decimal, is carried on as BigDecimal, with the same result.
 */
final class CellTotals {
  private static final long[] POWERS_OF_TEN = new long[19];

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }
  }

  private final long[] unscaled;
  private final int[] scales; // -1: no term yet
  private final BigDecimal[] large; // not null: the position's sum, carried as BigDecimal

  CellTotals(int size) {
    unscaled = new long[size];
    scales = new int[size];
    java.util.Arrays.fill(scales, -1);
    large = new BigDecimal[size];
  }

  /** Adds a row's cells (null: none); positions beyond the size are ignored. */
  void add(String text) {
    if (text == null) {
      return;
    }
    int end = text.length() - 1; // the closing brace
    int start = 1;
    for (int i = 0; start < end && i < unscaled.length; i++) {
      int stop = text.indexOf(',', start);
      if (stop < 0 || stop > end) {
        stop = end;
      }
      if (!(stop - start == 4 && text.startsWith("NULL", start))) {
        add(i, text, start, stop);
      }
      start = stop + 1;
    }
  }

  private void add(int i, String text, int start, int stop) {
    if (large[i] == null) {
      // A plain decimal of at most 18 digits: its digits as a long, its scale.
      boolean negative = text.charAt(start) == '-';
      int at = negative ? start + 1 : start;
      long value = 0;
      int digits = 0;
      int scale = -1; // digits after the point, once one is seen
      boolean plain = at < stop;
      for (; at < stop && plain; at++) {
        char c = text.charAt(at);
        if (c >= '0' && c <= '9') {
          value = value * 10 + (c - '0');
          digits++;
          scale += scale >= 0 ? 1 : 0;
        } else if (c == '.' && scale < 0) {
          scale = 0;
        } else {
          plain = false;
        }
      }
      if (plain && digits > 0 && digits <= 18) {
        if (added(i, negative ? -value : value, Math.max(scale, 0))) {
          return;
        }
      }
      large[i] = scales[i] < 0 ? BigDecimal.ZERO : BigDecimal.valueOf(unscaled[i], scales[i]);
    }
    large[i] = large[i].add(new BigDecimal(text.substring(start, stop)));
  }

  /** Adds a term to position i as longs; false when the sum would leave the long's range. */
  private boolean added(int i, long value, int scale) {
    if (scales[i] < 0) {
      unscaled[i] = value;
      scales[i] = scale;
      return true;
    }
    try {
      long sum = unscaled[i];
      int sumScale = scales[i];
      if (scale > sumScale) {
        sum = Math.multiplyExact(sum, power(scale - sumScale));
        sumScale = scale;
      } else if (scale < sumScale) {
        value = Math.multiplyExact(value, power(sumScale - scale));
      }
      unscaled[i] = Math.addExact(sum, value);
      scales[i] = sumScale;
      return true;
    } catch (ArithmeticException e) {
      return false;
    }
  }

  private static long power(int exponent) {
    if (exponent >= POWERS_OF_TEN.length) {
      throw new ArithmeticException("scale too far apart");
    }
    return POWERS_OF_TEN[exponent];
  }

  /** Adds the totals to {@code sums}, position by position (a position without terms: nothing). */
  void addTo(BigDecimal[] sums) {
    for (int i = 0; i < unscaled.length && i < sums.length; i++) {
      if (large[i] != null) {
        sums[i] = sums[i].add(large[i]);
      } else if (scales[i] >= 0) {
        sums[i] = sums[i].add(BigDecimal.valueOf(unscaled[i], scales[i]));
      }
    }
  }
}
