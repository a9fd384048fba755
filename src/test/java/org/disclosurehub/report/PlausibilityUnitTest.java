package org.disclosurehub.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.disclosurehub.report.PlausibilityChecks.Thresholds;
import org.junit.jupiter.api.Test;

/**
 * The warning checks at their edges, without the service: TEXT_REUSE's thresholds and wording,
 * YEAR_JUMP's floor and the trial format's figures, the fingerprint's counting, and amounts at
 * their length limit. Exact findings: rule, pointer, expected, actual, message.
 */
class PlausibilityUnitTest {
  /** Ten characters, none a numeral nor a phrase of the format: three 8-grams. */
  private static final String TEN = "甲乙丙丁戊己庚辛壬癸";

  @Test
  void shouldReportReuseAboveTheThresholdOnlyInEnoughText() {
    TextFingerprint narrative = TextFingerprint.of(TEN);

    assertThat(
            PlausibilityChecks.textReuse(narrative, 0.63214, 0.5, 10, "the agency's 2023 report"))
        .get()
        .extracting(
            RuleViolation::rule,
            RuleViolation::path,
            RuleViolation::expected,
            RuleViolation::actual,
            RuleViolation::message)
        .containsExactly(
            Rule.TEXT_REUSE,
            "/narrative",
            "<= 0.5",
            "0.6321",
            "63 % of the narrative is found again in the agency's 2023 report (sequences of 8"
                + " characters, leaving out numbers and the format's fixed phrases); more than 50 %"
                + " is reported");
    assertThat(PlausibilityChecks.textReuse(narrative, 0.5, 0.5, 10, "x"))
        .as("exactly the threshold")
        .isEmpty();
    assertThat(PlausibilityChecks.textReuse(narrative, 0.51, 0.5, 11, "x"))
        .as("one character short")
        .isEmpty();
    assertThat(PlausibilityChecks.textReuse(narrative, 0.625, 0.125, 10, "x"))
        .get()
        .extracting(RuleViolation::expected, RuleViolation::actual, RuleViolation::message)
        .containsExactly(
            "<= 0.125",
            "0.625",
            "63 % of the narrative is found again in x (sequences of 8 characters, leaving out"
                + " numbers and the format's fixed phrases); more than 13 % is reported");
  }

  @Test
  void shouldShowSharesToFourDecimals() {
    assertThat(PlausibilityChecks.share(0.123456).toPlainString()).isEqualTo("0.1235");
    assertThat(PlausibilityChecks.share(0.99995).toPlainString()).isEqualTo("1");
    assertThat(PlausibilityChecks.share(0.1).toPlainString()).isEqualTo("0.1");
  }

  @Test
  void shouldCountCharactersAndDistinctSequencesOutsideTheFormatsPhrases() {
    TextFingerprint ten = TextFingerprint.of(TEN);
    assertThat(ten.characters()).isEqualTo(10);
    assertThat(ten.ngrams()).hasSize(3).isSorted();
    assertThat(ten.isEmpty()).isFalse();
    assertThat(ten).hasToString("TextFingerprint[characters=10, ngrams=3]");

    // A phrase of the format splits the text: no sequence spans it; 18 characters are left and
    // the second part's one sequence is the first part's first.
    TextFingerprint split = TextFingerprint.of(TEN + "政府信息" + TEN.substring(0, 8));
    assertThat(split.characters()).isEqualTo(18);
    assertThat(split.ngrams()).containsExactly(ten.ngrams());
    assertThat(split).isNotEqualTo(ten);
    assertThat(split.shareFoundIn(ten)).isEqualTo(1.0);
    assertThat(TextFingerprint.of(TEN.substring(0, 8) + "子").shareFoundIn(ten)).isEqualTo(0.5);
    // Seven characters make no sequence: nothing to compare, a share of 0.
    TextFingerprint seven = TextFingerprint.of(TEN.substring(0, 7));
    assertThat(seven.characters()).isEqualTo(7);
    assertThat(seven.isEmpty()).isTrue();
    assertThat(seven.shareFoundIn(ten)).isZero();
  }

  @Test
  void shouldFingerprintTheNarrativesThreeSectionsApart() {
    Narrative narrative = new Narrative(TEN, null, "子丑寅卯辰巳午未申酉", null);

    TextFingerprint fingerprint = TextFingerprint.of(narrative);
    assertThat(fingerprint).isEqualTo(TextFingerprint.of(TEN + "\n子丑寅卯辰巳午未申酉"));
    assertThat(fingerprint.hashCode())
        .isEqualTo(TextFingerprint.of(TEN + "\n子丑寅卯辰巳午未申酉").hashCode());
    assertThat(fingerprint.characters()).isEqualTo(20);
    assertThat(TextFingerprint.of((Narrative) null))
        .isEqualTo(TextFingerprint.of(""))
        .isNotEqualTo(null)
        .isNotEqualTo("");
    assertThat(TextFingerprint.of("")).extracting(TextFingerprint::characters).isEqualTo(0);
  }

