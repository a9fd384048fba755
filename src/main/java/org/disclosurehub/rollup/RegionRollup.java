package org.disclosurehub.rollup;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.disclosurehub.region.Division;
import org.disclosurehub.region.Regions;
import org.disclosurehub.report.ActiveDisclosure;
import org.disclosurehub.report.ActiveDisclosure2019;
import org.disclosurehub.report.Requests;
import org.disclosurehub.report.Reviews;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A region's roll-up for one year: Tables 二, 三, 四 summed over its agencies' current reports. */
@Schema(
    description = "A region's roll-up for one year",
    requiredProperties = {
      "region",
      "scope",
      "year",
      "formats",
      "activeDisclosure",
      "activeDisclosure2019",
      "requests",
      "reviews",
      "publishedItems",
      "completeness",
      "consistency",
      "indicators"
    })
public record RegionRollup(
    @Schema(description = "The region") Region region,
    @Schema(
            description =
                "all: every agency within the region; own: only agencies whose division is the"
                    + " region's code",
            enumeration = {"all", "own"})
        String scope,
    @Schema(example = "2024") int year,
    @Schema(
            description =
                "Current reports by the format of their tables: \"2019\" (the trial format) and"
                    + " \"2021\"",
            example = "{\"2019\": 1, \"2021\": 4}")
        Map<String, Integer> formats,
    @Schema(
            description =
                "二、主动公开政府信息情况 of the 2021 format, each cell summed over the reports in that"
                    + " format; licensing, penalties and compulsoryMeasures (处理决定数量) also over the"
                    + " 2019 reports, whose Table 二 counts them the same way; feesAmount a decimal"
                    + " string",
            implementation = ActiveDisclosure.class)
        SummedTable activeDisclosure,
    @Schema(
            description =
                "二、主动公开政府信息情况 of the 2019 trial format, each cell summed over the reports in"
                    + " that format (zeros when there are none); 采购总金额 in 万元",
            implementation = ActiveDisclosure2019.class)
        SummedTable activeDisclosure2019,
    @Schema(description = "三、收到和处理政府信息公开申请情况, each cell summed", implementation = Requests.class)
        SummedTable requests,
    @Schema(description = "四、行政复议、行政诉讼情况, each cell summed", implementation = Reviews.class)
        SummedTable reviews,
    @Schema(description = "一(一) 主动公开政府信息 条数, over the reports that state it")
        PublishedItemsSum publishedItems,
    @Schema(description = "Who was expected to report, who did, on time or late, who is missing")
        Completeness completeness,
    @Schema(description = "Reports that do not add up") Consistency consistency,
    @Schema(description = "Ratios of the summed counts") Indicators indicators) {

  /** The roll-up of a year from its sums and the lists read beside them. */
  static RegionRollup of(
      Division region,
      String scope,
      int year,
      Sums sums,
      int expected,
      int latenessUnknown,
      List<AgencyRef> missing,
      List<AgencyRef> outsideRoster,
      List<InconsistentReport> inconsistent,
      List<WarnedReports> warned,
      int carryOverExplained) {
    return new RegionRollup(
        Region.of(region),
        scope,
        year,
        sums.formats(),
        new SummedTable(SummedTable.ACTIVE_DISCLOSURE, sums),
        new SummedTable(SummedTable.ACTIVE_DISCLOSURE_2019, sums),
        new SummedTable(SummedTable.REQUESTS, sums),
        new SummedTable(SummedTable.REVIEWS, sums),
        new PublishedItemsSum(sums.publishedItems(), sums.reportsStating()),
        new Completeness(
            expected,
            sums.reports(),
            sums.reports() - sums.late() - latenessUnknown,
            sums.late(),
            latenessUnknown,
            missing,
            outsideRoster),
        Consistency.of(inconsistent, sums.carryOverMismatches(), carryOverExplained, warned),
        Indicators.of(sums));
  }

  /** A count of the tables by its JSON Pointer ({@code /requests/newlyReceived/total}). */
  public long count(String pointer) {
    SummedTable table =
        switch (pointer.substring(1, pointer.indexOf('/', 1))) {
          case SummedTable.ACTIVE_DISCLOSURE -> activeDisclosure;
          case SummedTable.ACTIVE_DISCLOSURE_2019 -> activeDisclosure2019;
          case SummedTable.REQUESTS -> requests;
          default -> reviews;
        };
    return table.cell(pointer).longValueExact();
  }

  /** A GB/T 2260 division, with its name and those of the divisions it lies in. */
  @Schema(
      description = "A GB/T 2260 division",
      requiredProperties = {"code", "name", "level", "parents"})
  public record Region(
      @Schema(example = "640500") String code,
      @Schema(description = "名称", example = "中卫市") String name,
      @Schema(description = "province, city or county", example = "city") Division.Level level,
      @Schema(description = "The divisions it lies in, province first")
          List<Regions.Region> parents) {
    static Region of(Division division) {
      return new Region(
          division.code(),
          Regions.name(division.code()),
          division.level(),
          Regions.parents(division.code()));
    }
  }

  @Schema(
      description = "一(一) 主动公开政府信息 条数 summed",
      requiredProperties = {"total", "reportsStating"})
  public record PublishedItemsSum(
      @Schema(description = "Sum of publishedItems.total", example = "1377") long total,
      @Schema(description = "How many reports state publishedItems.total", example = "2")
          int reportsStating) {}

  @Schema(
      description = "Completeness of reporting for the year",
      requiredProperties = {
        "expected",
        "reported",
        "onTime",
        "late",
        "latenessUnknown",
        "missing",
        "outsideRoster"
      })
  public record Completeness(
      @Schema(
              description =
                  "Agencies of the region on the year's roster: their span of active years unless"
                      + " the roster excludes or includes them for the year",
              example = "5")
          int expected,
      @Schema(
              description =
                  "Current (not withdrawn) reports of the region's agencies on the year's roster"
                      + " (see outsideRoster for the others)",
              example = "4")
          int reported,
      @Schema(description = "Reports published by 31 January of the next year (Beijing time)")
          int onTime,
      @Schema(
              description =
                  "Reports published later (publishedOn, else first submission; an imported"
                      + " report without publishedOn is not late but unknown)")
          int late,
      @Schema(
              description =
                  "Reports whose lateness is unknown: imported from a published text that prints"
                      + " no date, so neither on time nor late",
              example = "0")
          int latenessUnknown,
      @Schema(description = "Expected agencies without a report, by code") List<AgencyRef> missing,
      @Schema(
              description =
                  "Agencies not on the year's roster (excluded by it, or outside their active"
                      + " years) that filed a report anyway, by code: their reports are kept and"
                      + " readable, but counted nowhere in the region's figures (not in reported,"
                      + " onTime, late, the sums, formats, consistency or indicators), so that a body"
                      + " reporting elsewhere is not summed twice")
          List<AgencyRef> outsideRoster) {}

  @Schema(
      description = "An agency, by code and name",
      requiredProperties = {"code", "name"})
  public record AgencyRef(
      @Schema(example = "zhongwei-civil-affairs") String code,
      @Schema(example = "中卫市民政局") String name) {}

  @Schema(
      description = "Reports that do not add up",
      requiredProperties = {
        "inconsistentReports",
        "carryOverMismatches",
        "carryOverExplained",
        "warnings",
        "warningTotals"
      })
  public record Consistency(
      @Schema(
              description =
                  "Reports stored with acceptInconsistent=true, with the rules they break")
          List<InconsistentReport> inconsistentReports,
      @Schema(
              description =
                  "Reports whose 二、上年结转 differs from 四、结转下年度 of the same agency's current report"
                      + " of the year before (CARRY_OVER); reports without one are not counted",
              example = "1")
          int carryOverMismatches,
      @Schema(
              description =
                  "Of carryOverMismatches, the reports whose every CARRY_OVER note (cell by cell)"
                      + " explains it: explained by the agency or a reviewer, or the explanation"
                      + " confirmed",
              example = "0")
          int carryOverExplained,
      @Schema(
              description =
                  "Per plausibility check (NARRATIVE_MISMATCH, TEXT_REUSE, YEAR_JUMP): how many"
                      + " reports have its warning, and whose")
          List<WarnedReports> warnings,
      @Schema(
              description =
                  "The warnings of the year counted by report and check (CARRY_OVER and the"
                      + " plausibility checks): open, or explained")
          WarningTotals warningTotals) {

    static Consistency of(
        List<InconsistentReport> inconsistent,
        int carryOverMismatches,
        int carryOverExplained,
        List<WarnedReports> warned) {
      int explained = carryOverExplained + warned.stream().mapToInt(WarnedReports::explained).sum();
      int open =
          carryOverMismatches
              - carryOverExplained
              + warned.stream().mapToInt(WarnedReports::open).sum();
      return new Consistency(
          inconsistent,
          carryOverMismatches,
          carryOverExplained,
          warned,
          new WarningTotals(open, explained));
    }
  }

  @Schema(
      description = "Warnings (one per report and check) open or explained",
      requiredProperties = {"open", "explained"})
  public record WarningTotals(
      @Schema(
              description =
                  "Not explained, or the explanation rejected or reopened by a correction",
              example = "2")
          int open,
      @Schema(
              description = "Explained by the agency or a reviewer, or the explanation confirmed",
              example = "1")
          int explained) {}

  @Schema(
      description = "The reports with one plausibility warning",
      requiredProperties = {
        "rule",
        "reports",
        "agencies",
        "open",
        "explained",
        "explainedAgencies"
      })
  public record WarnedReports(
      @Schema(
              description = "The check",
              enumeration = {"NARRATIVE_MISMATCH", "TEXT_REUSE", "YEAR_JUMP"},
              example = "NARRATIVE_MISMATCH")
          String rule,
      @Schema(description = "How many reports have its warning", example = "1") int reports,
      @Schema(description = "Their agencies, by code") List<String> agencies,
      @Schema(description = "Of these reports, how many have the warning open", example = "1")
          int open,
      @Schema(
              description =
                  "Of these reports, how many have it explained (every finding of the check, each"
                      + " at its cell)",
              example = "0")
          int explained,
      @Schema(description = "The agencies whose warning is explained, by code")
          List<String> explainedAgencies) {

    static WarnedReports of(String rule, List<String> agencies, List<String> explained) {
      return new WarnedReports(
          rule,
          agencies.size(),
          agencies,
          agencies.size() - explained.size(),
          explained.size(),
          explained);
    }
  }

  @Schema(
      description = "A report accepted although it breaks accounting rules",
      requiredProperties = {"agency", "rules"})
  public record InconsistentReport(
      @Schema(description = "Agency code") String agency,
      @Schema(description = "The rule ids it breaks", example = "[\"BALANCE\"]")
          List<String> rules) {}

  /** Ratios of the region's summed counts (never averages of per-agency ratios); null over 0. */
  @Schema(
      description = "Ratios of the summed counts, 4 decimals; null where the denominator is 0",
      requiredProperties = {"administrativeReview", "litigationDirect", "litigationAfterReview"})
  public record Indicators(
      @Schema(description = "(三(一) 予以公开 + 三(二) 部分公开) / 三(七) 总计", example = "0.5980")
          BigDecimal disclosureRate,
      @Schema(description = "三(三) 不予公开 / 三(七) 总计", example = "0.1176") BigDecimal denialRate,
      @Schema(description = "行政复议") Correction administrativeReview,
      @Schema(description = "行政诉讼 未经复议直接起诉") Correction litigationDirect,
      @Schema(description = "行政诉讼 复议后起诉") Correction litigationAfterReview) {

    /** The indicators of summed counts: ratios of sums, never averages of ratios. */
    static Indicators of(Sums sums) {
      BigDecimal handled = sums.cell(RollupLayout.OUTCOMES_TOTAL);
      BigDecimal disclosed =
          sums.cell(RollupLayout.GRANTED).add(sums.cell(RollupLayout.PARTIALLY_GRANTED));
      return new Indicators(
          ratio(disclosed, handled),
          ratio(sums.denied(), handled),
          Correction.of(sums, "administrativeReview"),
          Correction.of(sums, "litigationDirect"),
          Correction.of(sums, "litigationAfterReview"));
    }

    /** The correction rate of a Table 四 block by its key. */
    Correction of(String block) {
      return switch (block) {
        case "administrativeReview" -> administrativeReview;
        case "litigationDirect" -> litigationDirect;
        case "litigationAfterReview" -> litigationAfterReview;
        default -> throw new IllegalArgumentException("no block " + block);
      };
    }
  }

  @Schema(
      requiredProperties = {"correctionRate"},
      description = "Outcome of a Table 四 block")
  public record Correction(
      @Schema(description = "结果纠正 / (结果维持 + 结果纠正 + 其他结果)", example = "0.2500")
          BigDecimal correctionRate) {

    static Correction of(Sums sums, String block) {
      BigDecimal corrected = sums.cell(RollupLayout.review(block, "corrected"));
      BigDecimal decided =
          sums.cell(RollupLayout.review(block, "upheld"))
              .add(corrected)
              .add(sums.cell(RollupLayout.review(block, "other")));
      return new Correction(ratio(corrected, decided));
    }
  }

  private static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
    return denominator.signum() == 0
        ? null
        : numerator.divide(denominator, 4, RoundingMode.HALF_UP);
  }
}
