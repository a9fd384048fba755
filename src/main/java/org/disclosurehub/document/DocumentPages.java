package org.disclosurehub.document;

import static org.disclosurehub.document.Html.escape;

import java.time.LocalDate;
import java.util.List;
import org.disclosurehub.report.Amounts;
import org.disclosurehub.report.Narrative;
import org.disclosurehub.report.RuleViolation;

/**
 * The published documents as complete, self-contained HTML pages (no external resources): the
 * header with what the document covers, Tables 二, 三 and 四 in the printed layout, and what is known
 * about the data. The service's importer reads every page back to the same cells: nothing after the
 * heading of Table 四 ends in a number, and an agency's page ends with its signature and date, as
 * published reports do.
 */
public final class DocumentPages {
  private DocumentPages() {}

  static final String STYLE =
      """
      @page { size: A4; margin: 15mm 12mm; }
      body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", "WenQuanYi Zen Hei", serif;
        font-size: 10.5pt; line-height: 1.5; color: #000; background: #fff;
        max-width: 186mm; margin: 1em auto; padding: 0 1em; }
      h1 { font-size: 16pt; text-align: center; margin: 0.5em 0; }
      h2 { font-size: 12pt; margin: 1.2em 0 0.4em; break-after: avoid; page-break-after: avoid; }
      dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.1em 1em; margin: 0.5em 0; }
      dl.meta dt { font-weight: bold; }
      dl.meta dd { margin: 0; overflow-wrap: anywhere; }
      table.form { border-collapse: collapse; width: 100%; margin: 0.3em 0; font-size: 9pt; }
      table.form th, table.form td { border: 1px solid #000; padding: 2px 3px; }
      table.form th { font-weight: normal; text-align: center; }
      table.form tbody th { text-align: left; }
      table.form tbody th[rowspan], table.form tbody th[colspan="4"] { text-align: center; }
      table.subregions { border-collapse: collapse; margin: 0.3em 0; }
      table.subregions th, table.subregions td { border: 1px solid #000; padding: 2px 6px; }
      table.subregions td + td { text-align: right; }
      table.form td { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap;
        min-width: 2.5em; }
      h3 { font-size: 11pt; margin: 0.8em 0 0.2em; }
      table.form tr { break-inside: avoid; page-break-inside: avoid; }
      table.form td.inconsistent { background: #fde8e8; }
      table.form td.inconsistent::after { content: " ※"; color: #8a1c1c; }
      .inconsistent-note { font-size: 9pt; color: #8a1c1c; margin: 0.2em 0 0.6em; }
      .findings li, .agencies li { margin: 0.1em 0; }
      .ok { color: #205020; }
      .attention { color: #8a1c1c; }
      .signature { text-align: right; margin-top: 2em; }
      .signature p { margin: 0; }
      @media print {
        body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
        a { color: inherit; text-decoration: none; }
      }
      """;

