package org.disclosurehub.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.disclosurehub.report.ApplicantRow;

/**
 * Table 三: its rows aligned to the form's 25 rows (24 in the 2019 trial format, whose single row
 * 三(六) 其他处理 stands where 2021 has three), each read as the seven applicant columns.
 */
final class Table3Reader {
  /** Words of the column headers of Table 三: a line with one of them starts a new label. */
  static final String[] HEADER = {"申请人情况", "自然人", "商业企业", "法人或其他组织", "科研机构"};

  private static final int COLUMNS = ApplicantRow.COLUMNS.size();

  private static final String OTHER_HANDLING_2019 = "outcomes/otherHandling/other2019";

  /** The rows of the form, each by its distinctive phrase and its label as the form prints it. */
  private static final List<RowAlignment.Target> ROWS_2021 =
      List.of(
          target("newlyReceived", "本年新收", "本年新收政府信息公开申请数量"),
          target("carriedOver", "上年结转", "上年结转政府信息公开申请数量"),
          target("outcomes/granted", "予以公开"),
          target("outcomes/partiallyGranted", "部分公开", "部分公开区分处理的只计这一情形不计其他情形"),
          target("outcomes/denied/stateSecret", "国家秘密", "属于国家秘密"),
          target("outcomes/denied/prohibitedByLaw", "法律行政法规禁止公开", "其他法律行政法规禁止公开"),
          target("outcomes/denied/endangersSecurityOrStability", "三安全一稳定", "危及三安全一稳定"),
          target("outcomes/denied/thirdPartyRights", "第三方合法权益", "保护第三方合法权益"),
          target("outcomes/denied/internalAffairs", "三类内部事务", "属于三类内部事务信息"),
          target("outcomes/denied/processInformation", "四类过程性", "属于四类过程性信息"),
          target("outcomes/denied/lawEnforcementFiles", "行政执法案卷", "属于行政执法案卷"),
          target("outcomes/denied/administrativeQuery", "行政查询事项", "属于行政查询事项"),
          target("outcomes/unableToProvide/notHeld", "不掌握", "本机关不掌握相关政府信息"),
          target("outcomes/unableToProvide/requiresCreation", "另行制作", "没有现成信息需要另行制作"),
          target("outcomes/unableToProvide/unclearAfterCorrection", "补正后申请内容仍不明确"),
          target("outcomes/notProcessed/complaintOrPetition", "信访举报投诉", "信访举报投诉类申请"),
          target("outcomes/notProcessed/repeated", "重复申请"),
          target("outcomes/notProcessed/publication", "公开出版物", "要求提供公开出版物"),
          target("outcomes/notProcessed/excessive", "大量反复申请", "无正当理由大量反复申请"),
          target("outcomes/notProcessed/confirmation", "重新出具", "要求行政机关确认或重新出具已获取信息"),
          target(
              "outcomes/otherHandling/overdueCorrection",
              "逾期不补正",
              "申请人无正当理由逾期不补正行政机关不再处理其政府信息公开申请"),
          target("outcomes/otherHandling/overdueFee", "缴纳费用", "申请人逾期未按收费通知要求缴纳费用行政机关不再处理其政府信息公开申请"),
          target("outcomes/otherHandling/other", "其他"),
          target("outcomes/total", "总计", "合计"),
          target("carriedForward", "结转下年度", "结转下年度继续办理"));

  private static final List<RowAlignment.Target> ROWS_2019 =
      ROWS_2021.stream()
          .filter(t -> !t.key().startsWith("outcomes/otherHandling/"))
          .flatMap(
              t ->
                  t.key().equals("outcomes/total")
                      ? java.util.stream.Stream.of(target(OTHER_HANDLING_2019, "其他处理"), t)
                      : java.util.stream.Stream.of(t))
          .toList();

  private Table3Reader() {}

  private static RowAlignment.Target target(String key, String... refs) {
    return new RowAlignment.Target(key, List.of(refs));
  }

  /** Reads Table 三 into the sink; answers "2019" when it is in the trial format, else null. */
  static String read(List<Row> region, ReadingSink sink, boolean table2Of2021) {
    List<String> columns = ApplicantRow.COLUMNS.stream().map(ApplicantRow.Column::key).toList();
    List<String> labels = ApplicantRow.COLUMNS.stream().map(ApplicantRow.Column::label).toList();
    boolean single2019 = region.stream().anyMatch(Table3Reader::single2019Row);
    if (single2019 && region.stream().anyMatch(Table3Reader::row2021)) {
      sink.notes.add(
          "Table 三 has both the single 2019 row (六)其他处理 and rows 三(六)1/2 of the 2021 format");
      single2019 = false;
    }
    List<RowAlignment.Target> targets = single2019 ? ROWS_2019 : ROWS_2021;
    List<RowAlignment.Placed> placed =
        RowAlignment.align(
            region, targets, columns.size(), r -> Text.containsAny(r.compact(), HEADER));
    Map<Integer, Integer> pads = RowWindow.pads(region, columns.size());
    Map<Integer, java.util.Set<Integer>> widths = RowWindow.widths(region, columns.size());
    int[] total = totalColumn(region);
    boolean uniform = RowWindow.uniform(region, columns.size());
    GluedRows glued = new GluedRows();
    for (RowAlignment.Placed p : placed) {
      Row row = p.row();
      if (p.match() == null && (p.target() < 0 || !sink.hasRow(pointer(targets, p.target())))) {
        if (row.hasValues()) {
          sink.unparsed(row, "numbers under a label that is no row of Table 三", null);
        }
        continue;
      }
      String key = targets.get(p.target()).key();
      if (key.equals(OTHER_HANDLING_2019)) {
        key = "outcomes/otherHandling/other";
      }
      String rowPointer = "/requests/" + key;
      List<String> pointers = columns.stream().map(c -> rowPointer + "/" + c).toList();
      ReadingSink.Match how = p.match() == null ? ReadingSink.Match.EXACT : p.match();
      if (!glued.offer(row, rowPointer, pointers, labels, how)) {
        sink.readCounts(
            row,
            rowPointer,
            pointers,
            labels,
            how,
            new RowWindow.Columns(
                uniform ? 0 : pads.getOrDefault(row.labelEnd(), -1),
                endColumn(row, columns.size(), total),
                uniform
                    || widths
                        .getOrDefault(row.labelEnd(), java.util.Set.of())
                        .contains(row.source().cells().size())),
            Table3Reader::rowTotalHolds);
      }
    }
    List<String> rowPointers =
        java.util.stream.IntStream.range(0, targets.size())
            .mapToObj(t -> pointer(targets, t))
            .toList();
    glued.finish(
        sink,
        rowPointers,
        rowPointers.stream()
            .filter(r -> r.startsWith("/requests/outcomes/") && !r.endsWith("/total"))
            .toList(),
        "/requests/outcomes/total",
        "/requests/newlyReceived",
        "/requests/carriedOver",
        "/requests/carriedForward");
    return single2019 ? trialFormat(sink, columns, table2Of2021) : null;
  }

