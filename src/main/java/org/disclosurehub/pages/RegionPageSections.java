package org.disclosurehub.pages;

import static org.disclosurehub.document.Html.escape;

import java.util.List;
import java.util.Map;
import org.disclosurehub.region.Regions;
import org.disclosurehub.rollup.RegionRollup;
import org.disclosurehub.rollup.Trend;

/**
 * The loops and fixed sections of a region page, written as the template wrote them
 * (pages/region.html prints them raw): the figures, the sub-regions, the agency table's filters,
 * caption and sortable headers, and the trend's rows. Qute evaluates each expression through a
 * resolver lookup and a completion stage, and those evaluations were most of a cold render's time
 * (bench/README, issue 28); these sections are most of the page's expressions (about 200 of 250 for
 * a city).
 */
final class RegionPageSections {
  private RegionPageSections() {}

  /** The sections of one page, as the template prints them (raw). */
  record Html(
      String header,
      String figures,
      String completeness,
      String completenessLists,
      String findings,
      String subRegionRows,
      String tableHead,
      String pager,
      String trendRows,
      String downloads) {}

  static Html of(RegionPage page) {
    return new Html(
        header(page),
        figures(page.figures()),
        completeness(page.completeness()),
        RegionPageLists.completeness(page),
        RegionPageLists.findings(page),
        subRegionRows(page.subRegions(), page.year()),
        tableHead(page),
        pager(page),
        trendRows(page.trend(), page.place().code(), page.scopeQuery()),
        downloads(page));
  }

  /** The table's columns after its caption: sort key and heading. */
  private static final List<String[]> COLUMNS =
      List.of(
          new String[] {"name", "机关"},
          new String[] {"division", "区划"},
          new String[] {"reported", "报送"},
          new String[] {"newlyReceived", "新收申请"},
          new String[] {"totalHandled", "办理答复"},
          new String[] {"granted", "予以公开"},
          new String[] {"reviewTotal", "行政复议"},
          new String[] {"litigationTotal", "行政诉讼"},
          new String[] {"violationCount", "问题"});

  /** The figures' entries, inside their {@code <dl>}. */
  static String figures(List<Figures.Figure> figures) {
    StringBuilder out = new StringBuilder(figures.size() * 240);
    for (int i = 0; i < figures.size(); i++) {
      Figures.Figure figure = figures.get(i);
      out.append("  <div class=\"figure\" data-figure=\"")
          .append(i)
          .append("\">\n    <dt>")
          .append(escape(figure.label()))
          .append("</dt>\n    <dd class=\"value\">")
          .append(escape(figure.value()))
          .append("</dd>\n    <dd class=\"change\">较上年 ")
          .append(escape(figure.change()))
          .append("</dd>");
      if (figure.note() != null && !figure.note().isEmpty()) {
        out.append("\n    <dd class=\"note\">").append(escape(figure.note())).append("</dd>");
      }
      out.append("\n  </div>\n");
    }
    return out.toString();
  }

  /** The sub-regions' rows, inside their {@code <tbody>}. */
  static String subRegionRows(List<RegionPage.SubRegion> subRegions, int year) {
    StringBuilder out = new StringBuilder(subRegions.size() * 220);
    for (RegionPage.SubRegion sub : subRegions) {
      out.append("  <tr><th scope=\"row\"><a href=\"/regions/")
          .append(escape(sub.code()))
          .append('/')
          .append(year)
          .append("\">")
          .append(escape(sub.name()))
          .append("</a></th><td class=\"num\">")
          .append(sub.expected())
          .append("</td><td class=\"num\">")
          .append(sub.reported())
          .append("</td><td class=\"num\">")
          .append(sub.late())
          .append("</td><td class=\"num\">")
          .append(sub.missing())
          .append("</td></tr>\n");
    }
    return out.toString();
  }

