package org.disclosurehub.document;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.disclosurehub.report.Amounts;
import org.disclosurehub.report.Report;
import org.disclosurehub.report.ReportLayout;

/**
 * The values of Tables 二, 三 and 四, by JSON Pointer: one report's, or a region's sums, which have
 * the same shape. Counts are whole numbers, {@code /activeDisclosure/feesAmount} is in 万元.
 */
public final class TableCells {
  private static final String FEES_AMOUNT = "/activeDisclosure/feesAmount";

  private final Map<String, BigDecimal> values;

  private TableCells(Map<String, BigDecimal> values) {
    this.values = values;
  }

  /** A report's cells; every total must be filled in ({@link Report#withComputedTotals()}). */
  public static TableCells of(Report report) {
    Map<String, BigDecimal> values = new HashMap<>();
    for (ReportLayout.Cell cell : ReportLayout.CELLS) {
      Number n = cell.value().apply(report);
      values.put(cell.pointer(), n instanceof BigDecimal d ? d : BigDecimal.valueOf(n.longValue()));
    }
    return new TableCells(values);
  }

  /** Cells in the order of {@link ReportLayout#CELLS}, as the roll-up tables store them. */
  public static TableCells inLayoutOrder(List<BigDecimal> cells) {
    if (cells.size() != ReportLayout.CELLS.size()) {
      throw new IllegalArgumentException(
          "expected " + ReportLayout.CELLS.size() + " cells, got " + cells.size());
    }
    Map<String, BigDecimal> values = new HashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      values.put(ReportLayout.CELLS.get(i).pointer(), cells.get(i));
    }
    return new TableCells(values);
  }

  /**
   * From JSON with a report's {@code activeDisclosure}, {@code requests} and {@code reviews} at its
   * root (a report, or a roll-up: amounts as decimal strings, counts as numbers).
   */
  public static TableCells fromJson(JsonNode root) {
    Map<String, BigDecimal> values = new HashMap<>();
    for (ReportLayout.Cell cell : ReportLayout.CELLS) {
      JsonNode node = root.at(cell.pointer());
      if (node.isMissingNode() || node.isNull()) {
        throw new IllegalArgumentException("no cell " + cell.pointer());
      }
      values.put(
          cell.pointer(),
          node.isTextual() ? new BigDecimal(node.textValue()) : node.decimalValue());
    }
    return new TableCells(values);
  }

  /** Whether the cell is an amount in 万元 rather than a count. */
  public static boolean isAmount(String pointer) {
    return pointer.equals(FEES_AMOUNT);
  }

  /** A cell as printed: a count as a whole number, an amount in 万元 without trailing zeros. */
  public String text(String pointer) {
    BigDecimal value = value(pointer);
    return isAmount(pointer) ? Amounts.format(value) : value.toBigIntegerExact().toString();
  }

  public BigDecimal value(String pointer) {
    BigDecimal value = values.get(pointer);
    if (value == null) {
      throw new IllegalArgumentException("no cell " + pointer);
    }
    return value;
  }

  /** The cells in the order of {@link ReportLayout#CELLS}. */
  public List<BigDecimal> inLayoutOrder() {
    return ReportLayout.CELLS.stream().map(c -> values.get(c.pointer())).toList();
  }
}
