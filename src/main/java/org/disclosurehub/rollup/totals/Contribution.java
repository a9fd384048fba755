package org.disclosurehub.rollup.totals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.disclosurehub.report.AccountingRules;
import org.disclosurehub.report.Report;
import org.disclosurehub.report.ReportLayout;
import org.disclosurehub.report.ReportYears;
import org.disclosurehub.report.RuleViolation;
import org.disclosurehub.rollup.RollupLayout;
import org.disclosurehub.rollup.Sums;
import org.disclosurehub.system.Clocks;

/**
 * What one report adds to its division's totals: a report_cells row. {@code late} is null when it
 * is not known: an imported report that prints no date.
 */
record Contribution(
    long reportId,
    String division,
    int revision,
    BigDecimal[] cells,
    Long publishedItems,
    LocalDate publishedOn,
    Boolean late,
    int violationCount,
    String[] rules,
    boolean carryOverMismatch,
    String formatVersion) {

  Contribution in(String otherDivision) {
    return new Contribution(
        reportId,
        otherDivision,
        revision,
        cells,
        publishedItems,
        publishedOn,
        late,
        violationCount,
        rules,
        carryOverMismatch,
        formatVersion);
  }

  Contribution withCarryOverMismatch(boolean mismatch) {
    return new Contribution(
        reportId,
        division,
        revision,
        cells,
        publishedItems,
        publishedOn,
        late,
        violationCount,
        rules,
        mismatch,
        formatVersion);
  }

  boolean inTrialFormat() {
    return Report.TRIAL_FORMAT.equals(formatVersion);
  }

  /**
   * What a report adds: its cells, lateness, violations and CARRY_OVER against the year before. A
   * report without publishedOn was published when first submitted, unless it was imported: a
   * published text that prints no date was published on a day nobody knows, and its lateness is
   * unknown (null), not judged by the day it was imported.
   */
  static Contribution of(
      String division,
      int year,
      int revision,
      Report report,
      List<RuleViolation> violations,
      FiledReport filed,
      boolean imported,
      Contribution previousYear) {
    BigDecimal[] cells = cellsOf(report);
    LocalDate published =
        report.publishedOn() != null
            ? report.publishedOn()
            : imported ? null : filed.firstSubmittedAt().atZone(Clocks.BEIJING).toLocalDate();
    String[] rules =
        violations.stream().map(v -> v.rule().name()).distinct().sorted().toArray(String[]::new);
    Integer statedItems = report.publishedItems() == null ? null : report.publishedItems().total();
    return new Contribution(
        filed.reportId(),
        division,
        revision,
        cells,
        statedItems == null ? null : statedItems.longValue(),
        report.publishedOn(),
        published == null ? null : published.isAfter(deadline(year)),
        violations.size(),
        rules,
        previousYear != null && carryOverMismatch(cells, previousYear.cells()),
        ReportLayout.formatOf(report));
  }

  /**
   * The cells of a report (totals computed) in RollupLayout.CELLS order: those of its own format,
   * the other format's 0. A 2019 report's cells that count the same as a 2021 cell count there too.
   */
  static BigDecimal[] cellsOf(Report report) {
    BigDecimal[] cells = Sums.zeros();
    for (ReportLayout.Cell cell : ReportLayout.cellsOf(report)) {
      int i = RollupLayout.index(cell.pointer());
      Number n = RollupLayout.CELLS.get(i).value().apply(report);
      cells[i] = n instanceof BigDecimal b ? b : BigDecimal.valueOf(n.longValue());
    }
    if (report.activeDisclosure2019() != null) {
      ReportLayout.SAME_IN_2021.forEach(
          (trial, current) ->
              cells[RollupLayout.index(current)] = cells[RollupLayout.index(trial)]);
    }
    return cells;
  }

  /** CARRY_OVER ({@link AccountingRules#carryOver}) on the stored cells of two years. */
  static boolean carryOverMismatch(BigDecimal[] year, BigDecimal[] previousYear) {
    return !AccountingRules.carryOver(
            RollupLayout.carriedOver(year), RollupLayout.carriedForward(previousYear))
        .isEmpty();
  }

  /** The last day to publish a year's report: 31 January of the next year (条例 第五十条). */
  static LocalDate deadline(int year) {
    return ReportYears.deadline(year);
  }
}
