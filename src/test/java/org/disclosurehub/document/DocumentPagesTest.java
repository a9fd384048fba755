package org.disclosurehub.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.disclosurehub.report.Rule;
import org.disclosurehub.report.RuleViolation;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

class DocumentPagesTest {

  private static Document agencyPage() {
    return Jsoup.parse(
        DocumentPages.agency(
            DocumentSamples.agency(DocumentSamples.naturalResources(), List.of())));
  }

  @Test
  void shouldCountTheReportsOfALargeRegionBySubRegionAndNameOnlyTheInconsistent() {
    RegionDocument city = DocumentSamples.region();
    List<RegionDocument.Included> ofNote =
        city.included().stream().filter(a -> !a.violations().isEmpty()).toList();
    RegionDocument large =
        new RegionDocument(
            city.regionCode(),
            city.regionName(),
            city.level(),
            city.year(),
            city.ownScope(),
            city.asOf(),
            city.totals(),
            1204,
            ofNote,
            city.missing(),
            1203,
            0,
            List.of(
                new RegionDocument.SubRegion("640500", null, 200, 200, 0, 0),
                new RegionDocument.SubRegion("640502", "沙坡头区", 1004, 1003, 1, 1)),
            city.warnings(),
            0,
            List.of(),
            null);

    Document page = Jsoup.parse(DocumentPages.region(large));

    assertThat(page.select("dl.meta").text()).contains("1203 / 1204 个应报机关已报送（按时 1202，逾期 1，未报送 1）");
    String footer = page.select("footer").text();
    assertThat(footer).contains("纳入汇总的机关（1203 个，按下级行政区域）").doesNotContain("中卫市自然资源局（");
    assertThat(page.select("table.subregions tbody tr").eachAttr("data-code"))
        .containsExactly("640500", "640502");
    assertThat(page.select("table.subregions tr[data-code=640502] td").eachText())
        .containsExactly("沙坡头区（640502）", "1004", "1003", "1", "1");
    assertThat(footer)
        .contains("逾期报送的机关（1 个，晚于次年1月31日） 按下级行政区域计数见上表", "数据不一致的报告（1 个） 中卫市民政局")
        .doesNotContain("沙坡头区自然资源局");
  }

  @Test
  void shouldPrintTableThreeWithTheSpansAndLabelsOfTheNationalFormat() {
    Element table = agencyPage().select("table.form").get(1);

    assertThat(table.selectFirst("th:containsOwn(勾稽关系)").attributes().html())
        .contains("rowspan=\"3\"", "colspan=\"3\"");
    assertThat(table.selectFirst("th:containsOwn(申请人情况)").attr("colspan")).isEqualTo("7");
    assertThat(table.selectFirst("th:containsOwn(法人或其他组织)").attr("colspan")).isEqualTo("5");
    assertThat(table.selectFirst("th:containsOwn(三、本年度办理结果)").attr("rowspan")).isEqualTo("22");
    assertThat(table.selectFirst("th:containsOwn(（三）不予公开)").attr("rowspan")).isEqualTo("8");
    assertThat(table.selectFirst("th:containsOwn(（四）无法提供)").attr("rowspan")).isEqualTo("3");
    assertThat(table.selectFirst("th:containsOwn(（五）不予处理)").attr("rowspan")).isEqualTo("5");
    assertThat(table.selectFirst("th:containsOwn(（六）其他处理)").attr("rowspan")).isEqualTo("3");
    assertThat(table.selectFirst("th:containsOwn(（七）总计)").attr("colspan")).isEqualTo("2");

    Grid grid = new Grid(table);
    assertThat(grid.row(2, 3, 10))
        .containsExactly("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计");
    assertThat(grid.row(1, 4, 9)).containsOnly("法人或其他组织");
    int thirdParty = grid.rowOf(2, "4.保护第三方合法权益");
    assertThat(grid.text(thirdParty, 0)).isEqualTo("三、本年度办理结果");
    assertThat(grid.text(thirdParty, 1)).isEqualTo("（三）不予公开");
    assertThat(grid.row(thirdParty, 3, 10)).containsExactly("2", "1", "0", "0", "0", "0", "3");
    int newly = grid.rowOf(0, "一、本年新收政府信息公开申请数量");
    assertThat(grid.row(newly, 3, 10)).containsExactly("86", "12", "1", "0", "3", "2", "104");
    assertThat(grid.at(newly, 9).attr("data-pointer")).isEqualTo("/requests/newlyReceived/total");
  }

