package org.disclosurehub.rollup;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One agency of a region's breakdown; the numbers are null when it has not reported. */
@Schema(
    requiredProperties = {
      "code",
      "name",
      "division",
      "divisionName",
      "reported",
      "late",
      "revision",
      "formatVersion",
      "newlyReceived",
      "totalHandled",
      "granted",
      "partiallyGranted",
      "denied",
      "reviewTotal",
      "litigationTotal",
      "corrected",
      "violationCount",
      "warnings"
    },
    description = "One agency in a region's per-agency breakdown for a year")
public record AgencyRollupRow(
    @Schema(example = "zhongwei-civil-affairs") String code,
    @Schema(example = "中卫市民政局") String name,
    @Schema(description = "GB/T 2260 division", example = "640521") String division,
    @Schema(description = "The division's name", example = "中宁县") String divisionName,
    @Schema(description = "Has a current report for the year") boolean reported,
    @Schema(
            description =
                "Published after 31 January of the next year; null when it has not reported, or"
                    + " when it was imported from a text that prints no date (unknown)")
        Boolean late,
    @Schema(description = "Current revision", example = "1") Integer revision,
    @Schema(
            description = "The format of its tables: \"2021\" or \"2019\" (the trial format)",
            enumeration = {"2021", "2019"})
        String formatVersion,
    @Schema(description = "一、本年新收 · 总计", example = "104") Long newlyReceived,
    @Schema(description = "三(七) 总计 · 总计", example = "102") Long totalHandled,
    @Schema(description = "三(一) 予以公开 · 总计", example = "50") Long granted,
    @Schema(description = "三(二) 部分公开 · 总计", example = "11") Long partiallyGranted,
    @Schema(description = "三(三) 不予公开 1–8 · 总计", example = "12") Long denied,
    @Schema(description = "行政复议 · 总计", example = "5") Long reviewTotal,
    @Schema(description = "行政诉讼 (直接起诉 + 复议后起诉) · 总计", example = "5") Long litigationTotal,
    @Schema(description = "结果纠正 over 行政复议 and both 行政诉讼 blocks", example = "1") Long corrected,
    @Schema(description = "Accounting rule violations it was accepted with", example = "0")
        Integer violationCount,
    @Schema(
            description =
                "The plausibility warnings of its report (NARRATIVE_MISMATCH, TEXT_REUSE,"
                    + " YEAR_JUMP); null when it has not reported",
            example = "[\"NARRATIVE_MISMATCH\"]")
        List<String> warnings) {}
