package org.disclosurehub.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * {@link Text} at the edges of what a cell of the national format may print: the largest count (one
 * hundred million), amounts of fifteen whole digits and six decimals, units after a number, notes
 * in brackets, page markers of a PDF. {@code TextTest} has the ordinary cells.
 */
class TextUnitTest {
  @Test
  void aCountReadsUpToOneHundredMillionAndNoFurther() {
    assertThat(Text.count("100000000")).isEqualTo(100_000_000);
    assertThat(Text.count("100,000,000")).isEqualTo(100_000_000);
    assertThat(Text.count("100000001")).isNull();
    assertThat(Text.count("999999999")).isNull();
    assertThat(Text.count("-100000000")).isEqualTo(-100_000_000);
    assertThat(Text.count("1234,567")).as("four digits before a separator").isNull();
    assertThat(Text.count("123,456")).isEqualTo(123456);
  }

  @Test
  void anAmountHasAtMostFifteenWholeDigitsAndThirtyCharacters() {
    assertThat(Text.amount("123456789012345")).isEqualTo(new BigDecimal("123456789012345"));
    assertThat(Text.amount("123456789012345.5")).isEqualTo(new BigDecimal("123456789012345.5"));
    assertThat(Text.amount("1234567890123456")).isNull();
    // trailing zeros up to thirty characters in all are the same amount; one more is refused
    String thirty = "1." + "0".repeat(28);
    assertThat(Text.amount(thirty)).isEqualTo(BigDecimal.ONE);
    assertThat(Text.amount(thirty + "0")).isNull();
    assertThat(Text.amount("0.000000")).isSameAs(BigDecimal.ZERO);
    assertThat(Text.amount("356.482100")).isEqualTo(new BigDecimal("356.4821"));
    assertThat(Text.amount("0.000001")).isEqualTo(new BigDecimal("0.000001"));
    assertThat(Text.amount("0.0000001")).isNull();
  }

  @Test
  void aValueCellIsDigitsWithSeparatorsOrANoneMarkOfAtMostFortyCharacters() {
    assertThat(Text.valueLike("1,342")).isTrue();
    assertThat(Text.valueLike("356.4821万元")).isTrue();
    assertThat(Text.valueLike("12件")).isTrue();
    assertThat(Text.valueLike("无")).isTrue();
    assertThat(Text.valueLike("——")).isTrue();
    assertThat(Text.valueLike("3/10")).isTrue();
    assertThat(Text.valueLike("万元")).isFalse();
    assertThat(Text.valueLike("予以公开")).isFalse();
    assertThat(Text.valueLike("12a")).isFalse();
    assertThat(Text.valueLike("")).isFalse();
    assertThat(Text.valueLike("1".repeat(40))).isTrue();
    assertThat(Text.valueLike("1".repeat(41))).isFalse();
  }

  @Test
  void aUnitIsTakenOffOnlyAfterANumber() {
    assertThat(Text.withoutUnit("356.4821万元")).isEqualTo("356.4821");
    assertThat(Text.withoutUnit("1200元")).isEqualTo("1200");
    assertThat(Text.withoutUnit("12件")).isEqualTo("12");
    assertThat(Text.withoutUnit("37条")).isEqualTo("37");
    assertThat(Text.withoutUnit("元")).isEqualTo("元");
    assertThat(Text.withoutUnit("收费元")).isEqualTo("收费元");
    assertThat(Text.withoutUnit("")).isEmpty();
    assertThat(Text.unitOf("356.4821万元")).isEqualTo("万元");
    assertThat(Text.unitOf("1200元")).isEqualTo("元");
    assertThat(Text.unitOf("12件")).isNull();
    assertThat(Text.unitOf("万元")).isNull();
    assertThat(Text.unitOf("")).isNull();
  }

  @Test
  void aCountCellReadsNoneMarksAsZeroAndRefusesYuan() {
    assertThat(Text.countCell("—")).isZero();
    assertThat(Text.countCell("无")).isZero();
    assertThat(Text.countCell("12件")).isEqualTo(12);
    assertThat(Text.countCell("1,342")).isEqualTo(1342);
    assertThat(Text.countCell("5元")).isNull();
    assertThat(Text.countCell("予以公开")).isNull();
  }

  @Test
  void aNumberWithANoteInBracketsIsItsNumber() {
    assertThat(Text.valueWithNote("12(含依申请公开3件)")).isEqualTo("12");
    assertThat(Text.valueWithNote("12345678.90元")).isEqualTo("12345678.90元");
    assertThat(Text.valueWithNote("12(含依申请公开3件")).isNull();
    assertThat(Text.valueWithNote("(3)")).isNull();
    assertThat(Text.valueWithNote("予以公开(3)")).isNull();
    assertThat(Text.valueWithNote("12a(3)")).isNull();
  }

  @Test
  void pageMarkersAreShortAndAllDigitsInside() {
    assertThat(Text.pageMarker("-12345678901234-")).as("16 characters").isTrue();
    assertThat(Text.pageMarker("-123456789012345-")).as("17 characters").isFalse();
    assertThat(Text.pageMarker("--")).isFalse();
    assertThat(Text.pageMarker("-3a-")).isFalse();
    assertThat(Text.pageMarker("~3~")).isTrue();
    assertThat(Text.pageMarker("–3–")).isTrue();
    assertThat(Text.pageMarker("第3页,共10页")).isTrue();
    assertThat(Text.pageMarker("第三页")).isFalse();
    assertThat(Text.pageMarker("1234/5678")).as("9 characters").isTrue();
    assertThat(Text.pageMarker("12345/6789")).as("10 characters").isFalse();
    assertThat(Text.pageMarker("/10")).isFalse();
    assertThat(Text.pageMarker("3/")).isFalse();
    assertThat(Text.pageMarker("3/1a")).isFalse();
    assertThat(Text.pageMarker("")).isFalse();
  }

  @Test
  void tokensAreSplitAtSpacesAndTabsAlike() {
    assertThat(Text.tokens("行政许可\t1342 ")).containsExactly("行政许可", "1342");
    assertThat(Text.tokens("  (一) 予以公开  41\t\t6")).containsExactly("(一)", "予以公开", "41", "6");
    assertThat(Text.tokens("")).isEmpty();
  }

  @Test
  void messagesCutLongLinesAtTheirLimit() {
    assertThat(Text.shorten("  行政许可 1342  ", 9)).isEqualTo("行政许可 1342");
    assertThat(Text.shorten("行政许可 1342", 8)).isEqualTo("行政许可 134…");
  }

  @Test
  void containsAnyFindsAWordAnywhere() {
    assertThat(Text.containsAny("三、本年度办理结果", new String[] {"予以公开", "办理结果"})).isTrue();
    assertThat(Text.containsAny("三、本年度办理结果", new String[] {"予以公开"})).isFalse();
  }
}
