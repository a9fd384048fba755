package org.disclosurehub.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
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
          Marks marks =
              new Marks(
                  doc.inconsistentCells(),
                  "含 "
                      + doc.inconsistent().size()
                      + " 份不符合勾稽关系、按“接受不一致”保存的报告，本格因此可能与同行或同列各项之和不一致"
                      + "（见“"
                      + FINDINGS_SHEET
                      + "”）。");
          form(tables, styles, lines, doc.form(), doc.totals(), marks);
          agencies(wb.createSheet(AGENCIES_SHEET), styles, doc);
          FindingSheets.completeness(wb.createSheet(FINDINGS_SHEET), styles, doc);
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
              doc.cells(),
              new Marks(Set.of(), null));
          Sheet cells = wb.createSheet(CELLS_SHEET);
          WorkbookStyles.widths(cells, 48, 56, 14);
          WorkbookStyles.header(cells, styles, 0, List.of("JSON Pointer", "名称", "数值"));
          TableCells values = doc.cells();
          int r = 1;
          for (ReportLayout.Cell cell : ReportLayout.cellsOf(doc.report())) {
            Row row = cells.createRow(r++);
            WorkbookStyles.text(row, 0, cell.pointer(), styles.plain);
            WorkbookStyles.text(row, 1, cell.label(), styles.plain);
            number(row, 2, cell.pointer(), values, styles);
          }
          WorkbookStyles.printSetup(cells, false, 1, true);
          Sheet findings = wb.createSheet(AGENCY_FINDINGS_SHEET);
          WorkbookStyles.widths(findings, 14, 16, 30, 48, 44, 12, 12);
          WorkbookStyles.header(findings, styles, 0, FindingSheets.FINDING_HEADER);
          int f = 1;
          for (RuleViolation v : doc.violations()) {
            FindingSheets.finding(findings.createRow(f++), styles, "违反勾稽关系", v);
          }
          for (RuleViolation v : doc.warnings()) {
            FindingSheets.finding(findings.createRow(f++), styles, "跨年度提示", v);
          }
          WorkbookStyles.printSetup(findings, true, 1, true);
        });
  }

  // --- Sheet 1: the printed tables -------------------------------------------------------------

  /** The cells of sheet 1 to comment on, and the comment. */
  private record Marks(Set<String> pointers, String text) {}

  private static void form(
      Sheet sheet,
      WorkbookStyles styles,
      List<String> titleLines,
      PrintedForm form,
      TableCells cells,
      Marks marks) {
    int width = form.tables().stream().mapToInt(PrintedTable::columns).max().orElse(1);
    int r = 0;
    for (String line : titleLines) {
      Row row = sheet.createRow(r);
      WorkbookStyles.text(row, 0, line, r == 0 ? styles.title : styles.plain);
      sheet.addMergedRegion(new CellRangeAddress(r, r, 0, width - 1));
      r++;
    }
    for (PrintedTable table : form.tables()) {
      r++;
      WorkbookStyles.text(sheet.createRow(r++), 0, table.heading(), styles.heading);
      r = table(sheet, styles, table, cells, r, marks);
    }
    for (int c = 0; c < width; c++) {
      sheet.setColumnWidth(c, 256 * columnWidth(c));
    }
    // The title repeated on every printed page; the tables fit the A4 width.
    WorkbookStyles.printSetup(sheet, false, 1, true);
    sheet.setHorizontallyCenter(true);
  }

  /** Lays out one printed table from row {@code first}; answers the next free row. */
  private static int table(
      Sheet sheet,
      WorkbookStyles styles,
      PrintedTable table,
      TableCells cells,
      int first,
      Marks marks) {
    Set<Long> taken = new HashSet<>();
    List<List<PrintedCell>> rows = table.rows();
    List<Row> sheetRows = new ArrayList<>();
    int[] lines = new int[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      sheetRows.add(sheet.createRow(first + i));
      lines[i] = 1;
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
          if (marks.pointers().contains(printed.pointer())) {
            comment(sheet, sheetRows.get(i).getCell(c), marks.text());
          }
        } else {
          String text = cells.label(printed.label());
          cell.setCellValue(text);
          // Row labels read from the left, as printed; headings and spans stay centred.
          boolean rowLabel =
              i >= table.headerRows() && printed.rowspan() == 1 && printed.colspan() < 4;
          cell.setCellStyle(rowLabel ? styles.rowLabel : styles.label);
          int needed = lines(printed, text, c);
          for (int dr = 0; dr < printed.rowspan(); dr++) {
            lines[i + dr] = Math.max(lines[i + dr], needed);
          }
        }
        if (printed.rowspan() > 1 || printed.colspan() > 1) {
          sheet.addMergedRegion(
              new CellRangeAddress(
                  first + i, first + i + printed.rowspan() - 1, c, c + printed.colspan() - 1));
        }
        c += printed.colspan();
      }
    }
    // Streamed rows cannot be fitted to their text later: long labels (三(六)1, 三(六)2) get the
    // height their wrapped lines need now.
    for (int i = 0; i < rows.size(); i++) {
      if (lines[i] > 1) {
        sheetRows.get(i).setHeightInPoints(WorkbookStyles.height(lines[i]));
      }
    }
    return first + rows.size();
  }

  /** Width in characters of column {@code c} of sheet 1: the label columns wide, numbers narrow. */
  private static int columnWidth(int c) {
    return c < FORM_WIDTHS.length ? FORM_WIDTHS[c] : NUMBER_WIDTH;
  }

  /** How many lines a label takes in its columns, wrapped (rows of a span share its lines). */
  private static int lines(PrintedCell printed, String text, int column) {
    int width = 0;
    for (int c = column; c < column + printed.colspan(); c++) {
      width += columnWidth(c);
    }
    return (WorkbookStyles.lines(text, width) + printed.rowspan() - 1) / printed.rowspan();
  }

  /** A note on a cell that a report kept despite breaking a rule makes disagree (page: ※). */
  private static void comment(Sheet sheet, Cell cell, String text) {
    var anchor = sheet.getWorkbook().getCreationHelper().createClientAnchor();
    anchor.setRow1(cell.getRowIndex());
    anchor.setRow2(cell.getRowIndex() + 4);
    anchor.setCol1(cell.getColumnIndex() + 1);
    anchor.setCol2(cell.getColumnIndex() + 5);
    var note = sheet.createDrawingPatriarch().createCellComment(anchor);
    note.setString(sheet.getWorkbook().getCreationHelper().createRichTextString(text));
    note.setAuthor("disclosure-hub");
    cell.setCellComment(note);
  }

  private static long key(int row, int column) {
    return ((long) row << 32) | column;
  }

  // --- Sheet 2: every cell of every agency ---------------------------------------------------

  private static final int CELL_COLUMN_WIDTH = 16;

  private static final List<String> AGENCY_COLUMNS =
      List.of("机关代码", "机关名称", "行政区划", "版本", "逾期报送", "违反规则数");

  private static void agencies(Sheet sheet, WorkbookStyles styles, RegionDocument doc) {
    List<String> labels = new ArrayList<>(AGENCY_COLUMNS);
    List<String> keys =
        new ArrayList<>(List.of("code", "name", "division", "revision", "late", "violationCount"));
    List<ReportLayout.Cell> columns = breakdownColumns(doc);
    for (ReportLayout.Cell cell : columns) {
      labels.add(cell.label());
      keys.add(cell.pointer());
    }
    // Widths first: the header rows take the height their wrapped labels need in them.
    WorkbookStyles.widths(sheet, 28, 28, 10, 9, 8, 15);
    for (int c = AGENCY_COLUMNS.size(); c < labels.size(); c++) {
      sheet.setColumnWidth(c, 256 * CELL_COLUMN_WIDTH);
    }
    WorkbookStyles.header(sheet, styles, 0, labels);
    WorkbookStyles.header(sheet, styles, 1, keys);
    int r = 2;
    for (RegionDocument.Included a : doc.included()) {
      Row row = sheet.createRow(r++);
      WorkbookStyles.text(row, 0, a.code(), styles.plain);
      WorkbookStyles.text(row, 1, a.name(), styles.plain);
      WorkbookStyles.text(row, 2, a.division(), styles.plain);
      row.createCell(3).setCellValue(a.revision());
      WorkbookStyles.text(row, 4, a.late() == null ? "不明" : a.late() ? "是" : "否", styles.plain);
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
    // Hundreds of columns: printed across pages (fitted to one width they could not be read), the
    // header rows and the agency's code and name repeated on each.
    WorkbookStyles.printSetup(sheet, true, 2, false);
    sheet.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, 1));
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

  // --- Cells ---------------------------------------------------------------------------------

  private static void number(
      Row row, int column, String pointer, TableCells cells, WorkbookStyles styles) {
    BigDecimal value = cells.value(pointer);
    Cell cell = row.getCell(column) != null ? row.getCell(column) : row.createCell(column);
    cell.setCellValue(value.doubleValue());
    cell.setCellStyle(TableCells.isAmount(pointer) ? styles.amount : styles.count);
  }

  // --- Workbook ------------------------------------------------------------------------------

  private interface Content {
    void fill(SXSSFWorkbook wb, WorkbookStyles styles);
  }

  private static byte[] write(Content content) {
    try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
      wb.setCompressTempFiles(true);
      content.fill(wb, new WorkbookStyles(wb));
      ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
