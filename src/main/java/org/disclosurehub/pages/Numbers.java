package org.disclosurehub.pages;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Numbers as the pages print them. */
final class Numbers {
  private Numbers() {}

  static String grouped(long value) {
    return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
  }

  static String grouped(Long value) {
    return value == null ? "—" : grouped(value.longValue());
  }

  /** A ratio of 4 decimals as a percentage of one decimal; "—" where there is none. */
  static String percent(BigDecimal ratio) {
    return ratio == null ? "—" : ratio.movePointRight(2).setScale(1, RoundingMode.HALF_UP) + "%";
  }
}
