package org.disclosurehub.pages;

import static org.disclosurehub.document.Html.escape;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.disclosurehub.rollup.RegionRollup;

/**
 * The lists of a region page that name agencies (the missing, the late, the roster's moves, the
 * findings, the reports breaking CARRY_OVER, the warned), written as pages/region.html wrote them
 * with its conditional sections: a large city names hundreds of warned agencies, and each of the
 * template's expressions per agency cost a resolver lookup and a completion stage (bench/README,
 * issue 28, h28p).
 */
final class RegionPageLists {
  private RegionPageLists() {}

  /**
   * What follows the completeness table in its section: the imported reports of unknown lateness,
   * the missing agencies, the late ones (or their count and the table's filter) and the roster's
   * moves.
   */
  static String completeness(RegionPage page) {
    StringBuilder out = new StringBuilder(256);
    RegionRollup.Completeness completeness = page.completeness();
    int year = page.year();
    if (completeness.latenessUnknown() > 0) {
      out.append("<p class=\"hint\">另有 <span data-count=\"latenessUnknown\">")
          .append(completeness.latenessUnknown())
          .append("</span> 份导入的报告未载明公开日期，是否逾期不明，不计入按时或逾期。</p>\n");
    }
    if (!completeness.missing().isEmpty()) {
      out.append("<h3>未报送的机关</h3>\n<ul class=\"agencies missing\">\n");
      for (RegionRollup.AgencyRef agency : completeness.missing()) {
        agencyItem(out, agency.code(), agency.name(), year);
      }
      out.append("\n</ul>\n");
    }
    if (!page.late().isEmpty()) {
      out.append("<h3>逾期报送的机关（晚于")
          .append(year + 1)
          .append("年1月31日）</h3>\n<ul class=\"agencies late\">\n");
      for (RegionPage.AgencyLink agency : page.late()) {
        agencyItem(out, agency.code(), agency.name(), year);
      }
      out.append("\n</ul>\n");
    } else if (completeness.late() > 0) {
      out.append("<h3>逾期报送的机关（晚于")
          .append(year + 1)
          .append("年1月31日）</h3>\n<p class=\"late\">")
          .append(completeness.late())
          .append(" 个机关，见下表的<a href=\"")
          .append(escape(page.filterLink("late")))
          .append("\" data-filter=\"late\">逾期报送</a>筛选。</p>\n");
    }
    if (!page.rosterMoves().isEmpty()) {
      out.append("<div id=\"roster-changed\">\n<h3>应报送名单有变化</h3>\n<p>")
          .append(year)
          .append("年度应报送名单与")
          .append(year - 1)
          .append("年度不同：新增 <span data-count=\"rosterJoined\">")
          .append(page.rosterJoined().size())
          .append("</span> 个，减少 <span data-count=\"rosterLeft\">")
          .append(page.rosterLeft().size())
          .append("</span> 个。应报送、未报送与历年趋势均按各年度自己的名单计算。</p>\n")
          .append("<ul class=\"agencies roster-moves\">\n");
      for (RegionPage.RosterNote move : page.rosterMoves()) {
        String code = escape(move.code());
        out.append("<li data-agency=\"")
            .append(code)
            .append("\" data-move=\"")
            .append(move.joined() ? "joined" : "left")
            .append("\">")
            .append(move.joined() ? "新增" : "减少")
            .append("：");
        agencyLink(out, code, year, move.name());
        out.append("，").append(escape(move.why())).append("</li>");
      }
      out.append("\n</ul>\n</div>\n");
    }
    return out.toString();
  }