  @Test
  void shouldJudgeFiguresAtTheFloorAndTheFactor() {
    // 2024's penalties are 87; a previous year of 435 is exactly 5× (no finding), 436 is over.
    Report report = ReportFixtures.naturalResources2024();
    assertThat(PlausibilityChecks.yearJump(report, withPenalties(435), Thresholds.DEFAULTS))
        .isEmpty();
    assertThat(PlausibilityChecks.yearJump(report, withPenalties(436), Thresholds.DEFAULTS))
        .extracting(
            RuleViolation::rule,
            RuleViolation::path,
            RuleViolation::expected,
            RuleViolation::actual,
            RuleViolation::message)
        .containsExactly(
            tuple(
                Rule.YEAR_JUMP,
                "/activeDisclosure/penalties",
                ">= 87.2, <= 2180",
                "87",
                "行政处罚 本年处理决定数量 is 87, 0.2× the previous year's 436; more than 5× up or down is"
                    + " unusual, check the row and the unit"));
    // Both years at the floor (87) are judged; one below it is not.
    Thresholds floor87 = new Thresholds(0.5, 0.8, 200, 5, 87);
    assertThat(PlausibilityChecks.yearJump(report, withPenalties(436), floor87))
        .extracting(RuleViolation::path)
        .containsExactly("/activeDisclosure/penalties");
    Thresholds floor88 = new Thresholds(0.5, 0.8, 200, 5, 88);
    assertThat(PlausibilityChecks.yearJump(report, withPenalties(436), floor88)).isEmpty();
  }

  @Test
  void shouldReadTheTrialFormatsDecisionsAsTheMainFigures() {
    Report trial = CrossYearRulesUnitTest.trial2020();
    assertThat(PlausibilityChecks.yearJump(trial, trial, Thresholds.DEFAULTS)).isEmpty();

    ObjectNode json = CrossYearRulesUnitTest.json("/reports/market-regulation-2020-trial.json");
    ((ObjectNode) json.at("/activeDisclosure2019/licensing")).put("decisions", 100);
    ((ObjectNode) json.at("/activeDisclosure2019/penalties")).put("decisions", 500);
    ((ObjectNode) json.at("/activeDisclosure2019/compulsoryMeasures")).put("decisions", 200);
    json.remove("publishedItems");
    Report previous = CrossYearRulesUnitTest.read(json);

    assertThat(PlausibilityChecks.yearJump(trial, previous, Thresholds.DEFAULTS))
        .extracting(RuleViolation::path, RuleViolation::actual)
        .containsExactly(tuple("/activeDisclosure/licensing", "1208"));
    assertThat(PlausibilityChecks.yearJump(previous, trial, Thresholds.DEFAULTS))
        .extracting(RuleViolation::path, RuleViolation::actual)
        .containsExactly(tuple("/activeDisclosure/licensing", "100"));
  }

  @Test
  void shouldCompareWithThePreviousYearOnlyWhenThereIsOne() {
    Report report = ReportFixtures.naturalResources2024();

    assertThat(
            PlausibilityChecks.check(
                report, 2024, "中卫市自然资源局", withPenalties(436), Thresholds.DEFAULTS))
        .extracting(RuleViolation::rule)
        .contains(Rule.YEAR_JUMP);
    assertThat(PlausibilityChecks.check(report, 2024, "中卫市自然资源局", null, Thresholds.DEFAULTS))
        .extracting(RuleViolation::rule)
        .doesNotContain(Rule.YEAR_JUMP);
  }

  @Test
  void shouldReadAnAmountAtItsLengthLimitAndRefuseAnythingButAString() throws Exception {
    // 32 characters, one decimal once the zeros go: read; one character more: refused unread.
    assertThat(amount("\"123456789012345.1000000000000000\""))
        .isEqualTo(new BigDecimal("123456789012345.1"));
    assertThatThrownBy(() -> amount("\"123456789012345.10000000000000000\""))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("not a decimal number such as \"12.5\"");
    assertThatThrownBy(() -> amount("12"))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("an amount is a decimal string such as \"12.5\"");
    assertThatThrownBy(() -> amount("\"1.1234567\""))
        .hasMessageContaining("at most 6 decimal places (万元, to the fen)");
    assertThat(amount("\"1.123456\"")).isEqualTo(new BigDecimal("1.123456"));
    assertThat(amount("\"-0.0\"")).isSameAs(BigDecimal.ZERO);
  }

  private static BigDecimal amount(String json) throws Exception {
    return AccountingRulesPropertyTest.JSON
        .readValue("{\"feesAmount\":" + json + "}", StorableUnitTest.FeesOnly.class)
        .feesAmount();
  }

  private static Report withPenalties(int penalties) {
    ObjectNode json = CrossYearRulesUnitTest.json("/reports/natural-resources-2024.json");
    ((ObjectNode) json.get("activeDisclosure")).put("penalties", penalties);
    return CrossYearRulesUnitTest.read(json);
  }
}
