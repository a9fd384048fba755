package org.disclosurehub.document;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * A workbook's sheet of the printed tables (报告表, 汇总表) read back as a person reads the national
 * form: every number is named by the labels of its row and the headings of its column, and those
 * labels name its JSON Pointer through this class's own copy of the form (not the service's
 * layout). So a number in the wrong row or column, a row dropped or a number too many all show.
 */
final class PrintedSheet {
  private static final String TABLE_2 = "二、";
  private static final String TABLE_3 = "三、收到和处理政府信息公开申请情况";
  private static final String TABLE_4 = "四、政府信息公开行政复议、行政诉讼情况";

  private static final Map<String, String> APPLICANTS =
      Map.of(
          "自然人", "naturalPerson",
          "商业企业", "commercialEnterprise",
          "科研机构", "researchInstitution",
          "社会公益组织", "socialWelfareOrganization",
          "法律服务机构", "legalServiceInstitution",
          "其他", "otherOrganization",
          "总计", "total");

  /** The rows of Table 三 by their own label (and the group printed left of it, if any). */
  private static final Map<String, String> TABLE_3_ROWS = new LinkedHashMap<>();

  static {
    TABLE_3_ROWS.put("一、本年新收政府信息公开申请数量", "newlyReceived");
    TABLE_3_ROWS.put("二、上年结转政府信息公开申请数量", "carriedOver");
    TABLE_3_ROWS.put("（一）予以公开", "outcomes/granted");
    TABLE_3_ROWS.put("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "outcomes/partiallyGranted");
    String denied = "（三）不予公开 ";
    TABLE_3_ROWS.put(denied + "1.属于国家秘密", "outcomes/denied/stateSecret");
    TABLE_3_ROWS.put(denied + "2.其他法律行政法规禁止公开", "outcomes/denied/prohibitedByLaw");
    TABLE_3_ROWS.put(denied + "3.危及“三安全一稳定”", "outcomes/denied/endangersSecurityOrStability");
    TABLE_3_ROWS.put(denied + "4.保护第三方合法权益", "outcomes/denied/thirdPartyRights");
    TABLE_3_ROWS.put(denied + "5.属于三类内部事务信息", "outcomes/denied/internalAffairs");
    TABLE_3_ROWS.put(denied + "6.属于四类过程性信息", "outcomes/denied/processInformation");
    TABLE_3_ROWS.put(denied + "7.属于行政执法案卷", "outcomes/denied/lawEnforcementFiles");
    TABLE_3_ROWS.put(denied + "8.属于行政查询事项", "outcomes/denied/administrativeQuery");
    String unable = "（四）无法提供 ";
    TABLE_3_ROWS.put(unable + "1.本机关不掌握相关政府信息", "outcomes/unableToProvide/notHeld");
    TABLE_3_ROWS.put(unable + "2.没有现成信息需要另行制作", "outcomes/unableToProvide/requiresCreation");
    TABLE_3_ROWS.put(unable + "3.补正后申请内容仍不明确", "outcomes/unableToProvide/unclearAfterCorrection");
    String notProcessed = "（五）不予处理 ";
    TABLE_3_ROWS.put(notProcessed + "1.信访举报投诉类申请", "outcomes/notProcessed/complaintOrPetition");
    TABLE_3_ROWS.put(notProcessed + "2.重复申请", "outcomes/notProcessed/repeated");
    TABLE_3_ROWS.put(notProcessed + "3.要求提供公开出版物", "outcomes/notProcessed/publication");
    TABLE_3_ROWS.put(notProcessed + "4.无正当理由大量反复申请", "outcomes/notProcessed/excessive");
    TABLE_3_ROWS.put(notProcessed + "5.要求行政机关确认或重新出具已获取信息", "outcomes/notProcessed/confirmation");
    String other = "（六）其他处理 ";
    TABLE_3_ROWS.put(
        other + "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "outcomes/otherHandling/overdueCorrection");
    TABLE_3_ROWS.put(
        other + "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "outcomes/otherHandling/overdueFee");
    TABLE_3_ROWS.put(other + "3.其他", "outcomes/otherHandling/other");
    TABLE_3_ROWS.put("（七）总计", "outcomes/total");
    TABLE_3_ROWS.put("四、结转下年度继续办理", "carriedForward");
  }

  private static final Map<String, String> REVIEW_BLOCKS =
      Map.of(
          "行政复议", "administrativeReview",
          "未经复议直接起诉", "litigationDirect",
          "复议后起诉", "litigationAfterReview");

  private static final Map<String, String> REVIEW_COLUMNS =
      Map.of(
          "结果维持", "upheld", "结果纠正", "corrected", "其他结果", "other", "尚未审结", "pending", "总计", "total");

  private static final Map<String, String> TABLE_2_ROWS =
      Map.of(
          "规章", "regulations",
          "行政规范性文件", "normativeDocuments",
          "行政许可", "licensing",
          "行政处罚", "penalties",
          "行政强制", "compulsoryMeasures",
          "行政事业性收费", "feesAmount");

  private static final Map<String, String> TABLE_2_COLUMNS =
      Map.of("本年制发件数", "/issued", "本年废止件数", "/repealed", "现行有效件数", "/inForce");

  private final Sheet sheet;
  private final Map<String, BigDecimal> values = new LinkedHashMap<>();

  private PrintedSheet(Sheet sheet) {
    this.sheet = sheet;
  }

  /**
   * Every number on the sheet by the JSON Pointer its labels name; fails on a number whose labels
   * name no cell of the form, or a cell named twice.
   */
  static Map<String, BigDecimal> read(Sheet sheet) {
    PrintedSheet printed = new PrintedSheet(sheet);
    printed.readAll();
    return printed.values;
  }

  private void readAll() {
    String table = null;
    int headingRow = -1;
    for (int r = 0; r <= sheet.getLastRowNum(); r++) {
      String first = text(r, 0);
      if (first != null && isHeading(r)) {
        table = first;
        headingRow = r;
        continue;
      }
      Row row = sheet.getRow(r);
      if (row == null) {
        continue;
      }
      for (Cell cell : row) {
        if (cell.getCellType() != CellType.NUMERIC) {
          continue;
        }
        if (table == null) {
          throw new AssertionError("a number above the tables at " + cell.getAddress());
        }
        String pointer = pointer(table, headingRow, r, cell.getColumnIndex());
        BigDecimal value = BigDecimal.valueOf(cell.getNumericCellValue());
        if (values.put(pointer, value) != null) {
          throw new AssertionError(pointer + " printed twice, again at " + cell.getAddress());
        }
      }
    }
  }

  private boolean isHeading(int r) {
    String first = text(r, 0);
    return first.startsWith(TABLE_2) && first.contains("主动公开")
        || first.equals(TABLE_3)
        || first.equals(TABLE_4);
  }

  private String pointer(String table, int headingRow, int r, int c) {
    List<String> rowLabels = rowLabels(r, c);
    String where = " at row " + (r + 1) + ", column " + (c + 1) + " labelled " + rowLabels;
    if (table.equals(TABLE_3)) {
      // The header is three rows; the applicant is the lowest heading over the column.
      List<String> heads = columnLabels(headingRow + 1, headingRow + 3, c);
      String column = APPLICANTS.get(heads.get(heads.size() - 1));
      String key = rowLabels.size() == 0 ? null : tableThreeRow(rowLabels);
      if (column == null || key == null) {
        throw new AssertionError("no cell of Table 三" + where + " under " + heads);
      }
      return "/requests/" + key + "/" + column;
    }
    if (table.equals(TABLE_4)) {
      List<String> heads = columnLabels(headingRow + 1, headingRow + 3, c);
      String block = null;
      String column = null;
      for (String head : heads) {
        block = REVIEW_BLOCKS.getOrDefault(head, block);
        column = REVIEW_COLUMNS.getOrDefault(head, column);
      }
      if (block == null || column == null || !rowLabels.isEmpty()) {
        throw new AssertionError("no cell of Table 四" + where + " under " + heads);
      }
      return "/reviews/" + block + "/" + column;
    }
    String key = rowLabels.isEmpty() ? null : TABLE_2_ROWS.get(rowLabels.get(rowLabels.size() - 1));
    String head = labelAbove(r, c);
    if (key == null || head == null) {
      throw new AssertionError("no cell of Table 二" + where);
    }
    if (key.equals("regulations") || key.equals("normativeDocuments")) {
      String column = TABLE_2_COLUMNS.get(head);
      if (column == null) {
        throw new AssertionError("no column of Table 二 named " + head + where);
      }
      return "/activeDisclosure/" + key + column;
    }
    return "/activeDisclosure/" + key;
  }

  private static String tableThreeRow(List<String> rowLabels) {
    // The row's own label is the last; a group (（三）不予公开) stands left of numbered rows.
    String own = rowLabels.get(rowLabels.size() - 1);
    String key = TABLE_3_ROWS.get(own);
    if (key == null && rowLabels.size() > 1) {
      key = TABLE_3_ROWS.get(rowLabels.get(rowLabels.size() - 2) + " " + own);
    }
    return key;
  }

  /** The distinct labels left of column {@code c} in row {@code r}, as merged cells cover them. */
  private List<String> rowLabels(int r, int c) {
    Set<String> labels = new LinkedHashSet<>();
    for (int k = 0; k < c; k++) {
      String text = text(r, k);
      if (text != null && !text.isBlank() && !text.startsWith("三、本年度办理结果")) {
        labels.add(text);
      }
    }
    return new ArrayList<>(labels);
  }

  private List<String> columnLabels(int from, int to, int c) {
    Set<String> labels = new LinkedHashSet<>();
    for (int r = from; r <= to; r++) {
      String text = text(r, c);
      if (text != null && !text.isBlank()) {
        labels.add(text);
      }
    }
    return new ArrayList<>(labels);
  }

  /** The nearest label over the cell in its column (Table 二's headings repeat by section). */
  private String labelAbove(int r, int c) {
    for (int k = r - 1; k >= 0; k--) {
      Cell cell = covering(k, c);
      if (cell != null && cell.getCellType() == CellType.STRING) {
        return cell.getStringCellValue();
      }
    }
    return null;
  }

  /** A cell's text as a reader sees it: a merged region's text over all its cells. */
  private String text(int r, int c) {
    Cell cell = covering(r, c);
    return cell == null || cell.getCellType() != CellType.STRING ? null : cell.getStringCellValue();
  }

  private Cell covering(int r, int c) {
    for (CellRangeAddress merged : sheet.getMergedRegions()) {
      if (merged.isInRange(r, c)) {
        r = merged.getFirstRow();
        c = merged.getFirstColumn();
        break;
      }
    }
    Row row = sheet.getRow(r);
    return row == null ? null : row.getCell(c);
  }
}