  /** A region's consolidated document (本行政区域汇总 or 本级). */
  public static String region(RegionDocument doc) {
    StringBuilder out = start(doc.title());
    out.append("<header>\n<h1>")
        .append(escape(doc.regionTitle()))
        .append("<br>")
        .append(doc.year())
        .append("年政府信息公开工作年度报告（")
        .append(escape(doc.scopeTitle()))
        .append("）</h1>\n<dl class=\"meta\">\n");
    meta(out, "行政区划", doc.regionCode() + "（" + levelName(doc.level()) + "）");
    meta(out, "年度", doc.year() + "年");
    meta(out, "汇总范围", doc.ownScope() ? "本级：登记在本行政区划代码下的机关" : "本行政区域：本行政区域内全部机关（含下级行政区域）");
    meta(
        out,
        "报送情况",
        doc.reported()
            + " / "
            + doc.expected()
            + " 个应报机关已报送（按时 "
            + doc.onTimeCount()
            + "，逾期 "
            + doc.lateCount()
            + (doc.latenessUnknown() > 0 ? "，公开日期不明 " + doc.latenessUnknown() : "")
            + "，未报送 "
            + doc.missing().size()
            + "）");
    if (doc.judgedOn() != null) {
      meta(out, "报送期限", deadline(doc));
    }
    meta(
        out,
        "提示",
        "待说明 "
            + doc.warnings().open()
            + " 项，已说明 "
            + doc.warnings().explained()
            + " 项（每份报告每项检查计一项）");
    meta(out, "数据截至", doc.asOf() == null ? "无数据" : Findings.time(doc.asOf()));
    meta(out, "表格式", doc.formName());
    out.append("</dl>\n</header>\n<main>\n");
    out.append(
        TablesHtml.tables(
            doc.form(), doc.totals(), doc.inconsistentCells(), doc.inconsistent().size()));
    out.append("</main>\n<footer>\n<h2>汇总说明</h2>\n");
    if (doc.subRegions().isEmpty()) {
      agencies(
          out,
          "纳入汇总的机关（" + doc.reported() + " 个）",
          doc.included().stream().map(DocumentPages::includedItem).toList());
    } else {
      subRegions(out, doc);
    }
    agencies(
        out,
        "未报送的机关（" + doc.missing().size() + (doc.notYetDue() ? " 个，尚未到报送期限）" : " 个）"),
        doc.missing().stream().map(m -> escape(m.name()) + "（" + escape(m.code()) + "）").toList());
    if (doc.subRegions().isEmpty()) {
      agencies(
          out,
          "逾期报送的机关（" + doc.late().size() + " 个，晚于次年1月31日）",
          doc.late().stream().map(a -> escape(a.name()) + "（" + escape(a.code()) + "）").toList());
    } else {
      out.append("<h3>")
          .append(escape("逾期报送的机关（" + doc.lateCount() + " 个，晚于次年1月31日）"))
          .append("</h3>\n<p>按下级行政区域计数见上表，各机关见下级行政区域的汇总报告。</p>\n");
    }
    if (!doc.outsideRoster().isEmpty()) {
      agencies(
          out,
          "不在应报名单、未纳入汇总的报告（" + doc.outsideRoster().size() + " 个）",
          doc.outsideRoster().stream()
              .map(m -> escape(m.name()) + "（" + escape(m.code()) + "）")
              .toList());
    }
    out.append("<h3>数据不一致的报告（").append(doc.inconsistent().size()).append(" 个）</h3>\n");
    if (doc.inconsistent().isEmpty()) {
      out.append("<p>无。</p>\n");
    } else {
      out.append("<ul class=\"findings\">\n");
      for (RegionDocument.Included a : doc.inconsistent()) {
        out.append("<li>")
            .append(escape(a.name()))
            .append("（")
            .append(escape(a.code()))
            .append("，第 ")
            .append(a.revision())
            .append(" 版）：\n<ul>\n");
        a.violations().forEach(v -> finding(out, v));
        out.append("</ul>\n</li>\n");
      }
      out.append("</ul>\n");
    }
    out.append("</footer>\n");
    return end(out);
  }

  /** An agency's report as published: its tables and prose, with revision, digest and findings. */
  public static String agency(AgencyDocument doc) {
    String name = doc.agencyName() != null ? doc.agencyName() : doc.agencyCode();
    StringBuilder out = start(name + doc.year() + "年政府信息公开工作年度报告");
    out.append("<header>\n<h1>")
        .append(escape(name))
        .append("<br>")
        .append(doc.year())
        .append("年政府信息公开工作年度报告</h1>\n<dl class=\"meta\">\n");
    meta(out, "机关代码", doc.agencyCode());
    meta(out, "版本", "第 " + doc.revision() + " 版，" + Findings.time(doc.submittedAt()) + " 提交");
    meta(out, "内容摘要（SHA-256）", doc.contentSha256());
    meta(
        out,
        "表格式",
        doc.form() == PrintedForm.TRIAL_2019 ? PrintedForm.NAME_2019 : PrintedForm.NAME_2021);
    Narrative fees = doc.report().narrative();
    if (fees != null && fees.processingFeesAmount() != null) {
      // 六(二): the one number of the prose the JSON holds apart; shown even where the prose is
      // absent.
      meta(out, "收取信息处理费", Amounts.format(fees.processingFeesAmount()) + " 万元");
    }
    out.append("</dl>\n");
    // Findings stand above the report: after its heading 四 or 六 they would read as its content.
    out.append("<section class=\"findings\">\n<h2>审核发现</h2>\n");
    if (doc.violations().isEmpty() && doc.warnings().isEmpty()) {
      out.append("<p class=\"ok\">未发现违反勾稽关系或与上年度不衔接的情况。</p>\n");
    } else {
      out.append("<ul>\n");
      doc.violations().forEach(v -> finding(out, v));
      doc.warnings().forEach(v -> finding(out, v));
      out.append("</ul>\n");
    }
    out.append("</section>\n</header>\n<main>\n");
    Narrative narrative = doc.report().narrative();
    prose(out, "一、总体情况", narrative == null ? null : narrative.overview());
    out.append(TablesHtml.tables(doc.form(), doc.cells()));
    prose(out, "五、存在的主要问题及改进情况", narrative == null ? null : narrative.problems());
    prose(out, "六、其他需要报告的事项", narrative == null ? null : narrative.other());
    LocalDate publishedOn = doc.report().publishedOn();
    if (publishedOn != null) {
      out.append("<div class=\"signature\">\n<p>")
          .append(escape(name))
          .append("</p>\n<p>")
          .append(publishedOn.getYear())
          .append("年")
          .append(publishedOn.getMonthValue())
          .append("月")
          .append(publishedOn.getDayOfMonth())
          .append("日</p>\n</div>\n");
    }
    out.append("</main>\n");
    return end(out);
  }

