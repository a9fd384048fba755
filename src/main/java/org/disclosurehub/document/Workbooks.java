package org.disclosurehub.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.disclosurehub.report.ReportLayout;
import org.disclosurehub.report.RuleViolation;

/**
 * The documents as Excel workbooks (Office Open XML, Apache POI). Sheet 1 holds Tables 二, 三 and 四
 * in the printed layout, merged cells and all, set up to print on A4; the other sheets hold the
 * data behind it. Rows are streamed (SXSSF), so a province's thousands of agencies do not have to
 * fit in memory at once.
 */
public final class Workbooks {
  public static final String MEDIA_TYPE =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  static final String TABLES_SHEET = "汇总表";
  static final String REPORT_SHEET = "报告表";
  static final String AGENCIES_SHEET = "各机关明细";
  static final String CELLS_SHEET = "全部单元格";
  static final String FINDINGS_SHEET = "报送情况与审核发现";
  static final String AGENCY_FINDINGS_SHEET = "审核发现";

  /** Widths in characters of the columns of sheet 1: the label columns wide, the numbers narrow. */
  private static final int[] FORM_WIDTHS = {12, 12, 36};

  private static final int NUMBER_WIDTH = 10;

  private Workbooks() {}

  /** A region's document: the tables, every included agency's cells, completeness and findings. */
  public static byte[] region(RegionDocument doc) {
    return write(
        (wb, styles) -> {
          Sheet tables = wb.createSheet(TABLES_SHEET);
          List<String> lines =
              List.of(
                  doc.title(),
                  "行政区划 "
                      + doc.regionCode()
                      + "；已报送 "
                      + doc.reported()
                      + " / 应报 "
                      + doc.expected()
                      + "；数据截至 "
                      + (doc.asOf() == null ? "无数据" : Findings.time(doc.asOf())),
                  "表格式：" + doc.formName());
          form(tables, styles, lines, doc.form(), doc.totals());
          agencies(wb.createSheet(AGENCIES_SHEET), styles, doc);
          completeness(wb.createSheet(FINDINGS_SHEET), styles, doc);
        });
  }

  /** An agency's report: the tables, its cells as a list, its findings. */
  public static byte[] agency(AgencyDocument doc) {
    String name = doc.agencyName() != null ? doc.agencyName() : doc.agencyCode();
    return write(
        (wb, styles) -> {
          form(
              wb.createSheet(REPORT_SHEET),
              styles,
              List.of(
                  name + doc.year() + "年政府信息公开工作年度报告",
                  "第 "
                      + doc.revision()
                      + " 版，"
                      + Findings.time(doc.submittedAt())
                      + " 提交；SHA-256 "
                      + doc.contentSha256()),
              doc.form(),
              doc.cells());
          Sheet cells = wb.createSheet(CELLS_SHEET);
          header(cells, styles, 0, List.of("JSON Pointer", "名称", "数值"));
          TableCells values = doc.cells();
          int r = 1;
          for (ReportLayout.Cell cell : ReportLayout.cellsOf(doc.report())) {
            Row row = cells.createRow(r++);
            text(row, 0, cell.pointer(), styles.plain);
            text(row, 1, cell.label(), styles.plain);
            number(row, 2, cell.pointer(), values, styles);
          }
          widths(cells, 48, 56, 14);
          Sheet findings = wb.createSheet(AGENCY_FINDINGS_SHEET);
          header(findings, styles, 0, FINDING_HEADER);
          int f = 1;
          for (RuleViolation v : doc.violations()) {
            finding(findings.createRow(f++), styles, "违反勾稽关系", v);
          }
          for (RuleViolation v : doc.warnings()) {
            finding(findings.createRow(f++), styles, "跨年度提示", v);
          }
          widths(findings, 14, 16, 30, 48, 44, 12, 12);
        });
  }

  // --- Sheet 1: the printed tables -------------------------------------------------------------

