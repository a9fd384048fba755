package org.disclosurehub.rollup;

import java.util.List;
import java.util.Map;
import org.disclosurehub.report.Amounts;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A region's main totals and indicators year by year, for trend charts. */
@Schema(description = "A region's main totals and indicators, one entry per year")
record Trend(
    RegionRollup.Region region,
    @Schema(enumeration = {"all", "own"}) String scope,
    @Schema(example = "2021") int from,
    @Schema(example = "2025") int to,
    List<Year> years) {

  @Schema(description = "One year of a trend")
  public record Year(
      @Schema(example = "2024") int year,
      @Schema(description = "Agencies active in the year") int expected,
      @Schema(description = "Current reports") int reported,
      @Schema(description = "Reports published late") int late,
      @Schema(description = "Reports accepted with violations") int inconsistent,
      @Schema(
              description =
                  "Current reports by the format of their tables: \"2019\" (the trial format) and"
                      + " \"2021\"; the figures below add up both",
              example = "{\"2019\": 0, \"2021\": 5}")
          Map<String, Integer> formats,
      @Schema(description = "一、本年新收 · 总计") long newlyReceived,
      @Schema(description = "三(七) 总计 · 总计") long totalHandled,
      @Schema(description = "三(一) 予以公开 · 总计") long granted,
      @Schema(description = "三(二) 部分公开 · 总计") long partiallyGranted,
      @Schema(description = "三(三) 不予公开 · 总计") long denied,
      @Schema(description = "四、结转下年度继续办理 · 总计") long carriedForward,
      @Schema(description = "行政复议 · 总计") long reviewTotal,
      @Schema(description = "行政诉讼 · 总计 (both blocks)") long litigationTotal,
      @Schema(
              description = "行政事业性收费 (万元), decimal string: an amount only the 2021 format reports",
              example = "356.4821")
          String feesAmount,
      RegionRollup.Indicators indicators) {

    static Year of(int year, int expected, Sums sums) {
      return new Year(
          year,
          expected,
          sums.reports(),
          sums.late(),
          sums.inconsistent(),
          sums.formats(),
          sums.cell(RollupLayout.NEWLY_RECEIVED).longValue(),
          sums.cell(RollupLayout.OUTCOMES_TOTAL).longValue(),
          sums.cell(RollupLayout.GRANTED).longValue(),
          sums.cell(RollupLayout.PARTIALLY_GRANTED).longValue(),
          sums.denied().longValue(),
          sums.cell(RollupLayout.CARRIED_FORWARD).longValue(),
          sums.cell(RollupLayout.review("administrativeReview", "total")).longValue(),
          sums.litigationTotal().longValue(),
          Amounts.format(sums.cell(RollupLayout.FEES_AMOUNT)),
          RegionRollup.Indicators.of(sums));
    }
  }
}