  /** The deadline, and whether the missing were late on the day the document is judged on. */
  private static String deadline(RegionDocument doc) {
    return (doc.year() + 1)
        + "年1月31日；截至"
        + doc.judgedOn().getYear()
        + "年"
        + doc.judgedOn().getMonthValue()
        + "月"
        + doc.judgedOn().getDayOfMonth()
        + (doc.notYetDue() ? "日尚未到期，未报送的机关不计逾期" : "日已过期限，未报送的机关已逾期");
  }

  private static StringBuilder start(String title) {
    StringBuilder out = new StringBuilder(48_000);
    out.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(escape(title))
        .append("</title>\n<style>\n")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n");
    return out;
  }

  private static String end(StringBuilder out) {
    return out.append("</body>\n</html>\n").toString();
  }

  private static void meta(StringBuilder out, String term, String value) {
    out.append("<dt>")
        .append(escape(term))
        .append("</dt><dd>")
        .append(escape(value))
        .append("</dd>\n");
  }

  private static void prose(StringBuilder out, String heading, String text) {
    if (text == null || text.isBlank()) {
      return;
    }
    out.append("<h2>").append(heading).append("</h2>\n");
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        out.append("<p>").append(escape(line.strip())).append("</p>\n");
      }
    }
  }

  private static void finding(StringBuilder out, RuleViolation v) {
    out.append("<li class=\"attention\" data-rule=\"")
        .append(v.rule().name())
        .append("\" data-pointer=\"")
        .append(escape(v.path()))
        .append("\">")
        .append(escape(Findings.sentence(v)))
        .append("</li>\n");
  }

  private static String includedItem(RegionDocument.Included a) {
    return escape(a.name())
        + "（"
        + escape(a.code())
        + "，"
        + a.division()
        + "，第 "
        + a.revision()
        + " 版"
        + (a.late() == null ? "，公开日期不明" : a.late() ? "，逾期" : "")
        + (a.violations().isEmpty() ? "" : "，数据不一致")
        + "）";
  }

  /** Who reported, by sub-region: for regions of more reports than are listed one by one. */
  private static void subRegions(StringBuilder out, RegionDocument doc) {
    out.append("<h3>")
        .append(escape("纳入汇总的机关（" + doc.reported() + " 个，按下级行政区域）"))
        .append("</h3>\n<table class=\"subregions\">\n<thead><tr><th scope=\"col\">行政区划</th>")
        .append("<th scope=\"col\">应报</th><th scope=\"col\">已报送</th><th scope=\"col\">逾期</th>")
        .append("<th scope=\"col\">未报送</th></tr></thead>\n<tbody>\n");
    for (RegionDocument.SubRegion r : doc.subRegions()) {
      out.append("<tr data-code=\"")
          .append(escape(r.code()))
          .append("\"><td>")
          .append(escape(r.name() != null ? r.name() + "（" + r.code() + "）" : r.code()))
          .append("</td><td>")
          .append(r.expected())
          .append("</td><td>")
          .append(r.reported())
          .append("</td><td>")
          .append(r.late())
          .append("</td><td>")
          .append(r.missing())
          .append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n");
  }

  /** A list under its heading; items are HTML already. */
  private static void agencies(StringBuilder out, String heading, List<String> items) {
    out.append("<h3>").append(escape(heading)).append("</h3>\n");
    if (items.isEmpty()) {
      out.append("<p>无。</p>\n");
      return;
    }
    out.append("<ul class=\"agencies\">\n");
    items.forEach(item -> out.append("<li>").append(item).append("</li>\n"));
    out.append("</ul>\n");
  }

  static String levelName(String level) {
    return switch (level == null ? "" : level) {
      case "province" -> "省级";
      case "city" -> "地级";
      case "county" -> "县级";
      default -> "行政区划";
    };
  }
}
