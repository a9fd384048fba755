package org.disclosurehub.rollup;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;
import org.disclosurehub.report.ApplicantRow;
import org.disclosurehub.report.ReportLayout;
import org.disclosurehub.report.ReviewBlock;

/**
 * Where the cells roll-ups read sit in the stored arrays: {@code report_cells.cells} and {@code
 * region_totals.cells} hold ReportLayout.CELLS in order, so cell {@code i} is {@code cells[i + 1]}
 * in SQL.
 */
final class RollupLayout {
  static final int SIZE = ReportLayout.CELLS.size();

  static final int FEES_AMOUNT = index("/activeDisclosure/feesAmount");
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

  /** The position of a cell in ReportLayout.CELLS, by its JSON Pointer. */
  static int index(String pointer) {
    return IntStream.range(0, SIZE)
        .filter(i -> ReportLayout.CELLS.get(i).pointer().equals(pointer))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no cell " + pointer));
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
  static ApplicantRow carriedOver(BigDecimal[] cells) {
    return row(cells, CARRIED_OVER_COLUMNS);
  }

  /** 四、结转下年度继续办理 of stored cells. */
  static ApplicantRow carriedForward(BigDecimal[] cells) {
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
