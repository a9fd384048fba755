package org.disclosurehub.rollup.totals;

import java.math.BigDecimal;
import java.util.List;
import org.disclosurehub.rollup.Sums;

/** A change to one region_totals row. */
final class TotalsDelta {

  /** One delta for several rows (their keys in the order they are locked). */
  record Shared(List<TotalsKey> keys, TotalsDelta delta) {}

  int reports;
  int late;
  int inconsistent;
  int carryOverMismatches;
  long publishedItems;
  int reportsStating;
  int trialFormatReports;
  final BigDecimal[] cells = Sums.zeros();

  void add(Contribution c, int sign) {
    reports += sign;
    trialFormatReports += c.inTrialFormat() ? sign : 0;
    late += Boolean.TRUE.equals(c.late()) ? sign : 0;
    inconsistent += c.violationCount() > 0 ? sign : 0;
    carryOverMismatches += c.carryOverMismatch() ? sign : 0;
    if (c.publishedItems() != null) {
      publishedItems += sign * c.publishedItems();
      reportsStating += sign;
    }
    BigDecimal factor = BigDecimal.valueOf(sign);
    for (int i = 0; i < cells.length && i < c.cells().length; i++) {
      cells[i] = cells[i].add(c.cells()[i].multiply(factor));
    }
  }
}
