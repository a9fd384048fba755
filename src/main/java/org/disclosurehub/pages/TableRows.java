package org.disclosurehub.pages;

import static org.disclosurehub.document.Html.escape;

import java.util.List;
import org.disclosurehub.rollup.AgencyRollupRow;

/**
 * The rows of a region page's agency table, written as the template wrote them. They are most of
 * the page's expressions (about 15 a row, 50 rows), and Qute's evaluation of an expression (a
 * resolver lookup and a completion stage each) was the larger part of a cold render's time
 * (bench/README, issue 28, session 25); here each row is a few appends.
 */
final class TableRows {
  private TableRows() {}

  static String html(List<AgencyRollupRow> rows, int year) {
    StringBuilder out = new StringBuilder(rows.size() * 640);
    for (AgencyRollupRow row : rows) {
      String code = escape(row.code());
      out.append("  <tr data-agency=\"").append(code).append("\">\n");
      out.append("    <th scope=\"row\"><a href=\"/agencies/")
          .append(code)
          .append('/')
          .append(year)
          .append("\">")
          .append(escape(row.name()))
          .append("</a></th>\n");
      out.append("    <td>").append(escape(row.division())).append("</td>\n");
      out.append("    <td>").append(status(row)).append("</td>\n");
      out.append("    <td class=\"num\" data-cell=\"newlyReceived\">")
          .append(orDash(row.newlyReceived()))
          .append("</td>\n");
      out.append("    <td class=\"num\">").append(orDash(row.totalHandled())).append("</td>\n");
      out.append("    <td class=\"num\">").append(orDash(row.granted())).append("</td>\n");
      out.append("    <td class=\"num\">").append(orDash(row.reviewTotal())).append("</td>\n");
      out.append("    <td class=\"num\">").append(orDash(row.litigationTotal())).append("</td>\n");
      Integer violations = row.violationCount();
      out.append("    <td class=\"num\">");
      if (violations != null && violations > 0) {
        out.append("<span class=\"bad\">").append(violations).append("</span>");
      } else {
        out.append(orDash(violations));
      }
      out.append("</td>\n");
      out.append("  </tr>\n");
    }
    return out.toString();
  }

  private static String status(AgencyRollupRow row) {
    if (!row.reported()) {
      return "<span class=\"bad\">未报送</span>";
    }
    if (row.late() == null) {
      return "公开日期不明";
    }
    return row.late() ? "<span class=\"warn\">逾期</span>" : "按时";
  }

  private static String orDash(Number value) {
    return value == null ? "—" : value.toString();
  }
}
