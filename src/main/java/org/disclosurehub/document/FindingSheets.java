package org.disclosurehub.document;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.disclosurehub.report.RuleViolation;

/** The workbooks' sheets of completeness and findings, for a region and for an agency. */
final class FindingSheets {
  private FindingSheets() {}

  static final List<String> FINDING_HEADER =
      List.of("类别", "规则", "规则说明", "单元格", "JSON Pointer", "应为", "实为");

  /** The missing agencies' label: not yet late before the deadline on the day judged on. */
  private static String missing(RegionDocument doc) {
    return doc.notYetDue() ? "未报送（尚未到报送期限）" : "未报送";
  }

  static void completeness(Sheet sheet, WorkbookStyles styles, RegionDocument doc) {
    int r = 0;
    WorkbookStyles.widths(sheet, 28, 28, 16, 30, 48, 44, 12, 12);
    WorkbookStyles.header(sheet, styles, r++, List.of("项目", "数量"));
    Object[][] counts = {
      {"应报送机关数", doc.expected()},
      {"已报送", doc.reported()},
      {"按时报送", doc.onTimeCount()},
      {"逾期报送", doc.lateCount()},
      {"公开日期不明", doc.latenessUnknown()},
      {"不在应报名单、未纳入汇总", doc.outsideRoster().size()},
      {missing(doc), doc.missing().size()},
      {"数据不一致的报告", doc.inconsistent().size()},
      {"提示（待说明）", doc.warnings().open()},
      {"提示（已说明）", doc.warnings().explained()}
    };
    for (Object[] count : counts) {
      Row row = sheet.createRow(r++);
      WorkbookStyles.text(row, 0, (String) count[0], styles.plain);
      row.createCell(1).setCellValue((Integer) count[1]);
    }
    r++;
    WorkbookStyles.header(sheet, styles, r++, List.of("情况", "机关代码", "机关名称", "行政区划", "版本"));
    for (RegionDocument.Missing m : doc.missing()) {
      Row row = sheet.createRow(r++);
      WorkbookStyles.text(row, 0, missing(doc), styles.plain);
      WorkbookStyles.text(row, 1, m.code(), styles.plain);
      WorkbookStyles.text(row, 2, m.name(), styles.plain);
    }
    for (RegionDocument.Included a : doc.late()) {
      Row row = sheet.createRow(r++);
      WorkbookStyles.text(row, 0, "逾期报送", styles.plain);
      WorkbookStyles.text(row, 1, a.code(), styles.plain);
      WorkbookStyles.text(row, 2, a.name(), styles.plain);
      WorkbookStyles.text(row, 3, a.division(), styles.plain);
      row.createCell(4).setCellValue(a.revision());
    }
    r++;
    List<String> findingHeader = new ArrayList<>(List.of("机关代码", "机关名称"));
    findingHeader.addAll(FINDING_HEADER.subList(1, FINDING_HEADER.size()));
    WorkbookStyles.header(sheet, styles, r++, findingHeader);
    for (RegionDocument.Included a : doc.inconsistent()) {
      for (RuleViolation v : a.violations()) {
        Row row = sheet.createRow(r++);
        WorkbookStyles.text(row, 0, a.code(), styles.plain);
        WorkbookStyles.text(row, 1, a.name(), styles.plain);
        WorkbookStyles.text(row, 2, v.rule().name(), styles.plain);
        WorkbookStyles.text(row, 3, Findings.ruleName(v.rule()), styles.plain);
        WorkbookStyles.text(row, 4, Findings.cellLabel(v.path()), styles.plain);
        WorkbookStyles.text(row, 5, v.path(), styles.plain);
        WorkbookStyles.text(row, 6, v.expected(), styles.plain);
        WorkbookStyles.text(row, 7, v.actual(), styles.plain);
      }
    }
    WorkbookStyles.printSetup(sheet, true, 1, true);
  }

  static void finding(Row row, WorkbookStyles styles, String kind, RuleViolation v) {
    WorkbookStyles.text(row, 0, kind, styles.plain);
    WorkbookStyles.text(row, 1, v.rule().name(), styles.plain);
    WorkbookStyles.text(row, 2, Findings.ruleName(v.rule()), styles.plain);
    WorkbookStyles.text(row, 3, Findings.cellLabel(v.path()), styles.plain);
    WorkbookStyles.text(row, 4, v.path(), styles.plain);
    WorkbookStyles.text(row, 5, v.expected(), styles.plain);
    WorkbookStyles.text(row, 6, v.actual(), styles.plain);
  }
}
