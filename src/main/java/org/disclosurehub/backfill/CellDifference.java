package org.disclosurehub.backfill;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.disclosurehub.report.Report;
import org.disclosurehub.report.ReportLayout;

/** What a file in conflict shows a person: cell by cell, where it differs from the current one. */
final class CellDifference {
  private CellDifference() {}

  /** Cell by cell, where the read report differs from the current revision. */
  static ArrayNode of(ObjectMapper json, Report current, Report read) {
    ArrayNode difference = json.createArrayNode();
    Report before = current.withComputedTotals();
    Report after = read.withComputedTotals();
    if (!ReportLayout.formatOf(before).equals(ReportLayout.formatOf(after))) {
      difference
          .addObject()
          .put("pointer", "/formatVersion")
          .put("current", ReportLayout.formatOf(before))
          .put("read", ReportLayout.formatOf(after));
      return difference;
    }
    for (ReportLayout.Cell cell : ReportLayout.cellsOf(after)) {
      Number was = valueOf(cell, before);
      Number is = valueOf(cell, after);
      if (!same(was, is)) {
        ObjectNode d = difference.addObject().put("pointer", cell.pointer());
        d.put("label", cell.label());
        d.set("current", json.valueToTree(was));
        d.set("read", json.valueToTree(is));
      }
    }
    return difference;
  }

  private static Number valueOf(ReportLayout.Cell cell, Report report) {
    try {
      return cell.value().apply(report);
    } catch (NullPointerException absent) {
      return null;
    }
  }

  private static boolean same(Number a, Number b) {
    if (a == null || b == null) {
      return a == b;
    }
    return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
  }
}
