package org.disclosurehub.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The fixed tables of the national format, row by row, with their JSON Pointers and Chinese labels.
 * Rules, CSV exports and roll-ups all walk the report through this one table. The 2019 trial format
 * has its own Table 二 and a single row 三(六): {@link #CELLS_2019}.
 */
public final class ReportLayout {

  /** A row of Table 三, addressed under {@code /requests}. */
  public record RequestRow(String key, String label, Function<Requests, ApplicantRow> row) {
    public String pointer() {
      return "/requests/" + key;
    }

    public ApplicantRow of(Report report) {
      return row.apply(report.requests());
    }
  }

  /** A block of Table 四, addressed under {@code /reviews}. */
  public record ReviewRow(String key, String label, Function<Reviews, ReviewBlock> block) {
    public String pointer() {
      return "/reviews/" + key;
    }

    public ReviewBlock of(Report report) {
      return block.apply(report.reviews());
    }
  }

  /** The three tables, as the form titles them. */
  public enum Table {
    二("二、主动公开政府信息情况"),
    三("三、收到和处理政府信息公开申请情况"),
    四("四、政府信息公开行政复议、行政诉讼情况");

    private final String title;

    Table(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }
  }

  /** What a cell holds: a whole count, or an amount in 万元 (a decimal string on the wire). */
  public enum CellType {
    count,
    amount
  }

  /**
   * A numeric cell: its JSON Pointer, its table, its row and column labels as printed in the form,
   * its type, how to read it, and whether it may be negative (本年增/减 of the 2019 format).
   */
  public record Cell(
      String pointer,
      Table table,
      String row,
      String column,
      CellType type,
      Function<Report, Number> value,
      boolean signed) {
    public Cell(
        String pointer,
        Table table,
        String row,
        String column,
        CellType type,
        Function<Report, Number> value) {
      this(pointer, table, row, column, type, value, false);
    }

    /** Row and column label together, as CSV headers and pages print a cell. */
    public String label() {
      return row + " · " + column;
    }
  }

  /** 三、本年度办理结果 (一) to (六): the rows that 三(七) 总计 adds up. */
  public static final List<RequestRow> OUTCOME_ROWS =
      List.of(
          row("outcomes/granted", "三(一) 予以公开", r -> r.outcomes().granted()),
          row("outcomes/partiallyGranted", "三(二) 部分公开", r -> r.outcomes().partiallyGranted()),
          row("outcomes/denied/stateSecret", "三(三)1 属于国家秘密", r -> denied(r).stateSecret()),
          row(
              "outcomes/denied/prohibitedByLaw",
              "三(三)2 其他法律行政法规禁止公开",
              r -> denied(r).prohibitedByLaw()),
          row(
              "outcomes/denied/endangersSecurityOrStability",
              "三(三)3 危及“三安全一稳定”",
              r -> denied(r).endangersSecurityOrStability()),
          row(
              "outcomes/denied/thirdPartyRights",
              "三(三)4 保护第三方合法权益",
              r -> denied(r).thirdPartyRights()),
          row(
              "outcomes/denied/internalAffairs",
              "三(三)5 属于三类内部事务信息",
              r -> denied(r).internalAffairs()),
          row(
              "outcomes/denied/processInformation",
              "三(三)6 属于四类过程性信息",
              r -> denied(r).processInformation()),
          row(
              "outcomes/denied/lawEnforcementFiles",
              "三(三)7 属于行政执法案卷",
              r -> denied(r).lawEnforcementFiles()),
          row(
              "outcomes/denied/administrativeQuery",
              "三(三)8 属于行政查询事项",
              r -> denied(r).administrativeQuery()),
          row(
              "outcomes/unableToProvide/notHeld",
              "三(四)1 本机关不掌握相关政府信息",
              r -> r.outcomes().unableToProvide().notHeld()),
          row(
              "outcomes/unableToProvide/requiresCreation",
              "三(四)2 没有现成信息需要另行制作",
              r -> r.outcomes().unableToProvide().requiresCreation()),
          row(
              "outcomes/unableToProvide/unclearAfterCorrection",
              "三(四)3 补正后申请内容仍不明确",
              r -> r.outcomes().unableToProvide().unclearAfterCorrection()),
          row(
              "outcomes/notProcessed/complaintOrPetition",
              "三(五)1 信访举报投诉类申请",
              r -> r.outcomes().notProcessed().complaintOrPetition()),
          row(
              "outcomes/notProcessed/repeated",
              "三(五)2 重复申请",
              r -> r.outcomes().notProcessed().repeated()),
          row(
              "outcomes/notProcessed/publication",
              "三(五)3 要求提供公开出版物",
              r -> r.outcomes().notProcessed().publication()),
          row(
              "outcomes/notProcessed/excessive",
              "三(五)4 无正当理由大量反复申请",
              r -> r.outcomes().notProcessed().excessive()),
          row(
              "outcomes/notProcessed/confirmation",
              "三(五)5 要求行政机关确认或重新出具已获取信息",
              r -> r.outcomes().notProcessed().confirmation()),
          row(
              "outcomes/otherHandling/overdueCorrection",
              "三(六)1 申请人无正当理由逾期不补正",
              r -> r.outcomes().otherHandling().overdueCorrection()),
          row(
              "outcomes/otherHandling/overdueFee",
              "三(六)2 申请人逾期未按收费通知要求缴纳费用",
              r -> r.outcomes().otherHandling().overdueFee()),
          row(
              "outcomes/otherHandling/other",
              "三(六)3 其他",
              r -> r.outcomes().otherHandling().other()));

  public static final RequestRow NEWLY_RECEIVED =
      row("newlyReceived", "一、本年新收政府信息公开申请数量", Requests::newlyReceived);
  public static final RequestRow CARRIED_OVER =
      row("carriedOver", "二、上年结转政府信息公开申请数量", Requests::carriedOver);
  public static final RequestRow OUTCOMES_TOTAL =
      row("outcomes/total", "三(七) 总计", r -> r.outcomes().total());
  public static final RequestRow CARRIED_FORWARD =
      row("carriedForward", "四、结转下年度继续办理", Requests::carriedForward);

  /** Every row of Table 三 in the order of the form. */
  public static final List<RequestRow> REQUEST_ROWS =
      Stream.of(
              Stream.of(NEWLY_RECEIVED, CARRIED_OVER),
              OUTCOME_ROWS.stream(),
              Stream.of(OUTCOMES_TOTAL, CARRIED_FORWARD))
          .flatMap(s -> s)
          .toList();

  /**
   * Table 三 as the 2019 trial format prints it: one row 三(六) 其他处理 ({@code otherHandling/other})
   * where the 2021 format has three.
   */
  public static final List<RequestRow> REQUEST_ROWS_2019 =
      REQUEST_ROWS.stream()
          .filter(
              row ->
                  !row.key().startsWith("outcomes/otherHandling/") || row.key().endsWith("/other"))
          .map(
              row ->
                  row.key().equals("outcomes/otherHandling/other")
                      ? row("outcomes/otherHandling/other", "三(六) 其他处理", row.row())
                      : row)
          .toList();

  /** The three blocks of Table 四. */
  public static final List<ReviewRow> REVIEW_BLOCKS =
      List.of(
          new ReviewRow("administrativeReview", "行政复议", Reviews::administrativeReview),
          new ReviewRow("litigationDirect", "行政诉讼 未经复议直接起诉", Reviews::litigationDirect),
          new ReviewRow("litigationAfterReview", "行政诉讼 复议后起诉", Reviews::litigationAfterReview));

  /** Table 二 of the 2021 format. */
  public static final List<Cell> TABLE_2 = table2();

  /** Table 二 of the 2019 trial format. */
  public static final List<Cell> TABLE_2_2019 = table2Of2019();

  /**
   * Table 二 of the 2019 trial format as sums give it: 采购总金额 in 万元 whatever unit a report printed,
   * so that it adds up over reports.
   */
  public static final List<Cell> TABLE_2_2019_IN_WAN_YUAN =
      TABLE_2_2019.stream()
          .map(
              cell ->
                  cell.pointer().equals("/activeDisclosure2019/procurement/totalAmount")
                      ? new Cell(
                          cell.pointer(),
                          cell.table(),
                          cell.row(),
                          "采购总金额（万元）",
                          cell.type(),
                          r -> trial(r).procurement().totalAmountInTenThousandYuan())
                      : cell)
          .toList();

  /** Every numeric cell of Tables 二, 三 and 四 of the 2021 format, in the order of the form. */
  public static final List<Cell> CELLS = cells(TABLE_2, REQUEST_ROWS);

  /** Every numeric cell of Tables 二, 三 and 四 of the 2019 trial format, in the order of the form. */
  public static final List<Cell> CELLS_2019 = cells(TABLE_2_2019, REQUEST_ROWS_2019);

  /**
   * The cells of the 2019 Table 二 that count the same thing as a cell of the 2021 Table 二 (处理决定数量
   * of 行政许可, 行政处罚 and 行政强制), by 2019 pointer: roll-ups add them up as one series. No other cell of
   * Table 二 does: 2019 counts documents made and published where 2021 counts those issued, repealed
   * and in force, and fee items where 2021 has the amount collected.
   */
  public static final Map<String, String> SAME_IN_2021 =
      Map.of(
          "/activeDisclosure2019/licensing/decisions", "/activeDisclosure/licensing",
          "/activeDisclosure2019/penalties/decisions", "/activeDisclosure/penalties",
          "/activeDisclosure2019/compulsoryMeasures/decisions",
              "/activeDisclosure/compulsoryMeasures");

  /** The JSON Pointer of the unit (元 or 万元) of 2019's 采购总金额, a text cell as printed. */
  public static final String PROCUREMENT_UNIT = "/activeDisclosure2019/procurement/unit";

  private ReportLayout() {}

  /** The cells of a report's own format: its Table 二 decides. */
  public static List<Cell> cellsOf(Report report) {
    return cells(formatOf(report));
  }

  /**
   * The format of a report's tables: {@code "2019"} when it gives the 2019 Table 二. That is its
   * formatVersion, except for reports stored before the 2019 Table 二 existed, which gave the 2021
   * one whatever their formatVersion.
   */
  public static String formatOf(Report report) {
    return report.activeDisclosure2019() != null ? Report.TRIAL_FORMAT : Report.CURRENT_FORMAT;
  }

  /** The cells of a format version ({@code "2021"}, {@code "2019"}). */
  public static List<Cell> cells(String formatVersion) {
    return Report.TRIAL_FORMAT.equals(formatVersion) ? CELLS_2019 : CELLS;
  }

  private static RequestRow row(String key, String label, Function<Requests, ApplicantRow> row) {
    return new RequestRow(key, label, row);
  }

  private static Denied denied(Requests requests) {
    return requests.outcomes().denied();
  }

  private static List<Cell> table2() {
    List<Cell> cells = new ArrayList<>();
    documentCells(cells, "regulations", "规章", r -> active(r).regulations());
    documentCells(cells, "normativeDocuments", "行政规范性文件", r -> active(r).normativeDocuments());
    cells.add(decisions("licensing", "行政许可", r -> active(r).licensing()));
    cells.add(decisions("penalties", "行政处罚", r -> active(r).penalties()));
    cells.add(decisions("compulsoryMeasures", "行政强制", r -> active(r).compulsoryMeasures()));
    cells.add(
        new Cell(
            "/activeDisclosure/feesAmount",
            Table.二,
            "行政事业性收费",
            "本年收费金额（万元）",
            CellType.amount,
            r -> active(r).feesAmount()));
    return List.copyOf(cells);
  }

  private static List<Cell> table2Of2019() {
    List<Cell> cells = new ArrayList<>();
    documentCells2019(cells, "regulations", "规章", r -> trial(r).regulations());
    documentCells2019(cells, "normativeDocuments", "规范性文件", r -> trial(r).normativeDocuments());
    itemCells(cells, "licensing", "行政许可", r -> trial(r).licensing());
    itemCells(
        cells, "otherManagementServices", "其他对外管理服务事项", r -> trial(r).otherManagementServices());
    itemCells(cells, "penalties", "行政处罚", r -> trial(r).penalties());
    itemCells(cells, "compulsoryMeasures", "行政强制", r -> trial(r).compulsoryMeasures());
    cells.add(
        trialCell(
            "fees/previousYearItems",
            "行政事业性收费",
            "上一年项目数量",
            r -> trial(r).fees().previousYearItems()));
    cells.add(
        new Cell(
            "/activeDisclosure2019/fees/change",
            Table.二,
            "行政事业性收费",
            "本年增/减",
            CellType.count,
            r -> trial(r).fees().change(),
            true));
    cells.add(
        trialCell(
            "procurement/projects", "政府集中采购", "采购项目数量", r -> trial(r).procurement().projects()));
    // In the unit printed (procurement/unit); roll-ups convert it to 万元.
    cells.add(
        new Cell(
            "/activeDisclosure2019/procurement/totalAmount",
            Table.二,
            "政府集中采购",
            "采购总金额（元或万元，见 unit）",
            CellType.amount,
            r -> trial(r).procurement().totalAmount()));
    return List.copyOf(cells);
  }

  private static Cell trialCell(
      String key, String row, String column, Function<Report, Number> value) {
    return new Cell("/activeDisclosure2019/" + key, Table.二, row, column, CellType.count, value);
  }

  private static void documentCells2019(
      List<Cell> cells, String key, String label, Function<Report, DocumentCounts2019> counts) {
    cells.add(trialCell(key + "/newlyMade", label, "本年新制作数量", r -> counts.apply(r).newlyMade()));
    cells.add(
        trialCell(
            key + "/newlyPublished", label, "本年新公开数量", r -> counts.apply(r).newlyPublished()));
    cells.add(
        trialCell(
            key + "/publishedTotal", label, "对外公开总数量", r -> counts.apply(r).publishedTotal()));
  }

  private static void itemCells(
      List<Cell> cells, String key, String label, Function<Report, ItemCounts2019> items) {
    cells.add(
        trialCell(
            key + "/previousYearItems", label, "上一年项目数量", r -> items.apply(r).previousYearItems()));
    cells.add(
        new Cell(
            "/activeDisclosure2019/" + key + "/change",
            Table.二,
            label,
            "本年增/减",
            CellType.count,
            r -> items.apply(r).change(),
            true));
    cells.add(trialCell(key + "/decisions", label, "处理决定数量", r -> items.apply(r).decisions()));
  }

  private static ActiveDisclosure active(Report report) {
    return report.activeDisclosure();
  }

  private static ActiveDisclosure2019 trial(Report report) {
    return report.activeDisclosure2019();
  }

  private static List<Cell> cells(List<Cell> table2, List<RequestRow> requestRows) {
    List<Cell> cells = new ArrayList<>(table2);
    for (RequestRow row : requestRows) {
      for (ApplicantRow.Column column : ApplicantRow.COLUMNS) {
        cells.add(
            new Cell(
                row.pointer() + "/" + column.key(),
                Table.三,
                row.label(),
                column.label(),
                CellType.count,
                r -> column.value().apply(row.of(r))));
      }
    }
    for (ReviewRow block : REVIEW_BLOCKS) {
      for (ReviewBlock.Column column : ReviewBlock.COLUMNS) {
        cells.add(
            new Cell(
                block.pointer() + "/" + column.key(),
                Table.四,
                block.label(),
                column.label(),
                CellType.count,
                r -> column.value().apply(block.of(r))));
      }
    }
    return List.copyOf(cells);
  }

  private static Cell decisions(String key, String label, Function<Report, Number> value) {
    return new Cell("/activeDisclosure/" + key, Table.二, label, "本年处理决定数量", CellType.count, value);
  }

  private static void documentCells(
      List<Cell> cells, String key, String label, Function<Report, DocumentCounts> counts) {
    String pointer = "/activeDisclosure/" + key;
    cells.add(
        new Cell(
            pointer + "/issued",
            Table.二,
            label,
            "本年制发件数",
            CellType.count,
            r -> counts.apply(r).issued()));
    cells.add(
        new Cell(
            pointer + "/repealed",
            Table.二,
            label,
            "本年废止件数",
            CellType.count,
            r -> counts.apply(r).repealed()));
    cells.add(
        new Cell(
            pointer + "/inForce",
            Table.二,
            label,
            "现行有效件数",
            CellType.count,
            r -> counts.apply(r).inForce()));
  }
}
