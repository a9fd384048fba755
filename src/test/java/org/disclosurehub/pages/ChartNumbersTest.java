package org.disclosurehub.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The page's numbers are written without a formatter per number (issue 28: a cold page wrote a
 * hundred through String.format and DecimalFormat), character for character as those formatters
 * wrote them.
 */
class ChartNumbersTest {
  @Test
  void shouldGroupEveryCountAsDecimalFormatDoes() {
    DecimalFormat format =
        new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
    Random random = new Random(28);
    long[] edges = {
      0,
      7,
      -7,
      999,
      1000,
      -999,
      -1000,
      999_999,
      1_000_000,
      12_345_678,
      Long.MAX_VALUE,
      Long.MIN_VALUE
    };
    for (long value : edges) {
      assertThat(Numbers.grouped(value)).as("%d", value).isEqualTo(format.format(value));
    }
    for (int i = 0; i < 200_000; i++) {
      long value = random.nextLong() >> random.nextInt(64);
      assertThat(Numbers.grouped(value)).as("%d", value).isEqualTo(format.format(value));
    }
  }

  @Test
  void shouldWriteOneDecimalAsStringFormatDoes() {
    Random random = new Random(28);
    double[] edges = {
      0.0,
      -0.0,
      0.05,
      0.15,
      0.25,
      -0.04,
      -0.05,
      212.0,
      56.05,
      1e20,
      Double.NaN,
      Double.POSITIVE_INFINITY,
      Double.MIN_VALUE
    };
    for (double value : edges) {
      assertThat(TrendChart.oneDecimal(value))
          .as("%s", value)
          .isEqualTo(String.format(Locale.ROOT, "%.1f", value));
    }
    for (int i = 0; i < 200_000; i++) {
      // As a chart computes them: positions on a 720 × 260 plot, and any double near them.
      double value =
          switch (i % 3) {
            case 0 -> 16 + 196 - 196.0 * random.nextInt(100_000) / (1 + random.nextInt(100_000));
            case 1 -> 56 + 648.0 / (1 + random.nextInt(12)) * random.nextInt(13);
            default -> (random.nextDouble() - 0.5) * 2000;
          };
      assertThat(TrendChart.oneDecimal(value))
          .as("%s", value)
          .isEqualTo(String.format(Locale.ROOT, "%.1f", value));
    }
  }
}