  /**
   * The agency table's filters (the paragraph's lines after its label), its caption and its
   * sortable headers: from the filters' links to the end of the {@code <thead>}.
   */
  static String tableHead(RegionPage page) {
    RegionPage.Table table = page.table();
    StringBuilder out = new StringBuilder(3_000);
    for (Map.Entry<String, Integer> filter : table.filterCounts().entrySet()) {
      String name = escape(page.filterName(filter.getKey()));
      if (filter.getKey().equals(table.filter())) {
        out.append("  <strong aria-current=\"true\">")
            .append(name)
            .append('（')
            .append(filter.getValue())
            .append("）</strong>\n");
      } else {
        out.append("  <a href=\"")
            .append(escape(page.filterLink(filter.getKey())))
            .append("\" data-filter=\"")
            .append(escape(filter.getKey()))
            .append("\">")
            .append(name)
            .append('（')
            .append(filter.getValue())
            .append("）</a>\n");
      }
    }
    out.append("</p>\n<table class=\"agencies sortable\" id=\"agency-table\">\n  <caption>")
        .append(escape(page.filterName(table.filter())))
        .append('：')
        .append(table.matching())
        .append(" 个机关");
    if (table.pages() > 1) {
      out.append("，第 ").append(page.pageNumber()).append(" / ").append(table.pages()).append(" 页");
    }
    out.append("</caption>\n  <thead><tr>\n");
    for (String[] column : COLUMNS) {
      out.append("    <th scope=\"col\" aria-sort=\"")
          .append(page.ariaSort(column[0]))
          .append("\"><a href=\"")
          .append(escape(page.sortLink(column[0])))
          .append("\">")
          .append(column[1])
          .append("</a></th>\n");
    }
    return out.append("  </tr></thead>\n").toString();
  }

  /** The trend table's rows, inside its {@code <tbody>}. */
  static String trendRows(List<Trend.Year> years, String code, String scopeQuery) {
    StringBuilder out = new StringBuilder(years.size() * 400);
    String link = "  <tr><th scope=\"row\"><a href=\"/regions/" + escape(code) + "/";
    for (int i = 0; i < years.size(); i++) {
      Trend.Year y = years.get(i);
      out.append(link)
          .append(y.year())
          .append(escape(scopeQuery))
          .append("\">")
          .append(y.year())
          .append("</a></th><td class=\"num\">")
          .append(y.reported())
          .append('/')
          .append(y.expected())
          .append("</td>");
      if (y.reported() > 0) {
        out.append("<td class=\"num\">")
            .append(y.newlyReceived())
            .append("</td><td class=\"num\">")
            .append(y.totalHandled())
            .append("</td><td class=\"num\">")
            .append(y.reviewTotal())
            .append("</td><td class=\"num\">")
            .append(y.litigationTotal())
            .append("</td>");
      } else {
        out.append(
            "<td class=\"num\">—</td><td class=\"num\">—</td><td class=\"num\">—</td>"
                + "<td class=\"num\">—</td>");
      }
      out.append("<td data-roster=\"").append(y.year()).append("\">");
      if (y.rosterChanged() && i > 0) {
        out.append("有变化（+")
            .append(y.rosterJoined())
            .append(" −")
            .append(y.rosterLeft())
            .append('）');
      }
      out.append("</td></tr>\n");
    }
    return out.toString();
  }

