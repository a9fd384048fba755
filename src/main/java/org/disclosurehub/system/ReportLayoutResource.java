package org.disclosurehub.system;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.disclosurehub.report.AccountingRules;
import org.disclosurehub.report.Report;
import org.disclosurehub.report.ReportLayout;
import org.disclosurehub.report.Rule;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The data dictionary of the format: every cell of {@link ReportLayout} with its labels and the
 * rules that read it. The same list gives CSV headers and pages their labels.
 */
@Path("/api/v1/report-layout")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Report format", description = "The cells and rules of the national format")
class ReportLayoutResource {

  @Schema(
      requiredProperties = {"formatVersion", "cells", "rules"},
      description =
          "Every cell of Tables 二, 三 and 四 of the 2021 format in the order of the form, then the"
              + " cells of the 2019 trial format's own Table 二, and the rules")
  record Layout(
      @Schema(
              description =
                  "表格式版本 of the form: the 2021 format; the 2019 trial format shares its Tables 三"
                      + " and 四 (but for one row 三(六) 其他处理, given as 三(六)3) and has its own"
                      + " Table 二 (the cells of format 2019)",
              example = "2021")
          String formatVersion,
      List<CellView> cells,
      List<RuleView> rules) {}

  @Schema(
      requiredProperties = {
        "pointer",
        "format",
        "table",
        "tableTitle",
        "row",
        "column",
        "label",
        "type",
        "rules"
      },
      description = "One numeric cell of the form")
  record CellView(
      @Schema(
              description = "JSON Pointer of the cell in a report",
              example = "/requests/newlyReceived/naturalPerson")
          String pointer,
      @Schema(
              description =
                  "The format whose form has the cell: 2021 (Tables 二, 三 and 四), or 2019 for the"
                      + " 2019 trial format's Table 二",
              enumeration = {"2021", "2019"})
          String format,
      @Schema(description = "The table: 二, 三 or 四", example = "三") ReportLayout.Table table,
      @Schema(description = "The table's title", example = "三、收到和处理政府信息公开申请情况") String tableTitle,
      @Schema(description = "Row label as printed", example = "一、本年新收政府信息公开申请数量") String row,
      @Schema(description = "Column label as printed", example = "自然人") String column,
      @Schema(
              description = "Row and column label together, as CSV headers print them",
              example = "一、本年新收政府信息公开申请数量 · 自然人")
          String label,
      @Schema(
              description = "count (a whole number) or amount (万元, a decimal string)",
              example = "count")
          ReportLayout.CellType type,
      @Schema(
              description = "The accounting rules that read the cell",
              example = "[\"ROW_TOTAL\", \"BALANCE\", \"NON_NEGATIVE\"]")
          List<Rule> rules) {}

  @Schema(
      requiredProperties = {"id", "blocking", "description"},
      description = "An accounting rule")
  record RuleView(
      @Schema(example = "BALANCE") Rule id,
      @Schema(
              description =
                  "true: a report breaking it is refused (422) unless accepted; false: a cross-year warning")
          boolean blocking,
      @Schema(example = "一 + 二 = 三(七) + 四 column by column") String description) {}

  private static final Layout LAYOUT =
      new Layout(
          Report.CURRENT_FORMAT,
          Stream.concat(
                  ReportLayout.CELLS.stream().map(c -> view(c, Report.CURRENT_FORMAT)),
                  ReportLayout.TABLE_2_2019.stream().map(c -> view(c, Report.TRIAL_FORMAT)))
              .toList(),
          Arrays.stream(Rule.values())
              .map(r -> new RuleView(r, r.blocking(), r.description()))
              .toList());

  private static CellView view(ReportLayout.Cell c, String format) {
    return new CellView(
        c.pointer(),
        format,
        c.table(),
        c.table().title(),
        c.row(),
        c.column(),
        c.label(),
        c.type(),
        AccountingRules.rulesReading(c));
  }

  @GET
  @Operation(
      summary = "The report format: every cell with its JSON Pointer, labels, type and rules",
      description =
          "The national format (国办公开办函〔2021〕30号) as data, then the 2019 trial format's own"
              + " Table 二, and the accounting rules with their ids: what a client needs to label"
              + " and check a report's cells as the service does.",
      operationId = "getReportLayout")
  @APIResponse(
      responseCode = "200",
      description = "The layout of the 2021 format, then the 2019 trial format's Table 二")
  public Layout get() {
    return LAYOUT;
  }
}
