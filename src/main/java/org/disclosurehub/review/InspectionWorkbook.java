package org.disclosurehub.review;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The notice as a workbook: the figures, then one row per agency, as the page lists them. */
final class InspectionWorkbook {
  static final String MEDIA_TYPE =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  static final List<String> HEADINGS =
      List.of("机关", "代码", "所在地区", "报送情况", "审核状态", "违反勾稽关系", "未说明的提示", "已说明的提示", "名单说明");

  private InspectionWorkbook() {}

  static byte[] of(InspectionNotice notice) {
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("检查情况");
      int r = 0;
      sheet
          .createRow(r++)
          .createCell(0)
          .setCellValue(notice.regionName() + notice.year() + "年度政府信息公开工作年度报告质量检查情况");
      InspectionNotice.Summary s = notice.summary();
      Object[][] figures = {
        {"应报送", s.expected()},
        {"已报送", s.filed()},
        {"按时", s.onTime()},
        {"逾期", s.late()},
        {"公开日期不明", s.latenessUnknown()},
        {"未报送", s.missing()},
        {"已通过", s.accepted()},
        {"已退回", s.returned()},
        {"待审核", s.toReview()},
        {"违反勾稽关系的报告", s.withAccountingErrors()},
        {"未说明的提示", s.openWarnings()},
        {"已说明的提示", s.explainedWarnings()},
        {"不列入名单", s.excluded()}
      };
      for (Object[] figure : figures) {
        Row row = sheet.createRow(r++);
        row.createCell(0).setCellValue((String) figure[0]);
        row.createCell(1).setCellValue((Integer) figure[1]);
      }
      r++;
      Row heading = sheet.createRow(r++);
      for (int c = 0; c < HEADINGS.size(); c++) {
        heading.createCell(c).setCellValue(HEADINGS.get(c));
      }
      for (List<InspectionNotice.Row> rows : List.of(notice.rows(), notice.excluded())) {
        for (InspectionNotice.Row agency : rows) {
          Row row = sheet.createRow(r++);
          row.createCell(0).setCellValue(agency.name());
          row.createCell(1).setCellValue(agency.agency());
          row.createCell(2).setCellValue(agency.divisionName());
          row.createCell(3).setCellValue(agency.timeliness());
          row.createCell(4).setCellValue(agency.state());
          row.createCell(5).setCellValue(findings(agency.accountingErrors()));
          row.createCell(6).setCellValue(findings(agency.openWarnings()));
          row.createCell(7).setCellValue(agency.explainedWarnings());
          row.createCell(8).setCellValue(agency.rosterNote() == null ? "" : agency.rosterNote());
        }
      }
      sheet.setColumnWidth(0, 30 * 256);
      sheet.setColumnWidth(5, 50 * 256);
      sheet.setColumnWidth(6, 50 * 256);
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String findings(List<InspectionNotice.Finding> findings) {
    return findings.stream()
        .map(f -> f.ruleName() + "（" + f.what() + "）")
        .collect(Collectors.joining("；"));
  }
}
