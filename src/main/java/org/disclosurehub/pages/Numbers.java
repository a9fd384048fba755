package org.disclosurehub.pages;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers as the pages print them. */
final class Numbers {
  private Numbers() {}

  static String grouped(long value) {
    // As DecimalFormat("#,##0") with Locale.ROOT's symbols writes it, without a DecimalFormat per
    // number (a page writes hundreds).
    String digits = Long.toString(value);
    int start = value < 0 ? 1 : 0;
    int length = digits.length() - start;
    if (length <= 3) {
      return digits;
    }
    StringBuilder grouped = new StringBuilder(digits.length() + length / 3);
    grouped.append(digits, 0, start);
    int head = length % 3 == 0 ? 3 : length % 3;
    grouped.append(digits, start, start + head);
    for (int i = start + head; i < digits.length(); i += 3) {
      grouped.append(',').append(digits, i, i + 3);
    }
    return grouped.toString();
  }

  static String grouped(Long value) {
    return value == null ? "—" : grouped(value.longValue());
  }

  /** A ratio of 4 decimals as a percentage of one decimal; "—" where there is none. */
  static String percent(BigDecimal ratio) {
    return ratio == null ? "—" : ratio.movePointRight(2).setScale(1, RoundingMode.HALF_UP) + "%";
  }
}
