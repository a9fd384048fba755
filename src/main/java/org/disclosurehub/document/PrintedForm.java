package org.disclosurehub.document;

import static org.disclosurehub.document.PrintedCell.label;
import static org.disclosurehub.document.PrintedCell.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.disclosurehub.report.ApplicantRow;
import org.disclosurehub.report.Report;
import org.disclosurehub.report.ReportLayout;
import org.disclosurehub.report.ReviewBlock;

/**
 * Tables 二, 三 and 四 as a format prints them: headings, numbering, labels and spans. The cells and
 * their order come from {@link ReportLayout}; this class adds only what the printed form has
 * besides them (the row and column structure and the labels exactly as printed).
 */
public record PrintedForm(String formatVersion, List<PrintedTable> tables) {
  private static final String TABLE_2_HEADING = ReportLayout.Table.二.title();

  /** The formats' names as pages state them. */
  public static final String NAME_2021 = "国办公开办函〔2021〕30号格式";

  public static final String NAME_2019 = "2019年试行格式（国办公开办函〔2019〕60号）";

  /** The layout a report of this format version ({@code "2021"}, {@code "2019"}) is printed in. */
  public static PrintedForm of(String formatVersion) {
    return Report.TRIAL_FORMAT.equals(formatVersion) ? TRIAL_2019 : NATIONAL_2021;
  }

  // --- 二、主动公开政府信息情况 ------------------------------------------------------------------------

  private static PrintedTable table2() {
    String ad = "/activeDisclosure/";
    List<List<PrintedCell>> rows = new ArrayList<>();
    documents(
        rows,
        List.of("本年制发件数", "本年废止件数", "现行有效件数"),
        List.of(ad + "regulations", "规章", ad + "normativeDocuments", "行政规范性文件"),
        List.of("/issued", "/repealed", "/inForce"));
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
    return new PrintedTable(TABLE_2_HEADING, 4, 0, rows);
  }

  /**
   * 第二十条第（一）项: its header, then a row for 规章 and one for 规范性文件 ({@code rowsOf}: pointer, label,
   * pointer, label), each with a cell per column.
   */
  private static void documents(
      List<List<PrintedCell>> rows, List<String> columns, List<String> rowsOf, List<String> cells) {
    rows.add(List.of(label("第二十条第（一）项", 1, 4)));
    List<PrintedCell> header = new ArrayList<>(List.of(label("信息内容")));
    columns.forEach(c -> header.add(label(c)));
    rows.add(header);
    for (int r = 0; r < rowsOf.size(); r += 2) {
      List<PrintedCell> row = new ArrayList<>(List.of(label(rowsOf.get(r + 1))));
      for (String cell : cells) {
        row.add(value(rowsOf.get(r) + cell));
      }
      rows.add(row);
    }
  }

  /** Table 二 of the 2019 trial format (国办公开办函〔2019〕60号). */
  private static PrintedTable table2Of2019(String heading) {
    String ad = "/activeDisclosure2019/";
    List<List<PrintedCell>> rows = new ArrayList<>();
    documents(
        rows,
        List.of("本年新制作数量", "本年新公开数量", "对外公开总数量"),
        List.of(ad + "regulations", "规章", ad + "normativeDocuments", "规范性文件"),
        List.of("/newlyMade", "/newlyPublished", "/publishedTotal"));
    List<PrintedCell> itemsHeader =
        List.of(label("信息内容"), label("上一年项目数量"), label("本年增/减"), label("处理决定数量"));
    rows.add(List.of(label("第二十条第（五）项", 1, 4)));
    rows.add(itemsHeader);
    rows.add(items(ad + "licensing", "行政许可"));
    rows.add(items(ad + "otherManagementServices", "其他对外管理服务事项"));
    rows.add(List.of(label("第二十条第（六）项", 1, 4)));
    rows.add(itemsHeader);
    rows.add(items(ad + "penalties", "行政处罚"));
    rows.add(items(ad + "compulsoryMeasures", "行政强制"));
    rows.add(List.of(label("第二十条第（八）项", 1, 4)));
    rows.add(List.of(label("信息内容"), label("上一年项目数量"), label("本年增/减", 1, 2)));
    rows.add(
        List.of(
            label("行政事业性收费"), value(ad + "fees/previousYearItems"), value(ad + "fees/change", 2)));
    rows.add(List.of(label("第二十条第（九）项", 1, 4)));
    rows.add(List.of(label("信息内容"), label("采购项目数量"), label("采购总金额", 1, 2)));
    rows.add(
        List.of(
            label("政府集中采购"),
            value(ad + "procurement/projects"),
            value(ad + "procurement/totalAmount", 2)));
    return new PrintedTable(heading, 4, 0, rows);
  }

  private static List<PrintedCell> items(String pointer, String label) {
    return List.of(
        label(label),
        value(pointer + "/previousYearItems"),
        value(pointer + "/change"),
        value(pointer + "/decisions"));
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

  /** The 2019 trial format's groups: a single row （六）其他处理 where 2021 has three. */
  private static final List<OutcomeGroup> OUTCOME_GROUPS_2019 =
      OUTCOME_GROUPS.stream()
          .map(
              g ->
                  g.keyPrefix().equals("outcomes/otherHandling/")
                      ? new OutcomeGroup(null, "outcomes/otherHandling/other", List.of("（六）其他处理"))
                      : g)
          .toList();

  private static final Map<String, String> OUTER_ROWS =
      Map.of(
          ReportLayout.NEWLY_RECEIVED.key(), "一、本年新收政府信息公开申请数量",
          ReportLayout.CARRIED_OVER.key(), "二、上年结转政府信息公开申请数量",
          ReportLayout.CARRIED_FORWARD.key(), "四、结转下年度继续办理");

  /** 国办公开办函〔2021〕30号 (declared after the labels it is built from). */
  public static final PrintedForm NATIONAL_2021 =
      new PrintedForm(
          Report.CURRENT_FORMAT,
          List.of(table2(), table3(ReportLayout.REQUEST_ROWS, OUTCOME_GROUPS), table4()));

  /** The 2019 trial format (国办公开办函〔2019〕60号): its own Table 二 and a single row 三(六). */
  public static final PrintedForm TRIAL_2019 =
      new PrintedForm(
          Report.TRIAL_FORMAT,
          List.of(
              table2Of2019(TABLE_2_HEADING),
              table3(ReportLayout.REQUEST_ROWS_2019, OUTCOME_GROUPS_2019),
              table4()));

  /**
   * A region whose reports are in both formats: the 2021 tables, with the 2019 Table 二 summed over
   * the trial-format reports after the 2021 one (Table 三 of a 2019 report has its single row （六）
   * where the 2021 form prints 3.其他).
   */
  public static final PrintedForm MIXED =
      new PrintedForm(
          "mixed",
          List.of(
              table2(),
              table2Of2019(TABLE_2_HEADING + "（2019年试行格式的报告）"),
              table3(ReportLayout.REQUEST_ROWS, OUTCOME_GROUPS),
              table4()));

  private static PrintedTable table3(
      List<ReportLayout.RequestRow> requestRows, List<OutcomeGroup> outcomeGroups) {
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
    int outcomeRows = outcomeGroups.stream().mapToInt(g -> g.rowLabels().size()).sum();
    boolean firstOfOutcomes = true;
    for (OutcomeGroup group : outcomeGroups) {
      List<ReportLayout.RequestRow> members =
          requestRows.stream()
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