  /** The breadcrumbs, the heading and the line under it: the page's first lines in its main. */
  static String header(RegionPage page) {
    RegionPage.Place place = page.place();
    String code = escape(place.code());
    String name = escape(place.name());
    StringBuilder out = new StringBuilder(1_200);
    out.append("<nav class=\"breadcrumbs\" aria-label=\"所在地区\">\n  <a href=\"/\">查找地区</a>\n  ");
    for (Regions.Region parent : place.parents()) {
      out.append(" › <a href=\"/regions/")
          .append(escape(parent.code()))
          .append('/')
          .append(page.year())
          .append("\">")
          .append(escape(parent.name()))
          .append("</a>");
    }
    out.append("\n</nav>\n<h1>")
        .append(name)
        .append("<span class=\"sub\">")
        .append(page.year())
        .append("年度政府信息公开工作年度报告汇总</span></h1>\n<p class=\"meta\">\n  区划代码 ")
        .append(code)
        .append('（')
        .append(escape(place.level()))
        .append("）·\n  范围：<strong>")
        .append(escape(page.scopeName()))
        .append("</strong>\n  ");
    if (page.own()) {
      out.append("（<a href=\"").append(escape(page.scopeLink(false))).append("\">看本行政区域</a>）");
    } else {
      out.append("（<a href=\"").append(escape(page.scopeLink(true))).append("\">只看本级机关</a>）");
    }
    String scopeQuery = escape(page.scopeQuery());
    out.append("\n  · <a href=\"/regions/")
        .append(code)
        .append('/')
        .append(page.year() - 1)
        .append(scopeQuery)
        .append("\">上一年度</a>\n  · <a href=\"/regions/")
        .append(code)
        .append('/')
        .append(page.year() + 1)
        .append(scopeQuery)
        .append("\">下一年度</a>\n</p>\n");
    return out.toString();
  }

  /** The completeness table's counts (the template ends its line). */
  static String completeness(RegionRollup.Completeness completeness) {
    return "<table class=\"completeness\">\n"
        + "  <thead><tr><th scope=\"col\">应报送</th><th scope=\"col\">已报送</th>"
        + "<th scope=\"col\">按时</th><th scope=\"col\">逾期</th><th scope=\"col\">未报送</th>"
        + "</tr></thead>\n  <tbody><tr>\n    <td data-count=\"expected\">"
        + completeness.expected()
        + "</td>\n    <td data-count=\"reported\">"
        + completeness.reported()
        + "</td>\n    <td data-count=\"onTime\">"
        + completeness.onTime()
        + "</td>\n    <td data-count=\"late\">"
        + completeness.late()
        + "</td>\n    <td data-count=\"missing\">"
        + completeness.missing().size()
        + "</td>\n  </tr></tbody>\n</table>";
  }

  /** The links to the table's previous and next pages, when it has more than one. */
  static String pager(RegionPage page) {
    if (page.table().pages() <= 1) {
      return "";
    }
    StringBuilder out =
        new StringBuilder(300).append("<nav class=\"pager\" aria-label=\"分页\">\n  ");
    String previous = page.previousPageLink();
    if (previous != null) {
      out.append("<a href=\"").append(escape(previous)).append("\" rel=\"prev\">上一页</a>");
    }
    out.append("\n  ");
    String next = page.nextPageLink();
    if (next != null) {
      out.append("<a href=\"").append(escape(next)).append("\" rel=\"next\">下一页</a>");
    }
    return out.append("\n</nav>\n").toString();
  }

  /** The downloads' list items. */
  static String downloads(RegionPage page) {
    String api = escape(page.api());
    int year = page.year();
    String scopeQuery = escape(page.scopeQuery());
    String ownParameter = page.own() ? "&amp;scope=own" : "";
    return "  <li><a href=\""
        + api
        + "/annual-report/"
        + year
        + scopeQuery
        + "\">汇总年度报告（国家格式网页）</a></li>\n  <li><a href=\""
        + api
        + "/annual-report/"
        + year
        + "?format=xlsx"
        + ownParameter
        + "\">汇总年度报告（Excel 工作簿）</a></li>\n  <li><a href=\""
        + api
        + "/rollups/"
        + year
        + "?format=csv"
        + ownParameter
        + "\">汇总数据（CSV）</a></li>\n  <li><a href=\""
        + api
        + "/rollups/"
        + year
        + "/agencies?format=csv"
        + ownParameter
        + "\">各机关数据（CSV）</a></li>\n  <li><a href=\""
        + api
        + "/rollups/"
        + year
        + scopeQuery
        + "\">汇总数据（JSON）</a></li>\n  <li><a id=\"inspection-link\" href=\""
        + api
        + "/inspection/"
        + year
        + "\">年报质量检查情况通报</a>（<a href=\""
        + api
        + "/inspection/"
        + year
        + "?format=xlsx\">Excel</a>）</li>\n";
  }
}
