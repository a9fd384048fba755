package org.disclosurehub.reminders;

import java.time.LocalDate;
import java.util.List;

/** The missing list as a CSV (RFC 4180, with a BOM for spreadsheets) and as a page. */
final class MissingDocuments {
  private MissingDocuments() {}

  static String csv(List<MissingAgencies.Missing> missing) {
    StringBuilder csv = new StringBuilder("\uFEFFagency,name,divisionCode,divisionName\r\n");
    for (MissingAgencies.Missing m : missing) {
      csv.append(quoted(m.code()))
          .append(',')
          .append(quoted(m.name()))
          .append(',')
          .append(quoted(m.divisionCode()))
          .append(',')
          .append(quoted(m.divisionName() == null ? "" : m.divisionName()))
          .append("\r\n");
    }
    return csv.toString();
  }

  static String page(
      String code,
      String regionName,
      int year,
      LocalDate deadline,
      List<MissingAgencies.Missing> missing) {
    String title = escape(regionName) + " " + year + "年度报告：尚未报送的机关";
    StringBuilder page =
        new StringBuilder(
            "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>"
                + title
                + "</title></head><body><main><h1>"
                + title
                + "</h1><p>报送截止日期："
                + deadline
                + "（北京时间）。应报送而尚未报送的机关 "
                + missing.size()
                + " 个。<a href=\"/api/v1/regions/"
                + escape(code)
                + "/missing/"
                + year
                + "?format=csv\">下载 CSV</a></p>");
    if (!missing.isEmpty()) {
      page.append(
          "<table><thead><tr><th scope=\"col\">机关代码</th><th scope=\"col\">机关名称</th>"
              + "<th scope=\"col\">行政区划</th></tr></thead><tbody>");
      for (MissingAgencies.Missing m : missing) {
        page.append("<tr><td>")
            .append(escape(m.code()))
            .append("</td><td>")
            .append(escape(m.name()))
            .append("</td><td>")
            .append(escape(m.divisionName() == null ? m.divisionCode() : m.divisionName()))
            .append("</td></tr>");
      }
      page.append("</tbody></table>");
    }
    return page.append("</main></body></html>").toString();
  }

  private static String quoted(String cell) {
    // A leading = + - @ would be a formula in a spreadsheet; a quote keeps it text.
    String safe = cell.matches("^[=+\\-@].*") ? "'" + cell : cell;
    if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
      return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
    return safe;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