  /**
   * The findings section after its heading: the summary line, the reports breaking accounting
   * rules, those breaking CARRY_OVER and, per plausibility check, the warned agencies.
   */
  static String findings(RegionPage page) {
    int year = page.year();
    List<RegionRollup.WarnedReports> warned = page.warned();
    StringBuilder out = new StringBuilder(512);
    RegionRollup.WarningTotals totals = page.consistency().warningTotals();
    if (page.findings().isEmpty() && page.carryOverMismatches().isEmpty() && warned.isEmpty()) {
      out.append("<p>已报送的报告均符合勾稽关系，且与上年结转数据一致。</p>\n");
    } else if (totals.open() > 0 || totals.explained() > 0) {
      out.append("<p class=\"warning-totals\">提示共 ")
          .append(totals.open() + totals.explained())
          .append(" 项：待说明 <span data-count=\"openWarnings\">")
          .append(totals.open())
          .append("</span> 项，已说明 <span data-count=\"explainedWarnings\">")
          .append(totals.explained())
          .append("</span> 项。</p>\n");
    }
    if (!page.findings().isEmpty()) {
      out.append(
          "<h3>不符合勾稽关系的报告</h3>\n<table class=\"findings\">\n  <thead><tr><th"
              + " scope=\"col\">机关</th><th scope=\"col\">规则</th><th scope=\"col\">单元格</th><th"
              + " scope=\"col\">应为</th><th scope=\"col\">实为</th></tr></thead>\n  <tbody>\n");
      for (RegionPage.FindingRow finding : page.findings()) {
        out.append("  <tr><td>");
        agencyLink(out, escape(finding.agency()), year, finding.agencyName());
        out.append("</td><td data-rule=\"")
            .append(escape(finding.ruleId()))
            .append("\">")
            .append(escape(finding.rule()))
            .append("</td><td>")
            .append(escape(finding.cell()))
            .append("</td><td class=\"num\">")
            .append(escape(finding.expected()))
            .append("</td><td class=\"num\">")
            .append(escape(finding.actual()))
            .append("</td></tr>\n");
      }
      out.append("  </tbody>\n</table>\n");
    }
    if (!page.carryOverMismatches().isEmpty()) {
      out.append("<h3>跨年度提示：上年结转与上一年度报告的结转下年度不一致");
      int explained = page.consistency().carryOverExplained();
      if (explained > 0) {
        out.append("（其中 ").append(explained).append(" 份已说明）");
      }
      out.append("</h3>\n<ul class=\"agencies carry-over\" data-rule=\"CARRY_OVER\">\n");
      for (RegionPage.AgencyLink agency : page.carryOverMismatches()) {
        agencyItem(out, agency.code(), agency.name(), year);
      }
      out.append("\n</ul>\n");
    }
    for (RegionRollup.WarnedReports w : warned) {
      String rule = escape(w.rule());
      out.append("<h3>提示：")
          .append(escape(page.ruleName(w.rule())))
          .append('（')
          .append(w.reports())
          .append(" 份报告");
      if (w.explained() > 0) {
        out.append("，其中 ").append(w.explained()).append(" 份已说明");
      }
      out.append("）</h3>\n<ul class=\"agencies warned\" data-rule=\"").append(rule).append("\">\n");
      Set<String> explained = new HashSet<>(w.explainedAgencies());
      for (String agency : w.agencies()) {
        String code = escape(agency);
        boolean isExplained = explained.contains(agency);
        out.append("<li data-agency=\"").append(code).append('"');
        if (isExplained) {
          out.append(" data-explained");
        }
        out.append('>');
        agencyLink(out, code, year, page.agencyName(agency));
        if (isExplained) {
          out.append("（已说明）");
        }
        out.append("</li>");
      }
      out.append("\n</ul>\n");
    }
    return out.toString();
  }

  /** {@code <li><a href="/agencies/{code}/{year}">{name}</a></li>}. */
  private static void agencyItem(StringBuilder out, String code, String name, int year) {
    out.append("<li>");
    agencyLink(out, escape(code), year, name);
    out.append("</li>");
  }

  /** {@code <a href="/agencies/{code}/{year}">{name}</a>}, the code already escaped. */
  private static void agencyLink(StringBuilder out, String escapedCode, int year, String name) {
    out.append("<a href=\"/agencies/")
        .append(escapedCode)
        .append('/')
        .append(year)
        .append("\">")
        .append(escape(name))
        .append("</a>");
  }
}
