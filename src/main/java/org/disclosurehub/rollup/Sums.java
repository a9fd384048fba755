package org.disclosurehub.rollup;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.disclosurehub.report.Report;

/**
 * A roll-up's sums for one year: every stored cell summed over the reports it covers (see {@link
 * RollupLayout} for their positions), and the counters of those reports.
 */
public record Sums(
    BigDecimal[] cells,
    int reports,
    int late,
    int inconsistent,
    int carryOverMismatches,
    long publishedItems,
    int reportsStating,
    int trialFormatReports) {

  /** The sums of a year without reports. */
  static Sums none() {
    return new Sums(zeros(), 0, 0, 0, 0, 0, 0, 0);
  }

  /** The reports by the format of their tables, oldest format first: {"2019": n, "2021": m}. */
  Map<String, Integer> formats() {
    Map<String, Integer> formats = new LinkedHashMap<>();
    formats.put(Report.TRIAL_FORMAT, trialFormatReports);
    formats.put(Report.CURRENT_FORMAT, reports - trialFormatReports);
    return formats;
  }

  public static BigDecimal[] zeros() {
    BigDecimal[] zeros = new BigDecimal[RollupLayout.SIZE];
    Arrays.fill(zeros, BigDecimal.ZERO);
    return zeros;
  }

  BigDecimal cell(int index) {
    return cells[index];
  }

  /** 三(三) 不予公开 1 to 8, their 总计 column summed. */
  BigDecimal denied() {
    return RollupLayout.DENIED.stream().map(i -> cells[i]).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** 行政诉讼: both blocks' 总计. */
  BigDecimal litigationTotal() {
    return cells[RollupLayout.review("litigationDirect", "total")].add(
        cells[RollupLayout.review("litigationAfterReview", "total")]);
  }
}
