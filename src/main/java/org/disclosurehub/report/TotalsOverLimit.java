package org.disclosurehub.report;

import java.util.ArrayList;
import java.util.List;
import org.disclosurehub.report.ReportLayout.RequestRow;
import org.disclosurehub.report.ReportLayout.ReviewRow;

/**
 * The totals the service would compute for a report that would come out over {@link
 * CellLimits#MAX_COUNT}: a report with any is not stored ({@link Storable}).
 */
final class TotalsOverLimit {
  private TotalsOverLimit() {}

  /** A total the service would compute that is over the maximum: where, and what it would be. */
  public record OverLimit(String pointer, long computed) {
    public String message() {
      return "the computed total " + computed + " is over the maximum of " + CellLimits.MAX_COUNT;
    }
  }

  /**
   * The omitted totals that would come out over {@link CellLimits#MAX_COUNT}, summed in longs so
   * that nothing wraps. Expects every given cell within the maximum (Bean Validation, {@link
   * Count}).
   */
  static List<OverLimit> of(Report report) {
    List<OverLimit> found = new ArrayList<>();
    for (RequestRow row : ReportLayout.REQUEST_ROWS) {
      ApplicantRow values = row.of(report);
      if (values != null && values.total() == null) {
        check(found, row.pointer() + "/total", values.applicantSum());
      }
    }
    ApplicantRow stated = report.requests().outcomes().total();
    if (stated == null) {
      for (ApplicantRow.Column column : ApplicantRow.COLUMNS) {
        long sum = 0;
        for (RequestRow row : ReportLayout.OUTCOME_ROWS) {
          sum += cellOrSum(row.of(report), column);
        }
        check(found, ReportLayout.OUTCOMES_TOTAL.pointer() + "/" + column.key(), sum);
      }
    }
    for (ReviewRow block : ReportLayout.REVIEW_BLOCKS) {
      ReviewBlock values = block.of(report);
      if (values.total() == null) {
        check(found, block.pointer() + "/total", values.resultSum());
      }
    }
    return found;
  }

  private static long cellOrSum(ApplicantRow row, ApplicantRow.Column column) {
    Integer value = column.value().apply(row);
    return value != null ? value : row.applicantSum();
  }

  private static void check(List<OverLimit> found, String pointer, long sum) {
    if (Math.abs(sum) > CellLimits.MAX_COUNT) {
      found.add(new OverLimit(pointer, sum));
    }
  }
}
