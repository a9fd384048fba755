package org.disclosurehub.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link GluedDigits} at its limits, on rows of Table 三 and 四 as {@code imports/spaces.txt} prints
 * them glued: which rows are glued runs at all, the cap on readings, and the runs it never splits.
 * {@code GluedDigitsTest} has the splits themselves.
 */
class GluedDigitsUnitTest {
  private static Row row(String line) {
    return Row.of(0, TextLines.of(line).get(0));
  }

  @Test
  void aRowIsGluedWhenItHasFewerRunsThanCellsAndEnoughDigits() {
    assertThat(GluedDigits.runs(row("一、本年新收政府信息公开申请数量    86121032104"), 7))
        .containsExactly("86121032104");
    assertThat(GluedDigits.runs(row("(一) 予以公开    4161    01150"), 7))
        .containsExactly("4161", "01150");
    // seven digits for seven cells: glued, one digit each
    assertThat(GluedDigits.runs(row("1. 属于国家秘密    1000001"), 7)).containsExactly("1000001");
    assertThat(GluedDigits.runs(row("1. 属于国家秘密    100001"), 7)).as("six digits").isNull();
    assertThat(GluedDigits.runs(row("(一) 予以公开    41    6    1    0    1    1    50"), 7))
        .as("as many runs as cells")
        .isNull();
    assertThat(GluedDigits.runs(row("(一) 予以公开    41,6101150"), 7)).isNull();
    assertThat(GluedDigits.runs(row("(一) 予以公开\t416101150"), 7)).as("a cell of a grid").isNull();
    // at most six digits a cell: 42 digits for seven cells, not 43 (a token has at most 40)
    assertThat(GluedDigits.runs(row("(七) 总计    " + "1".repeat(40) + " 11"), 7)).hasSize(2);
    assertThat(GluedDigits.runs(row("(七) 总计    " + "1".repeat(40) + " 111"), 7)).isNull();
  }

  @Test
  void moreReadingsThanTheCapAreNone() {
    // 11|0|0|0|0|0|11 and 1|10|0|0|0|0|11
    assertThat(GluedDigits.readings(List.of("110000011"), 7, 7, 2)).hasSize(2);
    assertThat(GluedDigits.readings(List.of("110000011"), 7, 7, 1)).isNull();
    assertThat(GluedDigits.readings(List.of("801000081"), 7, 7, 1))
        .containsExactly(new int[] {80, 1, 0, 0, 0, 0, 81});
  }

  @Test
  void runsThatCannotHoldTheCellsHaveNoReading() {
    assertThat(GluedDigits.readings(List.of("80100008"), 0, 0, 64)).isEmpty();
    assertThat(GluedDigits.readings(List.of("801000"), 7, 7, 64)).as("too few digits").isEmpty();
    assertThat(GluedDigits.readings(List.of("1".repeat(43)), 7, 0, 64)).as("too many").isEmpty();
    // Table 四's fifteen cells are three blocks of five; fourteen are no whole blocks
    assertThat(GluedDigits.readings(List.of("31015201141000"), 14, 5, 64)).isEmpty();
    assertThat(GluedDigits.readings(List.of("310152011410001"), 15, 5, 64))
        .containsExactly(new int[] {3, 1, 0, 1, 5, 2, 0, 1, 1, 4, 1, 0, 0, 0, 1});
  }

  @Test
  void withoutARuleEverySplitCounts() {
    assertThat(GluedDigits.readings(List.of("123"), 2, 0, 64))
        .containsExactly(new int[] {1, 23}, new int[] {12, 3});
    assertThat(GluedDigits.readings(List.of("1", "23"), 2, 0, 64))
        .containsExactly(new int[] {1, 23});
  }
}