  private static void form(
      Sheet sheet, Styles styles, List<String> titleLines, PrintedForm form, TableCells cells) {
    int width = form.tables().stream().mapToInt(PrintedTable::columns).max().orElse(1);
    int r = 0;
    for (String line : titleLines) {
      Row row = sheet.createRow(r);
      text(row, 0, line, r == 0 ? styles.title : styles.plain);
      sheet.addMergedRegion(new CellRangeAddress(r, r, 0, width - 1));
      r++;
    }
    for (PrintedTable table : form.tables()) {
      r++;
      text(sheet.createRow(r++), 0, table.heading(), styles.heading);
      r = table(sheet, styles, table, cells, r);
    }
    for (int c = 0; c < width; c++) {
      sheet.setColumnWidth(c, 256 * (c < FORM_WIDTHS.length ? FORM_WIDTHS[c] : NUMBER_WIDTH));
    }
    PrintSetup print = sheet.getPrintSetup();
    print.setPaperSize(PrintSetup.A4_PAPERSIZE);
    print.setLandscape(false);
    sheet.setFitToPage(true);
    print.setFitWidth((short) 1);
    print.setFitHeight((short) 0);
    sheet.setHorizontallyCenter(true);
    sheet.setMargin(Sheet.LeftMargin, 0.5);
    sheet.setMargin(Sheet.RightMargin, 0.5);
  }

