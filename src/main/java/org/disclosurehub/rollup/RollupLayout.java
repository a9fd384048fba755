package org.disclosurehub.rollup;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.disclosurehub.document.TableCells;
import org.disclosurehub.report.ApplicantRow;
import org.disclosurehub.report.Report;
import org.disclosurehub.report.ReportLayout;
import org.disclosurehub.report.ReviewBlock;

/**
 * Where the cells roll-ups read sit in the stored arrays: {@code report_cells.cells} and {@code
 * region_totals.cells} hold ReportLayout.CELLS (the 2021 format) in order, then the 2019 trial
 * format's Table 二 (ReportLayout.TABLE_2_2019), so cell {@code i} is {@code cells[i + 1]} in SQL.
 * Arrays written before the 2019 cells existed are shorter: a missing cell is 0.
 */
public final class RollupLayout {
  /**
   * Every stored cell in array order. 采购总金额 is stored in 万元 whatever unit the report printed, so
   * that it adds up over reports.
   */
  public static final List<ReportLayout.Cell> CELLS =
      Stream.concat(ReportLayout.CELLS.stream(), ReportLayout.TABLE_2_2019_IN_WAN_YUAN.stream())
          .toList();

  static final int SIZE = CELLS.size();

  private static final Map<String, Integer> INDEX =
      IntStream.range(0, SIZE)
          .boxed()
          .collect(Collectors.toUnmodifiableMap(i -> CELLS.get(i).pointer(), i -> i));

  static final int FEES_AMOUNT = index("/activeDisclosure/feesAmount");
  static final int PROCUREMENT_AMOUNT = index("/activeDisclosure2019/procurement/totalAmount");
  static final int NEWLY_RECEIVED = total(ReportLayout.NEWLY_RECEIVED);
  static final int CARRIED_FORWARD = total(ReportLayout.CARRIED_FORWARD);
  static final int OUTCOMES_TOTAL = total(ReportLayout.OUTCOMES_TOTAL);
  static final int GRANTED = index("/requests/outcomes/granted/total");
  static final int PARTIALLY_GRANTED = index("/requests/outcomes/partiallyGranted/total");

  /** 三(三) 不予公开 1 to 8, their 总计 column. */
  static final List<Integer> DENIED =
      ReportLayout.OUTCOME_ROWS.stream()
          .filter(row -> row.key().startsWith("outcomes/denied/"))
          .map(RollupLayout::total)
          .toList();

  /** 二、上年结转 and 四、结转下年度, column by column: what CARRY_OVER compares. */
  static final List<Integer> CARRIED_OVER_COLUMNS = columns(ReportLayout.CARRIED_OVER);

  static final List<Integer> CARRIED_FORWARD_COLUMNS = columns(ReportLayout.CARRIED_FORWARD);

  private RollupLayout() {}

  /** A cell of one report as stored: its place in the array, JSON Pointer and label. */
  record Stored(int index, String pointer, String label) {}

  private static final Map<String, List<Stored>> BY_FORMAT =
      Map.of(
          Report.CURRENT_FORMAT, stored(ReportLayout.CELLS),
          Report.TRIAL_FORMAT, stored(ReportLayout.CELLS_2019));

  /** Every stored cell, as {@link Stored}. */
  static final List<Stored> ALL_STORED =
      IntStream.range(0, SIZE)
          .mapToObj(i -> new Stored(i, CELLS.get(i).pointer(), CELLS.get(i).label()))
          .toList();

  /**
   * The cells a document prints, by pointer, from a stored array (which may be shorter than {@link
   * #SIZE}: a cell beyond its end is 0).
   */
  static TableCells tableCells(BigDecimal[] stored, List<Stored> cells) {
    Map<String, BigDecimal> values = new HashMap<>();
    for (Stored cell : cells) {
      values.put(
          cell.pointer(),
          cell.index() < stored.length && stored[cell.index()] != null
              ? stored[cell.index()]
              : BigDecimal.ZERO);
    }
    return TableCells.byPointer(values);
  }

  /**
   * The stored cells of a report in {@code formatVersion}, in the order and with the labels of its
   * own form (the 2019 form has a single row 三(六) 其他处理); 采购总金额 in 万元 as stored.
   */
  static List<Stored> cellsOf(String formatVersion) {
    return BY_FORMAT.get(formatVersion);
  }

  private static List<Stored> stored(List<ReportLayout.Cell> form) {
    return form.stream()
        .map(
            cell -> {
              int i = index(cell.pointer());
              return new Stored(
                  i, cell.pointer(), isAmount(i) ? CELLS.get(i).label() : cell.label());
            })
        .toList();
  }

  /** Whether cell {@code i} is an amount in 万元 (a decimal), not a count. */
  static boolean isAmount(int i) {
    return i == FEES_AMOUNT || i == PROCUREMENT_AMOUNT;
  }

  /** The position of a cell in the stored arrays, by its JSON Pointer. */
  public static int index(String pointer) {
    Integer i = INDEX.get(pointer);
    if (i == null) {
      throw new IllegalArgumentException("no cell " + pointer);
    }
    return i;
  }

  /** The cell of a Table 四 block's column ({@code "administrativeReview"}, {@code "corrected"}). */
  static int review(String block, String column) {
    return index("/reviews/" + block + "/" + column);
  }

  static List<String> reviewBlocks() {
    return ReportLayout.REVIEW_BLOCKS.stream().map(ReportLayout.ReviewRow::key).toList();
  }

  static List<String> reviewColumns() {
    return ReviewBlock.COLUMNS.stream().map(ReviewBlock.Column::key).toList();
  }

  private static int total(ReportLayout.RequestRow row) {
    return index(row.pointer() + "/total");
  }

  private static List<Integer> columns(ReportLayout.RequestRow row) {
    return ApplicantRow.COLUMNS.stream().map(c -> index(row.pointer() + "/" + c.key())).toList();
  }

  /** 二、上年结转 of stored cells, as the row CARRY_OVER compares. */
  public static ApplicantRow carriedOver(BigDecimal[] cells) {
    return row(cells, CARRIED_OVER_COLUMNS);
  }

  /** 四、结转下年度继续办理 of stored cells. */
  public static ApplicantRow carriedForward(BigDecimal[] cells) {
    return row(cells, CARRIED_FORWARD_COLUMNS);
  }

  private static ApplicantRow row(BigDecimal[] cells, List<Integer> columns) {
    return ApplicantRow.of(columns.stream().mapToInt(i -> cells[i].intValueExact()).toArray());
  }

  /** The SQL expression of cell {@code i} of the array {@code column} (SQL arrays count from 1). */
  static String sql(String column, int i) {
    return column + "[" + (i + 1) + "]";
  }
}
