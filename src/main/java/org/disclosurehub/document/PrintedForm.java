package org.disclosurehub.document;

import static org.disclosurehub.document.PrintedCell.label;
import static org.disclosurehub.document.PrintedCell.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.disclosurehub.report.ApplicantRow;
import org.disclosurehub.report.ReportLayout;
import org.disclosurehub.report.ReviewBlock;

/**
 * Tables 二, 三 and 四 as a format prints them: headings, numbering, labels and spans. The cells and
 * their order come from {@link ReportLayout}; this class adds only what the printed form has
 * besides them (the row and column structure and the labels exactly as printed).
 */
public record PrintedForm(String formatVersion, List<PrintedTable> tables) {

  /**
   * The layout a report of this format version is printed in. Only the 2021 cells can be stored so
   * far, so a report marked "2019" holds 2021 cells and prints in the 2021 layout; the 2019 trial
   * layout (its Table 二 columns, the single row （六）其他处理) belongs here once its cells can be stored.
   */
  public static PrintedForm of(String formatVersion) {
    return NATIONAL_2021;
  }

  // --- 二、主动公开政府信息情况 ------------------------------------------------------------------------

  private static PrintedTable table2() {
    String ad = "/activeDisclosure/";
    List<List<PrintedCell>> rows = new ArrayList<>();
    rows.add(List.of(label("第二十条第（一）项", 1, 4)));
    rows.add(List.of(label("信息内容"), label("本年制发件数"), label("本年废止件数"), label("现行有效件数")));
    for (var documents :
        List.of(List.of("regulations", "规章"), List.of("normativeDocuments", "行政规范性文件"))) {
      String p = ad + documents.get(0);
      rows.add(
          List.of(
              label(documents.get(1)),
              value(p + "/issued"),
              value(p + "/repealed"),
              value(p + "/inForce")));
    }
    rows.add(List.of(label("第二十条第（五）项", 1, 4)));
    rows.add(List.of(label("信息内容"), label("本年处理决定数量", 1, 3)));
    rows.add(List.of(label("行政许可"), value(ad + "licensing", 3)));
    rows.add(List.of(label("第二十条第（六）项", 1, 4)));
    rows.add(List.of(label("信息内容"), label("本年处理决定数量", 1, 3)));
    rows.add(List.of(label("行政处罚"), value(ad + "penalties", 3)));
    rows.add(List.of(label("行政强制"), value(ad + "compulsoryMeasures", 3)));
    rows.add(List.of(label("第二十条第（八）项", 1, 4)));
    rows.add(List.of(label("信息内容"), label("本年收费金额（单位：万元）", 1, 3)));
    rows.add(List.of(label("行政事业性收费"), value(ad + "feesAmount", 3)));
    return new PrintedTable("二、主动公开政府信息情况", 4, 0, rows);
  }

  // --- 三、收到和处理政府信息公开申请情况 -------------------------------------------------------------------

  /** The groups of 三、本年度办理结果 as printed, each with the printed labels of its rows. */
  private record OutcomeGroup(String label, String keyPrefix, List<String> rowLabels) {}

  private static final List<OutcomeGroup> OUTCOME_GROUPS =
      List.of(
          new OutcomeGroup(null, "outcomes/granted", List.of("（一）予以公开")),
          new OutcomeGroup(
              null, "outcomes/partiallyGranted", List.of("（二）部分公开（区分处理的，只计这一情形，不计其他情形）")),
          new OutcomeGroup(
              "（三）不予公开",
              "outcomes/denied/",
              List.of(
                  "1.属于国家秘密",
                  "2.其他法律行政法规禁止公开",
                  "3.危及“三安全一稳定”",
                  "4.保护第三方合法权益",
                  "5.属于三类内部事务信息",
                  "6.属于四类过程性信息",
                  "7.属于行政执法案卷",
                  "8.属于行政查询事项")),
          new OutcomeGroup(
              "（四）无法提供",
              "outcomes/unableToProvide/",
              List.of("1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确")),
          new OutcomeGroup(
              "（五）不予处理",
              "outcomes/notProcessed/",
              List.of(
                  "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息")),
          new OutcomeGroup(
              "（六）其他处理",
              "outcomes/otherHandling/",
              List.of(
                  "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                  "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                  "3.其他")),
          new OutcomeGroup(null, "outcomes/total", List.of("（七）总计")));

