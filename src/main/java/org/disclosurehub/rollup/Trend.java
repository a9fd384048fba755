package org.disclosurehub.rollup;

import java.util.List;
import java.util.Map;
import org.disclosurehub.report.Amounts;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A region's main totals and indicators year by year, for trend charts. */
@Schema(
    description = "A region's main totals and indicators, one entry per year",
    requiredProperties = {"region", "scope", "from", "to", "years"})
public record Trend(
    RegionRollup.Region region,
    @Schema(enumeration = {"all", "own"}) String scope,
    @Schema(example = "2021") int from,
    @Schema(example = "2025") int to,
    List<Year> years) {

  /** Sums are null in a year without any report: no data, not zero (a chart leaves a gap). */
  @Schema(
      description = "One year of a trend; the sums are null in a year without any report",
      requiredProperties = {
        "year",
        "expected",
        "rosterJoined",
        "rosterLeft",
        "reported",
        "late",
        "inconsistent",
        "formats",
        "indicators"
      })
  public record Year(
      @Schema(example = "2024") int year,
      @Schema(
              description =
                  "Agencies on the year's roster (their span of years unless the roster says"
                      + " otherwise for the year): completeness is reported of expected, each year"
                      + " over its own roster")
          int expected,
      @Schema(
              description =
                  "Agencies on this year's roster that were not on the previous year's (registered,"
                      + " included, or back from an exclusion)",
              example = "0")
          int rosterJoined,
      @Schema(
              description =
                  "Agencies on the previous year's roster that are not on this year's (merged,"
                      + " abolished, vertically managed, not a reporting body, or their years ended)",
              example = "0")
          int rosterLeft,
      @Schema(description = "Current reports") int reported,
      @Schema(description = "Reports published late") int late,
      @Schema(description = "Reports accepted with violations") int inconsistent,
      @Schema(
              description =
                  "Current reports by the format of their tables: \"2019\" (the trial format) and"
                      + " \"2021\"; the figures below add up both",
              example = "{\"2019\": 0, \"2021\": 5}")
          Map<String, Integer> formats,
      @Schema(description = "一、本年新收 · 总计") Long newlyReceived,
      @Schema(description = "三(七) 总计 · 总计") Long totalHandled,
      @Schema(description = "三(一) 予以公开 · 总计") Long granted,
      @Schema(description = "三(二) 部分公开 · 总计") Long partiallyGranted,
      @Schema(description = "三(三) 不予公开 · 总计") Long denied,
      @Schema(description = "四、结转下年度继续办理 · 总计") Long carriedForward,
      @Schema(description = "行政复议 · 总计") Long reviewTotal,
      @Schema(description = "行政诉讼 · 总计 (both blocks)") Long litigationTotal,
      @Schema(
              description = "行政事业性收费 (万元), decimal string: an amount only the 2021 format reports",
              example = "356.4821")
          String feesAmount,
      RegionRollup.Indicators indicators) {

    /** Whether the roster differs from the previous year's: a trend compares unlike years there. */
    public boolean rosterChanged() {
      return rosterJoined > 0 || rosterLeft > 0;
    }

    static Year of(int year, int expected, int joined, int left, Sums sums) {
      boolean reported = sums.reports() > 0;
      return new Year(
          year,
          expected,
          joined,
          left,
          sums.reports(),
          sums.late(),
          sums.inconsistent(),
          sums.formats(),
          reported ? sums.cell(RollupLayout.NEWLY_RECEIVED).longValue() : null,
          reported ? sums.cell(RollupLayout.OUTCOMES_TOTAL).longValue() : null,
          reported ? sums.cell(RollupLayout.GRANTED).longValue() : null,
          reported ? sums.cell(RollupLayout.PARTIALLY_GRANTED).longValue() : null,
          reported ? sums.denied().longValue() : null,
          reported ? sums.cell(RollupLayout.CARRIED_FORWARD).longValue() : null,
          reported
              ? sums.cell(RollupLayout.review("administrativeReview", "total")).longValue()
              : null,
          reported ? sums.litigationTotal().longValue() : null,
          reported ? Amounts.format(sums.cell(RollupLayout.FEES_AMOUNT)) : null,
          RegionRollup.Indicators.of(sums));
    }
  }
}
