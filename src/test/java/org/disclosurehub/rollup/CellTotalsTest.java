package org.disclosurehub.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * CellTotals adds cells as longs: its totals must be those of BigDecimal's exact addition from
 * zero, value and scale, whatever the terms (nulls, signs, scales, sums past the long's range).
 */
class CellTotalsTest {
  private static final int SIZE = 7;

  @Test
  void shouldAddAsBigDecimalDoes() {
    Random random = new Random(20261207);
    for (int round = 0; round < 2_000; round++) {
      CellTotals totals = new CellTotals(SIZE);
      BigDecimal[] expected = zeros();
      int rows = 1 + random.nextInt(30);
      for (int r = 0; r < rows; r++) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) {
          if (random.nextInt(6) == 0) {
            cells.add("NULL");
            continue;
          }
          BigDecimal term = term(random, i);
          cells.add(term.toPlainString());
          expected[i] = expected[i].add(term);
        }
        totals.add("{" + String.join(",", cells) + "}");
      }
      totals.add(null);
      BigDecimal[] actual = zeros();
      totals.addTo(actual);
      for (int i = 0; i < SIZE; i++) {
        assertThat(actual[i].toPlainString())
            .as("round %d cell %d", round, i)
            .isEqualTo(expected[i].toPlainString());
        assertThat(actual[i].scale()).isEqualTo(expected[i].scale());
      }
    }
  }

  @Test
  void shouldTakeTheLargestScaleAndLeaveCellsWithoutTermsAtZero() {
    CellTotals totals = new CellTotals(4);
    totals.add("{1,2.50,NULL,-0.0000}");
    totals.add("{2.125,3,NULL}");
    BigDecimal[] sums = zeros();
    totals.addTo(sums);
    assertThat(sums[0]).isEqualTo(new BigDecimal("3.125"));
    assertThat(sums[1]).isEqualTo(new BigDecimal("5.50"));
    assertThat(sums[2]).isEqualTo(BigDecimal.ZERO);
    assertThat(sums[3]).isEqualTo(new BigDecimal("0.0000"));
  }

  /** Cell 0 small counts; 1 amounts of 4 decimals; 2 scales 0-8; 3 near and past the long range. */
  private static BigDecimal term(Random random, int cell) {
    return switch (cell % 4) {
      case 0 -> BigDecimal.valueOf(random.nextInt(1000) - 100);
      case 1 -> BigDecimal.valueOf(random.nextLong(100_000_000L), 4);
      case 2 ->
          BigDecimal.valueOf(random.nextLong(1_000_000_000L) - 500_000_000L, random.nextInt(9));
      default ->
          new BigDecimal(
              new BigInteger(62 + random.nextInt(8), random)
                  .multiply(BigInteger.valueOf(random.nextBoolean() ? 1 : -1)),
              random.nextInt(3));
    };
  }

  private static BigDecimal[] zeros() {
    BigDecimal[] zeros = new BigDecimal[SIZE];
    java.util.Arrays.fill(zeros, BigDecimal.ZERO);
    return zeros;
  }
}
