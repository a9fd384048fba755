package org.disclosurehub.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.report.ReportFixtures.naturalResources2024;

import org.disclosurehub.report.PlausibilityChecks.Thresholds;
import org.junit.jupiter.api.Test;

/** YEAR_JUMP on 中卫市自然资源局: 2024 against a 2023 with one figure changed. */
class YearJumpTest {

  @Test
  void shouldFindNothingBetweenTwoOrdinaryYears() {
    Report report = naturalResources2024();

    assertThat(PlausibilityChecks.yearJump(report, report, Thresholds.DEFAULTS)).isEmpty();
  }

  @Test
  void shouldReportAFigureMoreThanFiveTimesLastYears() {
    // 1342 licensing decisions after 134 (a digit lost in 2023, or one gained in 2024).
    Report previous = withLicensing(naturalResources2024(), 134);

    assertThat(PlausibilityChecks.yearJump(naturalResources2024(), previous, Thresholds.DEFAULTS))
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.rule()).isEqualTo(Rule.YEAR_JUMP);
              assertThat(finding.path()).isEqualTo("/activeDisclosure/licensing");
              assertThat(finding.expected()).isEqualTo(">= 26.8, <= 670");
              assertThat(finding.actual()).isEqualTo("1342");
              assertThat(finding.message())
                  .isEqualTo(
                      "行政许可 本年处理决定数量 is 1342, 10.0× the previous year's 134; more than 5× up or"
                          + " down is unusual, check the row and the unit");
            });
  }

  @Test
  void shouldReportAFigureBelowAFifthOfLastYears() {
    Report previous = withLicensing(naturalResources2024(), 6711);

    assertThat(PlausibilityChecks.yearJump(naturalResources2024(), previous, Thresholds.DEFAULTS))
        .extracting(RuleViolation::path)
        .containsExactly("/activeDisclosure/licensing");
  }

  @Test
  void shouldIgnoreSmallFiguresAndExactlyTheFactor() {
    // penalties 87 against 17 (below the floor of 20) and licensing exactly 5× (1342 = 5 × 268.4).
    Report report = naturalResources2024();
    Report previous = withPenalties(withLicensing(report, 269), 17);

    assertThat(PlausibilityChecks.yearJump(report, previous, Thresholds.DEFAULTS)).isEmpty();
  }

  @Test
  void shouldTakeFactorAndFloorFromTheSettings() {
    Report report = naturalResources2024();
    Report previous = withPenalties(report, 17);

    assertThat(PlausibilityChecks.yearJump(report, previous, new Thresholds(0.5, 0.8, 200, 3, 10)))
        .extracting(RuleViolation::path)
        .containsExactly("/activeDisclosure/penalties");
  }

  private static Report withLicensing(Report report, int licensing) {
    ActiveDisclosure a = report.activeDisclosure();
    return with(
        report,
        new ActiveDisclosure(
            a.regulations(),
            a.normativeDocuments(),
            licensing,
            a.penalties(),
            a.compulsoryMeasures(),
            a.feesAmount()));
  }

  private static Report withPenalties(Report report, int penalties) {
    ActiveDisclosure a = report.activeDisclosure();
    return with(
        report,
        new ActiveDisclosure(
            a.regulations(),
            a.normativeDocuments(),
            a.licensing(),
            penalties,
            a.compulsoryMeasures(),
            a.feesAmount()));
  }

  private static Report with(Report report, ActiveDisclosure activeDisclosure) {
    return new Report(
        report.formatVersion(),
        report.publishedOn(),
        activeDisclosure,
        report.activeDisclosure2019(),
        report.requests(),
        report.reviews(),
        report.publishedItems(),
        report.narrative());
  }
}