  /**
   * The width of the header row that prints 总计 in a cell of its own, and that cell's column: in a
   * rectangular grid as wide as that row (an HTML table with its spans expanded), the 总计 of every
   * row is in that column. {-1, -1} when no header row shows it, two show it differently, the rows
   * are not all as wide, or the rows' numbers do not end in that column.
   */
  private static int[] totalColumn(List<Row> region) {
    int[] found = {-1, -1};
    for (Row row : region) {
      List<SourceLine.Cell> cells = row.source().cells();
      if (cells.size() < 2 || row.hasValues() || !Text.containsAny(row.compact(), HEADER)) {
        continue;
      }
      for (int c = 0; c < cells.size(); c++) {
        if (Text.compact(Text.normalize(cells.get(c).text())).equals("总计")) {
          if (found[0] >= 0 && (found[0] != cells.size() || found[1] != c)) {
            return new int[] {-1, -1};
          }
          found = new int[] {cells.size(), c};
        }
      }
    }
    // Only a rectangular grid (spans expanded, every row as wide) lines its columns up with the
    // header's, and then the last number of the table's rows is in that column; in text a row's
    // label takes as many fields as it happens to.
    int last = -1;
    for (Row row : region) {
      if (row.gridded() && row.source().cells().size() != found[0]) {
        return new int[] {-1, -1};
      }
      if (row.hasValues()) {
        List<Row.Value> printed = row.printed();
        last = Math.max(last, printed.get(printed.size() - 1).column());
      }
    }
    return last == found[1] ? found : new int[] {-1, -1};
  }

  /**
   * The cell of the row's 总计, where the grid shows it: the last cell of a PDF row whose cells are
   * the table's columns by position, or the header's 总计 column of a rectangular grid; else -1.
   */
  private static int endColumn(Row row, int n, int[] total) {
    SourceLine source = row.source();
    if (source.columns() == n) {
      return source.cells().size() - 1;
    }
    return source.cells().size() == total[0] ? total[1] : -1;
  }

  private static String pointer(List<RowAlignment.Target> targets, int target) {
    String key = targets.get(target).key();
    return "/requests/" + (key.equals(OTHER_HANDLING_2019) ? "outcomes/otherHandling/other" : key);
  }

  /** ROW_TOTAL: the six applicant columns add up to 总计. */
  static boolean rowTotalHolds(List<Integer> counts) {
    int sum = 0;
    for (int i = 0; i < counts.size() - 1; i++) {
      sum += counts.get(i);
    }
    return sum == counts.get(counts.size() - 1);
  }

  /**
   * A row whose label ends in 其他处理 and names none of the rows 三(六)1 and 2 of 2021, with numbers or
   * as many cells as the table's rows (all of them blank).
   */
  private static boolean single2019Row(Row row) {
    String label = RowAlignment.clean(row.label());
    boolean cells = row.hasValues() || (row.gridded() && row.values().size() >= COLUMNS);
    return cells && label.endsWith("其他处理");
  }

  private static boolean row2021(Row row) {
    String label = RowAlignment.clean(row.compact());
    return label.contains("逾期不补正") || label.contains("缴纳费用");
  }

  private static String trialFormat(ReadingSink sink, List<String> columns, boolean table2Of2021) {
    String format = null;
    if (table2Of2021) {
      sink.notes.add(
          "Table 三 prints the single row (六)其他处理 of the 2019 trial format, but Table 二 is in"
              + " the 2021 format: the report is read in the 2021 format");
    } else {
      format = "2019";
    }
    sink.notes.add(
        "Table 三 is in the 2019 trial format: its single row (六)其他处理 is"
            + " /requests/outcomes/otherHandling/other; rows 三(六)1 and 三(六)2 do not exist"
            + " in that format and are 0");
    for (String key : List.of("overdueCorrection", "overdueFee")) {
      for (String column : columns) {
        sink.cells.put("/requests/outcomes/otherHandling/" + key + "/" + column, 0);
      }
    }
    return format;
  }

  static List<String> keys() {
    List<String> keys = new ArrayList<>();
    ROWS_2021.forEach(t -> keys.add(t.key()));
    return keys;
  }
}
