package org.disclosurehub.importer;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.disclosurehub.report.Amounts;
import org.disclosurehub.report.ApplicantRow;
import org.disclosurehub.report.Report;
import org.disclosurehub.report.ReportLayout;

/** A reading as report JSON in the keys of DESIGN.md, holding only what was read. */
final class ImportedJson {
  private ImportedJson() {}

  static ObjectNode of(Reading reading) {
    ObjectNode report = JsonNodeFactory.instance.objectNode();
    report.put("formatVersion", reading.formatVersion());
    if (reading.publishedOn() != null) {
      report.put("publishedOn", reading.publishedOn().toString());
    }
    for (String pointer : pointers(reading)) {
      Object value = reading.cells().get(pointer);
      if (value != null) {
        set(report, pointer, value);
      }
    }
    if (reading.publishedItemsTotal() != null) {
      report.putObject("publishedItems").put("total", reading.publishedItemsTotal());
    }
    if (reading.overview() != null || reading.problems() != null || reading.other() != null) {
      ObjectNode narrative = report.putObject("narrative");
      putText(narrative, "overview", reading.overview());
      putText(narrative, "problems", reading.problems());
      putText(narrative, "other", reading.other());
    }
    return report;
  }

  /** The cells of Tables 二, 三 and 四 that the reading has no value for, in the form's order. */
  static List<String> missing(Reading reading) {
    Set<String> read = reading.cells().keySet();
    return pointers(reading).stream().filter(p -> !read.contains(p)).toList();
  }

  /**
   * Every cell of the tables in the reading's format; in the 2019 format also the unit of 采购总金额,
   * the one cell that is text. Only the 2021 format has rows 三(六)1 and 三(六)2, which the reader
   * fills with zeros when it reads Table 三 in the 2019 format (else they are missing: a report
   * without them cannot be built).
   */
  private static List<String> pointers(Reading reading) {
    List<String> pointers = new ArrayList<>();
    for (ReportLayout.Cell cell : ReportLayout.cells(reading.formatVersion())) {
      pointers.add(cell.pointer());
      if (cell.pointer().equals("/activeDisclosure2019/procurement/totalAmount")) {
        pointers.add(ReportLayout.PROCUREMENT_UNIT);
      }
    }
    if (Report.TRIAL_FORMAT.equals(reading.formatVersion())) {
      for (String row : List.of("overdueCorrection", "overdueFee")) {
        for (ApplicantRow.Column column : ApplicantRow.COLUMNS) {
          // Missing when Table 三 was not read in the trial format (its 其他处理 not found).
          pointers.add("/requests/outcomes/otherHandling/" + row + "/" + column.key());
        }
      }
    }
    return pointers;
  }

  /**
   * A copy of the report with every missing cell 0, only so that the rules can run over the tables
   * that were read in full; never stored, never shown.
   */
  static ObjectNode withZeros(ObjectNode report, List<String> missing) {
    ObjectNode copy = report.deepCopy();
    for (String pointer : missing) {
      Object zero =
          pointer.equals(ReportLayout.PROCUREMENT_UNIT)
              ? "万元"
              : pointer.endsWith("Amount") ? BigDecimal.ZERO : 0;
      set(copy, pointer, zero);
    }
    return copy;
  }

  private static void putText(ObjectNode node, String key, String text) {
    if (text != null) {
      node.put(key, text);
    }
  }

  private static void set(ObjectNode root, String pointer, Object value) {
    String[] path = pointer.substring(1).split("/");
    ObjectNode node = root;
    for (int i = 0; i < path.length - 1; i++) {
      ObjectNode child = (ObjectNode) node.get(path[i]);
      node = child != null ? child : node.putObject(path[i]);
    }
    String key = path[path.length - 1];
    if (value instanceof BigDecimal amount) {
      node.put(key, Amounts.format(amount));
    } else if (value instanceof String text) {
      node.put(key, text);
    } else {
      node.put(key, (Integer) value);
    }
  }
}
