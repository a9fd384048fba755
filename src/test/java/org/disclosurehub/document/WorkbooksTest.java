package org.disclosurehub.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.disclosurehub.report.ReportLayout;
import org.junit.jupiter.api.Test;

class WorkbooksTest {

  private static XSSFWorkbook read(byte[] xlsx) throws IOException {
    return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
  }

  @Test
  void shouldLayOutTheRegionsTablesWithMergedCellsNumbersAndAnA4PrintSetup() throws IOException {
    try (XSSFWorkbook wb = read(Workbooks.region(DocumentSamples.region()))) {
      assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2)))
          .containsExactly("汇总表", "各机关明细", "报送情况与审核发现");
      Sheet sheet = wb.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
          .isEqualTo("行政区划 640500 2024年政府信息公开工作年度报告（本行政区域汇总）");

      Cell outcomes = find(sheet, "三、本年度办理结果");
      assertThat(merged(sheet, outcomes)).isEqualTo(range(outcomes, 22, 1));
      Cell legal = find(sheet, "法人或其他组织");
      assertThat(merged(sheet, legal)).isEqualTo(range(legal, 1, 5));
      Cell litigation = find(sheet, "行政诉讼");
      assertThat(merged(sheet, litigation)).isEqualTo(range(litigation, 1, 10));
      assertThat(merged(sheet, find(sheet, "未经复议直接起诉")).getNumberOfCells()).isEqualTo(5);

      // 一、本年新收 · 自然人: twice the bureau's 86 plus the seed's.
      Cell newly = find(sheet, "一、本年新收政府信息公开申请数量");
      Cell naturalPersons = sheet.getRow(newly.getRowIndex()).getCell(3);
      assertThat(naturalPersons.getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(naturalPersons.getNumericCellValue())
          .isEqualTo(
              DocumentSamples.region()
                  .totals()
                  .value("/requests/newlyReceived/naturalPerson")
                  .doubleValue());
      Cell fees = sheet.getRow(find(sheet, "行政事业性收费").getRowIndex()).getCell(1);
      assertThat(fees.getNumericCellValue())
          .isEqualTo(2 * 356.4821 + seedFees(), org.assertj.core.data.Offset.offset(1e-9));
      assertThat(fees.getCellStyle().getDataFormatString()).isEqualTo("0.000000");
      assertThat(merged(sheet, fees)).isEqualTo(range(fees, 1, 3));

      PrintSetup print = sheet.getPrintSetup();
      assertThat(print.getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
      assertThat(print.getFitWidth()).isEqualTo((short) 1);
      assertThat(sheet.getFitToPage()).isTrue();
    }
  }

  @Test
  void shouldListEveryCellOfEveryAgencyAndWhoIsMissingLateOrInconsistent() throws IOException {
    RegionDocument doc = DocumentSamples.region();
    try (XSSFWorkbook wb = read(Workbooks.region(doc))) {
      Sheet agencies = wb.getSheet("各机关明细");
      assertThat(agencies.getRow(1).getCell(6).getStringCellValue())
          .isEqualTo(ReportLayout.CELLS.get(0).pointer());
      assertThat(agencies.getRow(0).getLastCellNum())
          .isEqualTo((short) (6 + ReportLayout.CELLS.size()));
      assertThat(agencies.getLastRowNum()).isEqualTo(1 + doc.included().size());
      Row seed = agencies.getRow(4);
      assertThat(seed.getCell(0).getStringCellValue()).isEqualTo("zhongwei-civil-affairs");
      assertThat(seed.getCell(5).getNumericCellValue()).isEqualTo(1);
      TableCells cells = TableCells.of(DocumentSamples.seed());
      for (int i = 0; i < ReportLayout.CELLS.size(); i++) {
        assertThat(seed.getCell(6 + i).getNumericCellValue())
            .as(ReportLayout.CELLS.get(i).pointer())
            .isEqualTo(cells.value(ReportLayout.CELLS.get(i).pointer()).doubleValue());
      }

      Sheet findings = wb.getSheet("报送情况与审核发现");
      assertThat(texts(findings))
          .contains(
              "应报送机关数 4",
              "未报送 1",
              "未报送 zhongning-finance 中宁县财政局",
              "逾期报送 shapotou-natural-resources 沙坡头区自然资源局 640502 2",
              "zhongwei-civil-affairs 中卫市民政局 BALANCE 勾稽关系（一＋二＝三＋四） 四、结转下年度继续办理 · 自然人"
                  + " /requests/carriedForward/naturalPerson 6 7");
    }
  }

  @Test
  void shouldGiveAnAgencysReportAsItsTablesItsCellsAndItsFindings() throws IOException {
    try (XSSFWorkbook wb =
        read(
            Workbooks.agency(
                DocumentSamples.agency(DocumentSamples.naturalResources(), List.of())))) {
      assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2)))
          .containsExactly("报告表", "全部单元格", "审核发现");
      Sheet cells = wb.getSheet("全部单元格");
      assertThat(cells.getLastRowNum()).isEqualTo(ReportLayout.CELLS.size());
      Cell outcomes = find(wb.getSheet("报告表"), "三、本年度办理结果");
      assertThat(merged(wb.getSheet("报告表"), outcomes)).isEqualTo(range(outcomes, 22, 1));
    }
  }

  /**
   * What a person printing or reading the workbooks meets: every sheet on A4 with its header rows
   * repeated, long labels as tall as their wrapped lines, 是/否 for yes and no, and a comment on each
   * cell that a report kept despite breaking a rule makes disagree.
   */
  @Test
  void shouldPrintEverySheetOnA4AndFitLongLabelsIntoTheirRows() throws IOException {
    RegionDocument doc = DocumentSamples.region();
    byte[] regionBytes = Workbooks.region(doc);
    byte[] agencyBytes =
        Workbooks.agency(DocumentSamples.agency(DocumentSamples.naturalResources(), List.of()));
    // Kept under target/workbooks/ to open in LibreOffice (soffice --convert-to pdf).
    java.nio.file.Path kept = java.nio.file.Path.of("target", "workbooks");
    java.nio.file.Files.createDirectories(kept);
    java.nio.file.Files.write(kept.resolve("region.xlsx"), regionBytes);
    java.nio.file.Files.write(kept.resolve("agency.xlsx"), agencyBytes);
    try (XSSFWorkbook region = read(regionBytes);
        XSSFWorkbook agency = read(agencyBytes)) {
      for (XSSFWorkbook wb : List.of(region, agency)) {
        for (Sheet sheet : wb) {
          String name = sheet.getSheetName();
          assertThat(sheet.getPrintSetup().getPaperSize())
              .as(name)
              .isEqualTo(PrintSetup.A4_PAPERSIZE);
          assertThat(sheet.getRepeatingRows()).as(name).isNotNull();
          assertThat(sheet.getFooter().getCenter()).as(name).contains("&P");
          assertThat(sheet.getFitToPage()).as(name).isEqualTo(!name.equals("各机关明细"));
        }
      }
      assertThat(region.getSheet("各机关明细").getRepeatingRows().getLastRow()).isEqualTo(1);
      assertThat(region.getSheet("各机关明细").getRepeatingColumns().getLastColumn()).isEqualTo(1);

      Sheet tables = region.getSheet("汇总表");
      float line = tables.getDefaultRowHeightInPoints();
      for (String label :
          List.of("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请")) {
        Cell cell = find(tables, label);
        assertThat(cell.getCellStyle().getWrapText()).isTrue();
        int characters = tables.getColumnWidth(cell.getColumnIndex()) / 256;
        int linesNeeded = (2 * label.length() + characters - 2) / (characters - 1);
        assertThat(linesNeeded).isGreaterThan(1);
        assertThat(cell.getRow().getHeightInPoints())
            .as(label)
            .isGreaterThanOrEqualTo(linesNeeded * line);
      }

      Sheet agencies = region.getSheet("各机关明细");
      // Its header rows (labels such as 三、本年度办理结果 · （三）不予公开 · 1.属于国家秘密 · 自然人, and
      // the JSON Pointers) wrap in their columns and are as tall as that takes.
      assertThat(agencies.getRow(0).getHeightInPoints()).isGreaterThanOrEqualTo(4 * line);
      assertThat(agencies.getRow(1).getHeightInPoints()).isGreaterThanOrEqualTo(3 * line);
      List<String> late = new java.util.ArrayList<>();
      for (int r = 2; r <= agencies.getLastRowNum(); r++) {
        late.add(agencies.getRow(r).getCell(4).getStringCellValue());
      }
      assertThat(late).contains("是", "否").allMatch(v -> v.equals("是") || v.equals("否"));

      // The seed is summed although it breaks BALANCE at 四 · 自然人 and 总计.
      Cell carriedForward = find(tables, "四、结转下年度继续办理");
      Row row = carriedForward.getRow();
      List<String> commented = new java.util.ArrayList<>();
      for (Cell cell : row) {
        if (cell.getCellComment() != null) {
          commented.add(cell.getCellComment().getString().getString());
        }
      }
      assertThat(commented).isNotEmpty().allMatch(c -> c.contains("接受不一致"));
      assertThat(doc.inconsistentCells()).contains("/requests/carriedForward/naturalPerson");
      assertThat(tables.getCellComments()).hasSameSizeAs(doc.inconsistentCells());
    }
  }

  private static double seedFees() {
    return TableCells.of(DocumentSamples.seed())
        .value("/activeDisclosure/feesAmount")
        .doubleValue();
  }

  private static Cell find(Sheet sheet, String text) {
    for (Row row : sheet) {
      for (Cell cell : row) {
        if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(text)) {
          return cell;
        }
      }
    }
    throw new AssertionError("no cell " + text);
  }

  private static CellRangeAddress merged(Sheet sheet, Cell cell) {
    return sheet.getMergedRegions().stream()
        .filter(r -> r.isInRange(cell))
        .findFirst()
        .orElseThrow(() -> new AssertionError("not merged: " + cell.getStringCellValue()));
  }

  private static CellRangeAddress range(Cell cell, int rows, int columns) {
    return new CellRangeAddress(
        cell.getRowIndex(),
        cell.getRowIndex() + rows - 1,
        cell.getColumnIndex(),
        cell.getColumnIndex() + columns - 1);
  }

  private static List<String> texts(Sheet sheet) {
    List<String> lines = new java.util.ArrayList<>();
    for (Row row : sheet) {
      StringBuilder line = new StringBuilder();
      for (Cell cell : row) {
        String text =
            cell.getCellType() == CellType.NUMERIC
                ? String.valueOf((long) cell.getNumericCellValue())
                : cell.getStringCellValue();
        line.append(line.length() == 0 ? "" : " ").append(text);
      }
      lines.add(line.toString());
    }
    return lines;
  }
}
