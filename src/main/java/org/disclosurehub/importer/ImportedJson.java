package org.disclosurehub.importer;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.disclosurehub.report.Amounts;
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
    for (ReportLayout.Cell cell : ReportLayout.CELLS) {
      Object value = reading.cells().get(cell.pointer());
      if (value != null) {
        set(report, cell.pointer(), value);
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
    return ReportLayout.CELLS.stream()
        .map(ReportLayout.Cell::pointer)
        .filter(p -> !read.contains(p))
        .toList();
  }

  /**
   * A copy of the report with every missing cell 0, only so that the rules can run over the tables
   * that were read in full; never stored, never shown.
   */
  static ObjectNode withZeros(ObjectNode report, List<String> missing) {
    ObjectNode copy = report.deepCopy();
    for (String pointer : missing) {
      set(copy, pointer, pointer.equals("/activeDisclosure/feesAmount") ? BigDecimal.ZERO : 0);
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
    } else {
      node.put(key, (Integer) value);
    }
  }
}
