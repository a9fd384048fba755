package org.disclosurehub.report;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One block of Table 四: cases by result. */
@Schema(description = "Table 四 block: cases by result")
public record ReviewBlock(
    @Schema(description = "结果维持", example = "1") @NotNull @Count Integer upheld,
    @Schema(description = "结果纠正", example = "1") @NotNull @Count Integer corrected,
    @Schema(description = "其他结果", example = "0") @NotNull @Count Integer other,
    @Schema(description = "尚未审结", example = "0") @NotNull @Count Integer pending,
    @Schema(description = "总计; computed when omitted, checked when given", example = "2") @Count
        Integer total) {

  public record Column(String key, String label, Function<ReviewBlock, Integer> value) {}

  /** The four result columns; {@code total} is their sum. */
  public static final List<Column> RESULT_COLUMNS =
      List.of(
          new Column("upheld", "结果维持", ReviewBlock::upheld),
          new Column("corrected", "结果纠正", ReviewBlock::corrected),
          new Column("other", "其他结果", ReviewBlock::other),
          new Column("pending", "尚未审结", ReviewBlock::pending));

  public static final List<Column> COLUMNS =
      List.of(
          RESULT_COLUMNS.get(0),
          RESULT_COLUMNS.get(1),
          RESULT_COLUMNS.get(2),
          RESULT_COLUMNS.get(3),
          new Column("total", "总计", ReviewBlock::total));

  public static ReviewBlock of(int upheld, int corrected, int other, int pending) {
    return new ReviewBlock(upheld, corrected, other, pending, null);
  }

  /** The sum of the four result columns, in a long so that it cannot wrap. */
  public long resultSum() {
    return (long) upheld + corrected + other + pending;
  }

  /** Expects the sum within {@link CellLimits#MAX_COUNT} (checked before totals are computed). */
  ReviewBlock withComputedTotal() {
    return total != null
        ? this
        : new ReviewBlock(upheld, corrected, other, pending, CellLimits.saturated(resultSum()));
  }
}
