package org.disclosurehub.opendata;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.disclosurehub.rollup.ReportExports;

/**
 * The data dictionary of reports.csv in W3C's CSV on the Web (CSVW) metadata vocabulary: each
 * column's name, its header as written (its JSON key or cell pointer) and Chinese title, datatype,
 * unit ({@code schema:unitText}) and the JSON Pointer into a report it comes from ({@code
 * schema:propertyID}).
 */
final class Csvw {
  static final String MEDIA_TYPE = "application/csvm+json";

  /**
   * The facts every row has; the names of province, city or county, a date or warnings may be
   * empty.
   */
  private static final Set<String> REQUIRED =
      Set.of(
          "agency",
          "agencyName",
          "division",
          "year",
          "formatVersion",
          "revision",
          "expected",
          // not "late": empty where it is unknown (an imported report that prints no date)
          "violationCount");

  private Csvw() {}

  /** The metadata document of the CSV at {@code url} (relative to the document itself). */
  static Map<String, Object> of(String url, String title) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("@context", List.of("http://www.w3.org/ns/csvw", Map.of("@language", "zh")));
    document.put("url", url);
    document.put("dc:title", title);
    document.put(
        "dc:description",
        "每份现行（未撤回）报告一行：报告的基本情况，然后是国家格式各表的每个单元格。"
            + " 单元格列以 JSON Pointer 为表头；报告只填写其所用格式（formatVersion）的单元格，其余为空。"
            + " 最后三列为当年应报名单：是否应报（expected）、名单调整原因（rosterCause）、并入机关（mergedInto）。");
    document.put(
        "dialect", Map.of("encoding", "utf-8", "header", true, "lineTerminators", List.of("\r\n")));
    List<Map<String, Object>> columns = new ArrayList<>();
    for (ReportExports.Column column : ReportExports.columns()) {
      Map<String, Object> described = new LinkedHashMap<>();
      described.put("name", URLEncoder.encode(column.name(), StandardCharsets.UTF_8));
      described.put("titles", Map.of("und", column.name(), "zh", column.title()));
      described.put("datatype", column.datatype());
      if (column.unit() != null) {
        described.put("schema:unitText", column.unit());
      }
      if (column.pointer() != null) {
        described.put("schema:propertyID", column.pointer());
      }
      described.put("required", REQUIRED.contains(column.name()));
      columns.add(described);
    }
    document.put(
        "tableSchema", Map.of("columns", columns, "primaryKey", List.of("agency", "year")));
    return document;
  }
}
