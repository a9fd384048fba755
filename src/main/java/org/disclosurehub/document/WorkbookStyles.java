package org.disclosurehub.document;

import java.util.List;
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

/**
 * The few styles a workbook uses (a workbook has a limited number of them), and how its sheets
 * print and fit their labels.
 */
final class WorkbookStyles {
  /** Points per line of 10-point text: the sheet's default row height. */
  private static final float LINE_HEIGHT = 15f;

  final CellStyle title;
  final CellStyle heading;
  final CellStyle label;
  final CellStyle rowLabel;
  final CellStyle count;
  final CellStyle amount;
  final CellStyle header;
  final CellStyle plain;

  WorkbookStyles(SXSSFWorkbook wb) {
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
    rowLabel = bordered(wb, normal);
    rowLabel.setAlignment(HorizontalAlignment.LEFT);
    rowLabel.setWrapText(true);
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

  /**
   * Print setup of a sheet: A4, the first {@code titleRows} rows repeated on every page, and, with
   * {@code fitWidth}, scaled to one page width (as many pages down as it takes).
   */
  static void printSetup(Sheet sheet, boolean landscape, int titleRows, boolean fitWidth) {
    PrintSetup print = sheet.getPrintSetup();
    print.setPaperSize(PrintSetup.A4_PAPERSIZE);
    print.setLandscape(landscape);
    if (fitWidth) {
      sheet.setFitToPage(true);
      print.setFitWidth((short) 1);
      print.setFitHeight((short) 0);
    }
    if (titleRows > 0) {
      sheet.setRepeatingRows(new CellRangeAddress(0, titleRows - 1, -1, -1));
    }
    sheet.setMargin(Sheet.LeftMargin, 0.5);
    sheet.setMargin(Sheet.RightMargin, 0.5);
    // The sheet's name above and the page number below every printed page (&A, &P, &N).
    sheet.getHeader().setCenter("&A");
    sheet.getFooter().setCenter("第 &P 页，共 &N 页");
  }

  /**
   * How many lines {@code text} takes in a wrapping cell {@code width} characters wide: a Chinese
   * character is about two widths of a digit, the unit of column widths.
   */
  static int lines(String text, int width) {
    int usable = Math.max(1, width - 1);
    int lines = 1;
    int used = 0;
    for (int i = 0; i < text.length(); i++) {
      int w = text.charAt(i) < 0x2E80 ? 1 : 2;
      if (used + w > usable) {
        lines++;
        used = 0;
      }
      used += w;
    }
    return lines;
  }

  /** The height of a row of {@code lines} lines of text, in points. */
  static float height(int lines) {
    return LINE_HEIGHT * lines + 2;
  }

  // --- Cells shared by the sheets -----------------------------------------------------------

  static void text(Row row, int column, String value, CellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellValue(value);
    cell.setCellStyle(style);
  }

  /** A header row, as tall as its longest label wrapped in its column (set widths first). */
  static void header(Sheet sheet, WorkbookStyles styles, int r, List<String> labels) {
    Row row = sheet.createRow(r);
    int lines = 1;
    for (int c = 0; c < labels.size(); c++) {
      text(row, c, labels.get(c), styles.header);
      lines = Math.max(lines, lines(labels.get(c), sheet.getColumnWidth(c) / 256));
    }
    if (lines > 1) {
      row.setHeightInPoints(height(lines));
    }
  }

  static void widths(Sheet sheet, int... characters) {
    for (int c = 0; c < characters.length; c++) {
      sheet.setColumnWidth(c, 256 * characters[c]);
    }
  }
}
