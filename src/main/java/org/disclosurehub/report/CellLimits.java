package org.disclosurehub.report;

import java.util.ArrayList;
import java.util.List;
import org.disclosurehub.report.ReportLayout.RequestRow;
import org.disclosurehub.report.ReportLayout.ReviewRow;

/**
 * The largest count a cell may hold, given or computed. The largest counts in published reports are
 * a few million (a city's 3,985,758 administrative penalties); a hundred million leaves room and
 * keeps every sum the format asks for (at most 20 rows × 6 columns of cells) far inside a long, and
 * every stored cell inside an int.
 */
public final class CellLimits {
  public static final int MAX_COUNT = 100_000_000;

  private CellLimits() {}

  /** A total the service would compute that is over the maximum: where, and what it would be. */
  public record OverLimit(String pointer, long computed) {
    public String message() {
      return "the computed total " + computed + " is over the maximum of " + MAX_COUNT;
    }
  }

  /**
   * The omitted totals that would come out over {@link #MAX_COUNT}, summed in longs so that nothing
   * wraps. Expects every given cell within the maximum (Bean Validation, {@link Count}).
   */
  public static List<OverLimit> computedTotalsOverLimit(Report report) {
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

  /**
   * A computed sum as an int cell. Submissions refuse sums over the maximum before totals are
   * computed ({@link #computedTotalsOverLimit}); only an unstored import preview of an implausible
   * text can reach the int's bounds, and then sees them rather than a wrapped number.
   */
  static int saturated(long sum) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, sum));
  }

  private static long cellOrSum(ApplicantRow row, ApplicantRow.Column column) {
    Integer value = column.value().apply(row);
    return value != null ? value : row.applicantSum();
  }

  private static void check(List<OverLimit> found, String pointer, long sum) {
    if (Math.abs(sum) > MAX_COUNT) {
      found.add(new OverLimit(pointer, sum));
    }
  }
}