  private static final Map<String, String> OUTER_ROWS =
      Map.of(
          ReportLayout.NEWLY_RECEIVED.key(), "一、本年新收政府信息公开申请数量",
          ReportLayout.CARRIED_OVER.key(), "二、上年结转政府信息公开申请数量",
          ReportLayout.CARRIED_FORWARD.key(), "四、结转下年度继续办理");

  /** 国办公开办函〔2021〕30号 (declared after the labels it is built from). */
  public static final PrintedForm NATIONAL_2021 =
      new PrintedForm("2021", List.of(table2(), table3(), table4()));

  private static PrintedTable table3() {
    List<List<PrintedCell>> rows = new ArrayList<>();
    List<ApplicantRow.Column> columns = ApplicantRow.COLUMNS;
    rows.add(
        List.of(
            label("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3), label("申请人情况", 1, columns.size())));
    rows.add(
        List.of(
            label(columns.get(0).label(), 2, 1),
            label("法人或其他组织", 1, columns.size() - 2),
            label(columns.get(columns.size() - 1).label(), 2, 1)));
    rows.add(columns.subList(1, columns.size() - 1).stream().map(c -> label(c.label())).toList());

    rows.add(outerRow(ReportLayout.NEWLY_RECEIVED));
    rows.add(outerRow(ReportLayout.CARRIED_OVER));
    int outcomeRows = OUTCOME_GROUPS.stream().mapToInt(g -> g.rowLabels().size()).sum();
    boolean firstOfOutcomes = true;
    for (OutcomeGroup group : OUTCOME_GROUPS) {
      List<ReportLayout.RequestRow> members =
          ReportLayout.REQUEST_ROWS.stream()
              .filter(
                  r ->
                      r.key().equals(group.keyPrefix())
                          || r.key().startsWith(group.keyPrefix())
                              && group.keyPrefix().endsWith("/"))
              .toList();
      if (members.size() != group.rowLabels().size()) {
        throw new IllegalStateException(
            "printed rows of " + group.keyPrefix() + " differ from ReportLayout");
      }
      for (int i = 0; i < members.size(); i++) {
        List<PrintedCell> row = new ArrayList<>();
        if (firstOfOutcomes) {
          row.add(label("三、本年度办理结果", outcomeRows, 1));
          firstOfOutcomes = false;
        }
        if (group.label() == null) {
          row.add(label(group.rowLabels().get(i), 1, 2));
        } else {
          if (i == 0) {
            row.add(label(group.label(), members.size(), 1));
          }
          row.add(label(group.rowLabels().get(i)));
        }
        row.addAll(values(members.get(i)));
        rows.add(row);
      }
    }
    rows.add(outerRow(ReportLayout.CARRIED_FORWARD));
    return new PrintedTable("三、收到和处理政府信息公开申请情况", 3 + columns.size(), 3, rows);
  }

  private static List<PrintedCell> outerRow(ReportLayout.RequestRow row) {
    List<PrintedCell> cells = new ArrayList<>();
    cells.add(label(OUTER_ROWS.get(row.key()), 1, 3));
    cells.addAll(values(row));
    return cells;
  }

  private static List<PrintedCell> values(ReportLayout.RequestRow row) {
    return ApplicantRow.COLUMNS.stream().map(c -> value(row.pointer() + "/" + c.key())).toList();
  }

  // --- 四、政府信息公开行政复议、行政诉讼情况 -----------------------------------------------------------------

  private static PrintedTable table4() {
    List<ReviewBlock.Column> columns = ReviewBlock.COLUMNS;
    int width = columns.size();
    List<ReportLayout.ReviewRow> blocks = ReportLayout.REVIEW_BLOCKS;
    List<List<PrintedCell>> rows = new ArrayList<>();
    rows.add(List.of(label("行政复议", 1, width), label("行政诉讼", 1, 2 * width)));
    List<PrintedCell> second = new ArrayList<>();
    columns.forEach(c -> second.add(label(c.label(), 2, 1)));
    second.add(label("未经复议直接起诉", 1, width));
    second.add(label("复议后起诉", 1, width));
    rows.add(second);
    List<PrintedCell> third = new ArrayList<>();
    for (int b = 1; b < blocks.size(); b++) {
      columns.forEach(c -> third.add(label(c.label())));
    }
    rows.add(third);
    List<PrintedCell> numbers = new ArrayList<>();
    for (ReportLayout.ReviewRow block : blocks) {
      columns.forEach(c -> numbers.add(value(block.pointer() + "/" + c.key())));
    }
    rows.add(numbers);
    return new PrintedTable("四、政府信息公开行政复议、行政诉讼情况", blocks.size() * width, 3, rows);
  }
}
