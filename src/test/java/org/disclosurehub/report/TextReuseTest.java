package org.disclosurehub.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.disclosurehub.report.PlausibilityChecks.Thresholds;
import org.junit.jupiter.api.Test;

/** TEXT_REUSE on realistic narratives: one repeated from last year, one rewritten. */
class TextReuseTest {
  private static final Thresholds DEFAULTS = Thresholds.DEFAULTS;

  @Test
  void shouldFindMostOfARepeatedNarrativeInLastYearsDespiteNewYearsAndNumbers() {
    TextFingerprint lastYear = fingerprint("natural-resources-2023.txt");
    TextFingerprint repeated = fingerprint("natural-resources-2024-repeated.txt");

    double share = repeated.shareFoundIn(lastYear);

    assertThat(share).isGreaterThan(0.85).isLessThan(1.0);
    assertThat(
            PlausibilityChecks.textReuse(
                repeated, share, DEFAULTS.previousYearReuse(), 200, "the agency's 2023 report"))
        .hasValueSatisfying(
            finding -> {
              assertThat(finding.rule()).isEqualTo(Rule.TEXT_REUSE);
              assertThat(finding.path()).isEqualTo("/narrative");
              assertThat(finding.expected()).isEqualTo("<= 0.5");
              assertThat(finding.actual())
                  .isEqualTo(PlausibilityChecks.share(share).toPlainString());
              assertThat(finding.message()).contains("the agency's 2023 report");
            });
  }

  @Test
  void shouldFindLittleOfARewrittenNarrative() {
    TextFingerprint lastYear = fingerprint("natural-resources-2023.txt");
    TextFingerprint rewritten = fingerprint("natural-resources-2024-rewritten.txt");

    double share = rewritten.shareFoundIn(lastYear);

    // The opening line is kept ("以推进政务公开标准化规范化为主线"); the rest is this year's.
    assertThat(share).isGreaterThan(0).isLessThan(0.2);
    assertThat(PlausibilityChecks.textReuse(rewritten, share, 0.5, 200, "last year")).isEmpty();
  }

  @Test
  void shouldFindNothingInAnotherAgencysNarrative() {
    TextFingerprint natural = fingerprint("natural-resources-2024-rewritten.txt");
    TextFingerprint civil = fingerprint("civil-affairs-2024.txt");

    assertThat(natural.shareFoundIn(civil)).isLessThan(0.05);
  }

  @Test
  void shouldLeaveOutYearsNumbersAndTheFormatsPhrases() {
    TextFingerprint a = TextFingerprint.of("2023年，我局依申请公开政府信息情况良好，共办结申请96件，答复率百分之百。");
    TextFingerprint b = TextFingerprint.of("二〇二四年，我局依申请公开政府信息情况良好，共办结申请109件，答复率百分之百。");

    assertThat(a).isEqualTo(b);
    assertThat(TextFingerprint.of("一、总体情况 二、主动公开政府信息情况 五、存在的主要问题及改进情况").isEmpty()).isTrue();
  }

  @Test
  void shouldNotWarnOnANarrativeTooShortToJudge() {
    TextFingerprint short1 = TextFingerprint.of("本年度未收取信息处理费。部分栏目更新不够及时。");

    assertThat(short1.shareFoundIn(short1)).isEqualTo(1.0);
    assertThat(PlausibilityChecks.textReuse(short1, 1.0, 0.5, 200, "last year")).isEmpty();
  }

  @Test
  void shouldCompareInOnePassOverBothTexts() {
    int[] a = {1, 3, 5, 7, 9};
    int[] b = {2, 3, 4, 5, 6, 9, 11};

    assertThat(TextFingerprint.shared(a, b)).isEqualTo(3);
  }

  static TextFingerprint fingerprint(String name) {
    return TextFingerprint.of(text(name));
  }

  static String text(String name) {
    try (InputStream in = TextReuseTest.class.getResourceAsStream("/narratives/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
