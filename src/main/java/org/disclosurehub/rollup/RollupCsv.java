package org.disclosurehub.rollup;

import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.disclosurehub.report.ReportLayout;

/**
 * The roll-ups as CSV ({@link Csv}): a year one row per cell, a breakdown and a trend by rows; the
 * header row keys, or Chinese labels when {@code chinese}.
 */
final class RollupCsv {
  private RollupCsv() {}

  /** An inline CSV attachment named {@code <filename>.csv}. */
  static Response.ResponseBuilder response(Object body, String filename) {
    return Response.ok(body, Csv.CONTENT_TYPE)
        .header("Content-Disposition", "inline; filename=\"" + filename + ".csv\"");
  }

  private static final List<Csv.Column> LONG_HEADER =
      List.of(
          new Csv.Column("section", "部分"),
          new Csv.Column("row", "行"),
          new Csv.Column("column", "列"),
          new Csv.Column("label", "名称"),
          new Csv.Column("value", "数值"));

  /**
   * One row per cell, straight from the sums in the order of ReportLayout.CELLS; then
   * publishedItems, completeness, consistency and indicators.
   */
  static String year(SummedYear summed, boolean chinese) {
    RegionRollup rollup = summed.rollup();
    return write(
        LONG_HEADER,
        chinese,
        csv -> {
          for (int i = 0; i < RollupLayout.SIZE; i++) {
            ReportLayout.Cell cell = RollupLayout.CELLS.get(i);
            BigDecimal sum = summed.sums().cell(i);
            longRow(
                csv,
                cell.pointer(),
                cell.label(),
                RollupLayout.isAmount(i) ? sum : BigDecimal.valueOf(sum.longValueExact()));
          }
          longRow(csv, "/publishedItems/total", "主动公开政府信息 条数", rollup.publishedItems().total());
          longRow(
              csv,
              "/publishedItems/reportsStating",
              "说明主动公开条数的报告数",
              rollup.publishedItems().reportsStating());
          RegionRollup.Completeness completeness = rollup.completeness();
          longRow(csv, "/completeness/expected", "应报机关数", completeness.expected());
          longRow(csv, "/completeness/reported", "已报数", completeness.reported());
          longRow(csv, "/completeness/onTime", "按时报送数", completeness.onTime());
          longRow(csv, "/completeness/late", "逾期报送数", completeness.late());
          longRow(csv, "/completeness/latenessUnknown", "未载明公开日期数", completeness.latenessUnknown());
          longRow(
              csv,
              "/completeness/outsideRoster",
              "不在应报名单但已报送的报告数（不计入）",
              completeness.outsideRoster().size());
          for (Map.Entry<String, Integer> format : rollup.formats().entrySet()) {
            longRow(
                csv,
                "/formats/" + format.getKey(),
                FORMAT_LABELS.get(format.getKey()),
                format.getValue());
          }
          longRow(
              csv,
              "/consistency/carryOverMismatches",
              "上年结转与上年报告结转下年度不一致的报告数",
              rollup.consistency().carryOverMismatches());
          List<RegionRollup.WarnedReports> warnings = rollup.consistency().warnings();
          for (int w = 0; w < warnings.size(); w++) {
            String rule = warnings.get(w).rule();
            longRow(
                csv,
                "/consistency/warnings/" + w + "/reports",
                rule + " " + WARNING_LABELS.get(rule),
                warnings.get(w).reports());
          }
          RegionRollup.Indicators indicators = rollup.indicators();
          longRow(
              csv,
              "/indicators/disclosureRate",
              "公开率 (予以公开 + 部分公开) / 总计",
              indicators.disclosureRate());
          longRow(csv, "/indicators/denialRate", "不予公开率", indicators.denialRate());
          for (ReportLayout.ReviewRow block : ReportLayout.REVIEW_BLOCKS) {
            longRow(
                csv,
                "/indicators/" + block.key() + "/correctionRate",
                block.label() + " 纠错率",
                indicators.of(block.key()).correctionRate());
          }
        });
  }

  /** A row of the long format: the pointer split into section, row and column. */
  private static void longRow(Csv csv, String pointer, String label, Number value)
      throws IOException {
    String[] keys = pointer.substring(1).split("/");
    String row =
        keys.length == 2 ? keys[1] : String.join("/", List.of(keys).subList(1, keys.length - 1));
    String column = keys.length == 2 ? "" : keys[keys.length - 1];
    csv.row(Arrays.asList(keys[0], row, column, label, value));
  }

