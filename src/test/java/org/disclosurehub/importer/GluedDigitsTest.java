package org.disclosurehub.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The splitter of glued digits, on its own: which readings of a run of digits exist. */
class GluedDigitsTest {
  @Test
  void shouldFindTheOnlySplitUnderWhichTheRowTotalHolds() {
    List<int[]> readings = GluedDigits.readings(List.of("801000081"), 7, 7, 64);

    assertThat(readings).containsExactly(new int[] {80, 1, 0, 0, 0, 0, 81});
  }

  @Test
  void shouldFindEverySplitUnderWhichTheRowTotalHoldsWhenThereAreSeveral() {
    List<int[]> readings = GluedDigits.readings(List.of("110000011"), 7, 7, 64);

    assertThat(readings)
        .containsExactlyInAnyOrder(
            new int[] {11, 0, 0, 0, 0, 0, 11}, new int[] {1, 10, 0, 0, 0, 0, 11});
  }

  @Test
  void shouldNeverReadANumberOfSeveralDigitsWithALeadingZero() {
    // "1001" as two numbers: 1 | 001 and 10 | 01 print a leading zero; only 100 | 1 does not.
    assertThat(GluedDigits.readings(List.of("1001"), 2, 0, 64)).containsExactly(new int[] {100, 1});
  }

  @Test
  void shouldKeepWhiteSpaceBetweenRunsAsABoundary() {
    // "230 000023": the space ends 23|0 … never 2|30.
    assertThat(GluedDigits.readings(List.of("230", "000023"), 7, 7, 64))
        .containsExactly(new int[] {23, 0, 0, 0, 0, 0, 23});
  }

  @Test
  void shouldSplitTable4ByItsThreeReviewTotals() {
    assertThat(GluedDigits.readings(List.of("25380363300630003"), 15, 5, 64))
        .containsExactly(new int[] {25, 3, 8, 0, 36, 3, 3, 0, 0, 6, 3, 0, 0, 0, 3});
  }

  @Test
  void shouldAnswerNoReadingForARowWhoseTotalCannotHold() {
    assertThat(GluedDigits.readings(List.of("50000016"), 7, 7, 64)).isEmpty();
  }

  @Test
  @Tag("timing")
  void shouldStayQuickOnTheWorstRunsItAccepts() {
    String ones = "1".repeat(7 * GluedDigits.MAX_DIGITS);
    String mixed = "10".repeat(45);
    long start = System.nanoTime();
    GluedDigits.readings(List.of(ones), 7, 7, 64);
    GluedDigits.readings(List.of(mixed), 15, 5, 64);
    GluedDigits.readings(List.of("1".repeat(90)), 15, 5, 64);
    GluedDigits.readings(List.of("1".repeat(18)), 3, 0, 2);
    GluedDigits.readings(List.of("9".repeat(4000)), 7, 7, 64);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
  }
}
