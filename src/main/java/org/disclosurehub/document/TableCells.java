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
 * the same shape. Counts are whole numbers; {@code /activeDisclosure/feesAmount} is in 万元, and the
 * 2019 采购总金额 in the unit {@link #procurementUnit()} says.
 */
public final class TableCells {
  private static final String FEES_AMOUNT = "/activeDisclosure/feesAmount";
  private static final String PROCUREMENT_AMOUNT = "/activeDisclosure2019/procurement/totalAmount";

  private static final String PROCUREMENT_AMOUNT_HEADER = "采购总金额";

  private final Map<String, BigDecimal> values;
  private final String procurementUnit;

  private TableCells(Map<String, BigDecimal> values, String procurementUnit) {
    this.values = values;
    this.procurementUnit = procurementUnit;
  }

  /**
   * A report's cells, those of its own format; every total must be filled in ({@link
   * Report#withComputedTotals()}).
   */
  public static TableCells of(Report report) {
    Map<String, BigDecimal> values = new HashMap<>();
    for (ReportLayout.Cell cell : ReportLayout.cellsOf(report)) {
      Number n = cell.value().apply(report);
      values.put(cell.pointer(), n instanceof BigDecimal d ? d : BigDecimal.valueOf(n.longValue()));
    }
    String unit =
        report.activeDisclosure2019() == null
            ? null
            : report.activeDisclosure2019().procurement().unit();
    return new TableCells(values, unit);
  }

  /** Cells by JSON Pointer, as the roll-up tables store them (采购总金额 in 万元). */
  public static TableCells byPointer(Map<String, BigDecimal> values) {
    return new TableCells(Map.copyOf(values), "万元");
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
    return new TableCells(values, null);
  }

  /** Whether the cell is an amount (万元, or the unit of 采购总金额) rather than a count. */
  public static boolean isAmount(String pointer) {
    return pointer.equals(FEES_AMOUNT) || pointer.equals(PROCUREMENT_AMOUNT);
  }

  /** The unit of the 2019 采购总金额 (元 or 万元), or null when there is no 2019 Table 二. */
  public String procurementUnit() {
    return procurementUnit;
  }

  /** A cell as printed: a count as a whole number, an amount without trailing zeros. */
  public String text(String pointer) {
    BigDecimal value = value(pointer);
    return isAmount(pointer) ? Amounts.format(value) : value.toBigIntegerExact().toString();
  }

  /**
   * A label of the printed form as these cells print it: the 2019 form leaves the unit of 采购总金额 to
   * the report, which prints it in the column header ("采购总金额（元）").
   */
  public String label(String printed) {
    return printed.equals(PROCUREMENT_AMOUNT_HEADER) && procurementUnit != null
        ? printed + "（" + procurementUnit + "）"
        : printed;
  }

  /** Whether this holds the cell: a report holds only the cells of its own format. */
  public boolean has(String pointer) {
    return values.containsKey(pointer);
  }

  public BigDecimal value(String pointer) {
    BigDecimal value = values.get(pointer);
    if (value == null) {
      throw new IllegalArgumentException("no cell " + pointer);
    }
    return value;
  }

  /** The cells of {@link ReportLayout#CELLS} (the 2021 format), in its order. */
  public List<BigDecimal> inLayoutOrder() {
    return ReportLayout.CELLS.stream().map(c -> values.get(c.pointer())).toList();
  }
}