  private static final List<Csv.Column> AGENCY_HEADER =
      List.of(
          new Csv.Column("code", "机关代码"),
          new Csv.Column("name", "机关名称"),
          new Csv.Column("division", "行政区划代码"),
          new Csv.Column("divisionName", "行政区划名称"),
          new Csv.Column("reported", "已报送"),
          new Csv.Column("late", "逾期"),
          new Csv.Column("revision", "修订版本"),
          new Csv.Column("newlyReceived", "本年新收申请数"),
          new Csv.Column("totalHandled", "办理结果总计"),
          new Csv.Column("granted", "予以公开"),
          new Csv.Column("partiallyGranted", "部分公开"),
          new Csv.Column("denied", "不予公开"),
          new Csv.Column("reviewTotal", "行政复议总计"),
          new Csv.Column("litigationTotal", "行政诉讼总计"),
          new Csv.Column("corrected", "结果纠正"),
          new Csv.Column("violationCount", "违反勾稽关系数"),
          new Csv.Column("warnings", "提示（叙述不一致、文字重复、较上年异常）"),
          // Last, so that the columns before keep their places.
          new Csv.Column("formatVersion", "表格式版本"),
          new Csv.Column("expected", "是否应报"),
          new Csv.Column("rosterCause", "名单调整原因"),
          new Csv.Column("mergedInto", "并入机关代码"));

  /** The long CSV's label of each plausibility warning's count. */
  private static final Map<String, String> WARNING_LABELS =
      Map.of(
          "NARRATIVE_MISMATCH", "叙述中的数字与表格不一致的报告数",
          "TEXT_REUSE", "文字与上年或同城其他报告重复过多的报告数",
          "YEAR_JUMP", "主要数据较上年变化超过阈值的报告数");

  static String agencies(List<AgencyRollupRow> rows, boolean chinese) {
    return write(
        AGENCY_HEADER,
        chinese,
        csv -> {
          for (AgencyRollupRow r : rows) {
            csv.row(
                Arrays.asList(
                    r.code(),
                    r.name(),
                    r.division(),
                    r.divisionName(),
                    r.reported(),
                    r.late(),
                    r.revision(),
                    r.newlyReceived(),
                    r.totalHandled(),
                    r.granted(),
                    r.partiallyGranted(),
                    r.denied(),
                    r.reviewTotal(),
                    r.litigationTotal(),
                    r.corrected(),
                    r.violationCount(),
                    r.warnings() == null ? null : String.join(" ", r.warnings()),
                    r.formatVersion(),
                    r.expected(),
                    r.rosterCause(),
                    r.mergedInto()));
          }
        });
  }

  /** The counts of reports by format, in CSV. */
  private static final Map<String, String> FORMAT_LABELS =
      Map.of("2019", "2019 试行格式的报告数", "2021", "2021 版格式的报告数");

  private static final List<Csv.Column> TREND_HEADER =
      List.of(
          new Csv.Column("year", "年度"),
          new Csv.Column("expected", "应报机关数"),
          new Csv.Column("reported", "已报数"),
          new Csv.Column("late", "逾期报送数"),
          new Csv.Column("inconsistent", "不符合勾稽关系的报告数"),
          new Csv.Column("newlyReceived", "本年新收申请数"),
          new Csv.Column("totalHandled", "办理结果总计"),
          new Csv.Column("granted", "予以公开"),
          new Csv.Column("partiallyGranted", "部分公开"),
          new Csv.Column("denied", "不予公开"),
          new Csv.Column("carriedForward", "结转下年度继续办理"),
          new Csv.Column("reviewTotal", "行政复议总计"),
          new Csv.Column("litigationTotal", "行政诉讼总计"),
          new Csv.Column("feesAmount", "行政事业性收费（万元）"),
          new Csv.Column("disclosureRate", "公开率"),
          new Csv.Column("denialRate", "不予公开率"),
          new Csv.Column("administrativeReviewCorrectionRate", "行政复议纠错率"),
          new Csv.Column("litigationDirectCorrectionRate", "直接起诉纠错率"),
          new Csv.Column("litigationAfterReviewCorrectionRate", "复议后起诉纠错率"),
          // Last, so that the columns before keep their places.
          new Csv.Column("reports2019", FORMAT_LABELS.get("2019")),
          new Csv.Column("reports2021", FORMAT_LABELS.get("2021")));

  static String trend(Trend trend, boolean chinese) {
    return write(
        TREND_HEADER,
        chinese,
        csv -> {
          for (Trend.Year y : trend.years()) {
            RegionRollup.Indicators i = y.indicators();
            csv.row(
                Arrays.asList(
                    y.year(),
                    y.expected(),
                    y.reported(),
                    y.late(),
                    y.inconsistent(),
                    y.newlyReceived(),
                    y.totalHandled(),
                    y.granted(),
                    y.partiallyGranted(),
                    y.denied(),
                    y.carriedForward(),
                    y.reviewTotal(),
                    y.litigationTotal(),
                    y.feesAmount() == null ? null : new BigDecimal(y.feesAmount()),
                    i.disclosureRate(),
                    i.denialRate(),
                    i.administrativeReview().correctionRate(),
                    i.litigationDirect().correctionRate(),
                    i.litigationAfterReview().correctionRate(),
                    y.formats().get("2019"),
                    y.formats().get("2021")));
          }
        });
  }

  private interface Rows {
    void write(Csv csv) throws IOException;
  }

  private static String write(List<Csv.Column> header, boolean chinese, Rows rows) {
    StringWriter out = new StringWriter();
    try {
      rows.write(Csv.start(out, header, chinese));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