  /** Lays out one printed table from row {@code first}; answers the next free row. */
  private static int table(
      Sheet sheet, Styles styles, PrintedTable table, TableCells cells, int first) {
    Set<Long> taken = new HashSet<>();
    List<List<PrintedCell>> rows = table.rows();
    List<Row> sheetRows = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      sheetRows.add(sheet.createRow(first + i));
    }
    for (int i = 0; i < rows.size(); i++) {
      int c = 0;
      for (PrintedCell printed : rows.get(i)) {
        while (taken.contains(key(i, c))) {
          c++;
        }
        for (int dr = 0; dr < printed.rowspan(); dr++) {
          for (int dc = 0; dc < printed.colspan(); dc++) {
            taken.add(key(i + dr, c + dc));
            // Every cell of a merged region carries the border, or Excel draws it only partly.
            Row row = sheetRows.get(i + dr);
            if (row.getCell(c + dc) == null) {
              row.createCell(c + dc).setCellStyle(styles.label);
            }
          }
        }
        Cell cell = sheetRows.get(i).getCell(c);
        if (printed.isValue()) {
          number(sheetRows.get(i), c, printed.pointer(), cells, styles);
        } else {
          cell.setCellValue(cells.label(printed.label()));
          cell.setCellStyle(styles.label);
        }
        if (printed.rowspan() > 1 || printed.colspan() > 1) {
          sheet.addMergedRegion(
              new CellRangeAddress(
                  first + i, first + i + printed.rowspan() - 1, c, c + printed.colspan() - 1));
        }
        c += printed.colspan();
      }
    }
    return first + rows.size();
  }

  private static long key(int row, int column) {
    return ((long) row << 32) | column;
  }

  // --- Sheet 2: every cell of every agency ---------------------------------------------------

  private static final List<String> AGENCY_COLUMNS =
      List.of("机关代码", "机关名称", "行政区划", "版本", "逾期报送", "违反规则数");

  private static void agencies(Sheet sheet, Styles styles, RegionDocument doc) {
    List<String> labels = new ArrayList<>(AGENCY_COLUMNS);
    List<String> keys =
        new ArrayList<>(List.of("code", "name", "division", "revision", "late", "violationCount"));
    List<ReportLayout.Cell> columns = breakdownColumns(doc);
    for (ReportLayout.Cell cell : columns) {
      labels.add(cell.label());
      keys.add(cell.pointer());
    }
    header(sheet, styles, 0, labels);
    header(sheet, styles, 1, keys);
    int r = 2;
    for (RegionDocument.Included a : doc.included()) {
      Row row = sheet.createRow(r++);
      text(row, 0, a.code(), styles.plain);
      text(row, 1, a.name(), styles.plain);
      text(row, 2, a.division(), styles.plain);
      row.createCell(3).setCellValue(a.revision());
      text(row, 4, a.late() ? "是" : "否", styles.plain);
      row.createCell(5).setCellValue(a.violations().size());
      if (a.cells() != null) {
        int c = AGENCY_COLUMNS.size();
        for (ReportLayout.Cell cell : columns) {
          // A report has the cells of its own format only; the other format's stay empty.
          if (a.cells().has(cell.pointer())) {
            number(row, c, cell.pointer(), a.cells(), styles);
          }
          c++;
        }
      }
    }
    sheet.createFreezePane(2, 2);
    widths(sheet, 28, 28, 10, 6, 8, 10);
  }

  /**
   * The cells of sheet 2: the 2021 format's, then the 2019 Table 二 when a report summed is in the
   * trial format (its 采购总金额 in 万元, as summed).
   */
  private static List<ReportLayout.Cell> breakdownColumns(RegionDocument doc) {
    List<ReportLayout.Cell> columns = new ArrayList<>(ReportLayout.CELLS);
    if (doc.trialFormatReports() > 0) {
      columns.addAll(ReportLayout.TABLE_2_2019_IN_WAN_YUAN);
    }
    return columns;
  }

  // --- Sheet 3: completeness and findings ----------------------------------------------------

  private static final List<String> FINDING_HEADER =
      List.of("类别", "规则", "规则说明", "单元格", "JSON Pointer", "应为", "实为");

  private static void completeness(Sheet sheet, Styles styles, RegionDocument doc) {
    int r = 0;
    header(sheet, styles, r++, List.of("项目", "数量"));
    Object[][] counts = {
      {"应报送机关数", doc.expected()},
      {"已报送", doc.reported()},
      {"按时报送", doc.reported() - doc.late().size()},
      {"逾期报送", doc.late().size()},
      {"未报送", doc.missing().size()},
      {"数据不一致的报告", doc.inconsistent().size()}
    };
    for (Object[] count : counts) {
      Row row = sheet.createRow(r++);
      text(row, 0, (String) count[0], styles.plain);
      row.createCell(1).setCellValue((Integer) count[1]);
    }
    r++;
    header(sheet, styles, r++, List.of("情况", "机关代码", "机关名称", "行政区划", "版本"));
    for (RegionDocument.Missing m : doc.missing()) {
      Row row = sheet.createRow(r++);
      text(row, 0, "未报送", styles.plain);
      text(row, 1, m.code(), styles.plain);
      text(row, 2, m.name(), styles.plain);
    }
    for (RegionDocument.Included a : doc.late()) {
      Row row = sheet.createRow(r++);
      text(row, 0, "逾期报送", styles.plain);
      text(row, 1, a.code(), styles.plain);
      text(row, 2, a.name(), styles.plain);
      text(row, 3, a.division(), styles.plain);
      row.createCell(4).setCellValue(a.revision());
    }
    r++;
    List<String> findingHeader = new ArrayList<>(List.of("机关代码", "机关名称"));
    findingHeader.addAll(FINDING_HEADER.subList(1, FINDING_HEADER.size()));
    header(sheet, styles, r++, findingHeader);
    for (RegionDocument.Included a : doc.inconsistent()) {
      for (RuleViolation v : a.violations()) {
        Row row = sheet.createRow(r++);
        text(row, 0, a.code(), styles.plain);
        text(row, 1, a.name(), styles.plain);
        text(row, 2, v.rule().name(), styles.plain);
        text(row, 3, Findings.ruleName(v.rule()), styles.plain);
        text(row, 4, Findings.cellLabel(v.path()), styles.plain);
        text(row, 5, v.path(), styles.plain);
        text(row, 6, v.expected(), styles.plain);
        text(row, 7, v.actual(), styles.plain);
      }
    }
    widths(sheet, 28, 28, 16, 30, 48, 44, 12, 12);
  }

  private static void finding(Row row, Styles styles, String kind, RuleViolation v) {
    text(row, 0, kind, styles.plain);
    text(row, 1, v.rule().name(), styles.plain);
    text(row, 2, Findings.ruleName(v.rule()), styles.plain);
    text(row, 3, Findings.cellLabel(v.path()), styles.plain);
    text(row, 4, v.path(), styles.plain);
    text(row, 5, v.expected(), styles.plain);
    text(row, 6, v.actual(), styles.plain);
  }

  // --- Cells ---------------------------------------------------------------------------------

  private static void number(Row row, int column, String pointer, TableCells cells, Styles styles) {
    BigDecimal value = cells.value(pointer);
    Cell cell = row.getCell(column) != null ? row.getCell(column) : row.createCell(column);
    cell.setCellValue(value.doubleValue());
    cell.setCellStyle(TableCells.isAmount(pointer) ? styles.amount : styles.count);
  }

  private static void text(Row row, int column, String value, CellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellValue(value);
    cell.setCellStyle(style);
  }

  private static void header(Sheet sheet, Styles styles, int r, List<String> labels) {
    Row row = sheet.createRow(r);
    for (int c = 0; c < labels.size(); c++) {
      text(row, c, labels.get(c), styles.header);
    }
  }

  private static void widths(Sheet sheet, int... characters) {
    for (int c = 0; c < characters.length; c++) {
      sheet.setColumnWidth(c, 256 * characters[c]);
    }
  }

  // --- Workbook ------------------------------------------------------------------------------

  private interface Content {
    void fill(SXSSFWorkbook wb, Styles styles);
  }

  private static byte[] write(Content content) {
    try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
      wb.setCompressTempFiles(true);
      content.fill(wb, new Styles(wb));
      ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The few styles a workbook uses (a workbook has a limited number of them). */
  private static final class Styles {
    final CellStyle title;
    final CellStyle heading;
    final CellStyle label;
    final CellStyle count;
    final CellStyle amount;
    final CellStyle header;
    final CellStyle plain;

    Styles(SXSSFWorkbook wb) {
      Font normal = font(wb, false, 10);
      Font bold = font(wb, true, 10);
      plain = wb.createCellStyle();
      plain.setFont(normal);
      title = wb.createCellStyle();
      title.setFont(font(wb, true, 14));
      title.setAlignment(HorizontalAlignment.CENTER);
      heading = wb.createCellStyle();
      heading.setFont(bold);
      header = wb.createCellStyle();
      header.setFont(bold);
      header.setWrapText(true);
      header.setVerticalAlignment(VerticalAlignment.TOP);
      label = bordered(wb, normal);
      label.setAlignment(HorizontalAlignment.CENTER);
      label.setWrapText(true);
      count = bordered(wb, normal);
      count.setAlignment(HorizontalAlignment.RIGHT);
      count.setDataFormat(wb.createDataFormat().getFormat("0"));
      amount = bordered(wb, normal);
      amount.setAlignment(HorizontalAlignment.RIGHT);
      amount.setDataFormat(wb.createDataFormat().getFormat("0.000000"));
    }

    private static Font font(SXSSFWorkbook wb, boolean bold, int points) {
      Font font = wb.createFont();
      font.setFontName("宋体");
      font.setBold(bold);
      font.setFontHeightInPoints((short) points);
      return font;
    }

    private static CellStyle bordered(SXSSFWorkbook wb, Font font) {
      CellStyle style = wb.createCellStyle();
      style.setFont(font);
      style.setBorderTop(BorderStyle.THIN);
      style.setBorderBottom(BorderStyle.THIN);
      style.setBorderLeft(BorderStyle.THIN);
      style.setBorderRight(BorderStyle.THIN);
      style.setVerticalAlignment(VerticalAlignment.CENTER);
      return style;
    }
  }
}