  @Test
  void shouldPrintTablesTwoAndFourWithTheirHeadingsAndTheAmountInWanYuan() {
    Elements tables = agencyPage().select("table.form");

    Grid two = new Grid(tables.get(0));
    assertThat(two.row(two.rowOf(0, "行政规范性文件"), 1, 4)).containsExactly("5", "2", "37");
    assertThat(two.text(two.rowOf(0, "行政许可"), 1)).isEqualTo("1342");
    assertThat(two.text(two.rowOf(0, "行政事业性收费"), 3)).isEqualTo("356.4821");
    assertThat(two.row(two.rowOf(0, "第二十条第（八）项"), 0, 4)).containsOnly("第二十条第（八）项");
    assertThat(tables.get(0).selectFirst("th:containsOwn(本年收费金额（单位：万元）)")).isNotNull();

    Element four = tables.get(2);
    assertThat(four.selectFirst("th:containsOwn(行政复议)").attr("colspan")).isEqualTo("5");
    assertThat(four.selectFirst("th:containsOwn(行政诉讼)").attr("colspan")).isEqualTo("10");
    assertThat(four.selectFirst("th:containsOwn(未经复议直接起诉)").attr("colspan")).isEqualTo("5");
    assertThat(four.selectFirst("th:containsOwn(复议后起诉)").attr("colspan")).isEqualTo("5");
    Grid grid = new Grid(four);
    assertThat(grid.text(1, 0)).isEqualTo("结果维持");
    assertThat(grid.text(2, 0)).isEqualTo("结果维持");
    assertThat(grid.text(2, 5)).isEqualTo("结果维持");
    assertThat(grid.row(3, 0, 15))
        .containsExactly("3", "1", "0", "1", "5", "2", "0", "1", "1", "4", "1", "0", "0", "0", "1");
  }

  @Test
  void shouldShowTheAgencysProseRevisionDigestAndFindingsOnItsPage() {
    RuleViolation balance =
        new RuleViolation(Rule.BALANCE, "/requests/carriedForward/naturalPerson", "6", "7", "…");
    Document page =
        Jsoup.parse(
            DocumentPages.agency(
                DocumentSamples.agency(DocumentSamples.naturalResources(), List.of(balance))));

    assertThat(page.title()).isEqualTo("某市自然资源局2024年政府信息公开工作年度报告");
    assertThat(page.select("h2").eachText())
        .containsExactly(
            "审核发现",
            "一、总体情况",
            "二、主动公开政府信息情况",
            "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况",
            "六、其他需要报告的事项");
    assertThat(page.select("dl.meta").text())
        .contains("第 3 版", "2025年1月20日 10:30（北京时间）", "3f0a6c1e9b2d4f5a", "收取信息处理费 0 万元");
    assertThat(page.select(".findings li").text())
        .isEqualTo("勾稽关系（一＋二＝三＋四）：四、结转下年度继续办理 · 自然人 应为 6，实为 7。");
    assertThat(page.select(".signature").text()).isEqualTo("某市自然资源局 2025年1月20日");
  }

  @Test
  void shouldNameTheRegionsScopeCompletenessAndEveryMissingLateAndInconsistentAgency() {
    Document page = Jsoup.parse(DocumentPages.region(DocumentSamples.region()));

    assertThat(page.title()).isEqualTo("行政区划 640500 2024年政府信息公开工作年度报告（本行政区域汇总）");
    assertThat(page.select("dl.meta").text())
        .contains(
            "640500（地级）", "2024年", "本行政区域", "3 / 4 个应报机关已报送（按时 2，逾期 1，未报送 1）", "2025年2月3日 12:05");
    String footer = page.select("footer").text();
    assertThat(footer)
        .contains(
            "纳入汇总的机关（3 个）",
            "中卫市自然资源局（natural-resources，640500，第 1 版）",
            "沙坡头区自然资源局（shapotou-natural-resources，640502，第 2 版，逾期）",
            "未报送的机关（1 个） 中宁县财政局（zhongning-finance）",
            "逾期报送的机关（1 个，晚于次年1月31日） 沙坡头区自然资源局",
            "数据不一致的报告（1 个） 中卫市民政局（zhongwei-civil-affairs，第 1 版）",
            "勾稽关系（一＋二＝三＋四）：四、结转下年度继续办理 · 自然人 应为 6，实为 7。");
    Grid three = new Grid(page.select("table.form").get(1));
    // Twice the bureau's 86 plus the seed's natural persons.
    int newly = three.rowOf(0, "一、本年新收政府信息公开申请数量");
    assertThat(three.text(newly, 3))
        .isEqualTo(String.valueOf(2 * 86 + Integer.parseInt(seedNewlyReceivedNaturalPersons())));
  }

  @Test
  void shouldBeSelfContained() {
    for (String html :
        List.of(
            DocumentPages.region(DocumentSamples.region()),
            DocumentPages.agency(
                DocumentSamples.agency(DocumentSamples.naturalResources(), List.of())))) {
      Document page = Jsoup.parse(html);
      assertThat(page.select("script, link, img, iframe, object, embed")).isEmpty();
      assertThat(page.select("[src], [href]")).isEmpty();
      assertThat(page.select("style").html())
          .contains("@page", "size: A4")
          .doesNotContain("url(", "@import");
      assertThat(page.selectFirst("meta[charset]").attr("charset")).isEqualTo("utf-8");
    }
  }

  private static String seedNewlyReceivedNaturalPersons() {
    return TableCells.of(DocumentSamples.seed()).text("/requests/newlyReceived/naturalPerson");
  }
}
