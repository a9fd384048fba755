package org.disclosurehub.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.disclosurehub.text.ChineseText;
import org.junit.jupiter.api.Test;

class TextTest {

  @Test
  void shouldReadCountsStrictly() {
    assertThat(Text.count("1342")).isEqualTo(1342);
    assertThat(Text.count("1,342")).isEqualTo(1342);
    assertThat(Text.count("12,345,678")).isEqualTo(12345678);
    assertThat(Text.count("-3")).isEqualTo(-3);
    assertThat(Text.count("12,3")).isNull();
    assertThat(Text.count("1,3420")).isNull();
    assertThat(Text.count(",342")).isNull();
    assertThat(Text.count("1.5")).isNull();
    assertThat(Text.count("—")).isNull();
    assertThat(Text.count("-")).isNull();
    assertThat(Text.count("/")).isNull();
    assertThat(Text.count("9999999999")).isNull();
  }

  @Test
  void shouldReadAmountsWithAtMostFourDecimals() {
    assertThat(Text.amount("356.4821")).isEqualByComparingTo(new BigDecimal("356.4821"));
    assertThat(Text.amount("1,200.50")).isEqualByComparingTo(new BigDecimal("1200.5"));
    assertThat(Text.amount("0.00")).isEqualTo(BigDecimal.ZERO);
    assertThat(Text.amount("24252.311082")).isEqualTo(new BigDecimal("24252.311082"));
    assertThat(Text.amount("1.2345678")).isNull();
    assertThat(Text.amount("1.")).isNull();
    assertThat(Text.amount("1234567890123456")).isNull();
  }

  @Test
  void shouldNormaliseFullWidthText() {
    assertThat(Text.normalize("（一）　予以公开　１，３４２")).isEqualTo("(一) 予以公开 1,342");
    assertThat(Text.compact(Text.normalize("三、本年度办 理结果\t社会公益 组织"))).isEqualTo("三、本年度办理结果社会公益组织");
  }

  @Test
  void shouldRecognisePageMarkers() {
    assertThat(Text.pageMarker("-3-")).isTrue();
    assertThat(Text.pageMarker("—12—")).isTrue();
    assertThat(Text.pageMarker("第3页共10页")).isTrue();
    assertThat(Text.pageMarker("3/10")).isTrue();
    assertThat(Text.pageMarker("-3")).isFalse();
    assertThat(Text.pageMarker("000000000000000")).isFalse();
  }

  @Test
  void shouldReadDatesAsReportsPrintThem() {
    assertThat(ChineseText.date("2025年1月20日")).containsExactly(2025, 1, 20);
    assertThat(ChineseText.date("某市自然资源局2025年1月20日")).containsExactly(2025, 1, 20);
    assertThat(ChineseText.date("二〇二五年一月二十日")).containsExactly(2025, 1, 20);
    assertThat(ChineseText.date("二○二四年十二月三十一日")).containsExactly(2024, 12, 31);
    assertThat(ChineseText.date("2025-01-20")).containsExactly(2025, 1, 20);
    assertThat(ChineseText.date("2025.1.20")).containsExactly(2025, 1, 20);
    assertThat(ChineseText.date("2025年度")).isNull();
    assertThat(ChineseText.date("截止12月31日")).isNull();
  }

  @Test
  void shouldReadTheYearFromTheTitle() {
    assertThat(Prose.titleYear("2024年政府信息公开工作年度报告")).isEqualTo(2024);
    assertThat(Prose.titleYear("2024年度中卫市民政局政府信息公开工作年度报告")).isEqualTo(2024);
    assertThat(Prose.titleYear("中卫市民政局2023年政府信息公开年报")).isEqualTo(2023);
    assertThat(Prose.titleYear("关于印发<中华人民共和国政府信息公开工作年度报告格式>的通知")).isNull();
  }
}
