package org.disclosurehub.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.disclosurehub.system.ProblemException;
import org.junit.jupiter.api.Test;

/**
 * {@link HtmlLines} on pages shaped as agencies publish them: Table 三's header with its row and
 * column spans, data rows under a label spanning two rows, paragraphs, a preformatted paste and a
 * layout table around the data.
 */
class HtmlLinesUnitTest {
  private static final String HEADER =
      """
      <table>
      <tr><td rowspan="3" colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>
          <td colspan="7">申请人情况</td></tr>
      <tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
      <tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
      <tr><td colspan="3">一、本年新收政府信息公开申请数量</td>
          <td>18</td><td></td><td></td><td></td><td></td><td></td><td>18</td></tr>
      <tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">（一）予以公开</td>
          <td>5</td><td>1</td><td></td><td></td><td></td><td></td><td>6</td></tr>
      <tr><td colspan="2">（二）部分公开</td>
          <td>2</td><td></td><td></td><td></td><td></td><td></td><td>2</td></tr>
      </table>""";

  private static List<String> texts(SourceLine line) {
    return line.cells().stream().map(SourceLine.Cell::text).toList();
  }

  @Test
  void spansAreExpandedIntoTheGridTheirCellsCover() {
    List<SourceLine> lines = HtmlLines.of("<html><body>" + HEADER + "</body></html>");

    assertThat(lines).hasSize(6);
    assertThat(lines).allSatisfy(line -> assertThat(line.cells()).hasSize(10));
    assertThat(texts(lines.get(0)))
        .containsExactly(
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", "", "申请人情况", "", "", "", "", "", "");
    assertThat(texts(lines.get(1)))
        .containsExactly("", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计");
    // The row under both spans: the first four columns and the last are taken from above.
    assertThat(texts(lines.get(2)))
        .containsExactly("", "", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "");
    assertThat(texts(lines.get(3)))
        .containsExactly("一、本年新收政府信息公开申请数量", "", "", "18", "", "", "", "", "", "18");
    assertThat(texts(lines.get(5)))
        .containsExactly("", "（二）部分公开", "", "2", "", "", "", "", "", "2");
    assertThat(lines.get(5).raw()).isEqualTo("\t（二）部分公开\t\t2\t\t\t\t\t\t2");
  }

  @Test
  void everyCellNamesTheSourceLineItStartsOn() {
    List<SourceLine> lines = HtmlLines.of(HEADER);

    // The header's first cell is on line 2 of the page, 申请人情况 on line 3.
    assertThat(lines.get(0).cells().get(0).line()).isEqualTo(2);
    assertThat(lines.get(0).cells().get(3).line()).isEqualTo(3);
    assertThat(lines.get(3).number()).isEqualTo(6);
    assertThat(lines.get(3).cells().get(3).line()).isEqualTo(7);
  }

  @Test
  void spansStopWhenTheirBudgetIsSpent() {
    // 40 rows; the first holds 101 cells of 50 columns × 40 rows: 100 of them spend the budget of
    // 200,000 covered cells exactly, the last is taken as one cell.
    StringBuilder html = new StringBuilder("<table><tr>");
    for (int i = 0; i < 101; i++) {
      html.append("<td colspan=\"50\" rowspan=\"40\">").append(i).append("</td>");
    }
    html.append("</tr>");
    for (int r = 1; r < 40; r++) {
      html.append("<tr><td>r").append(r).append("</td></tr>");
    }
    html.append("</table>");

    List<SourceLine> lines = HtmlLines.of(html.toString());

    assertThat(lines.get(0).cells()).hasSize(100 * 50 + 1);
    assertThat(lines.get(0).cells().get(100 * 50).text()).isEqualTo("100");
    // Below: the 5,000 columns the spans cover, then the row's own cell.
    assertThat(lines.get(1).cells()).hasSize(5001);
    assertThat(lines.get(1).cells().get(5000).text()).isEqualTo("r1");
  }

  @Test
  void paragraphsTitlePreAndTablesEachMakeTheirOwnLines() {
    String page =
        """
        <html><head><title>某县2023年政府信息公开工作年度报告</title><style>p{}</style></head>
        <body><div>一、总体情况<span>（一）主动公开</span></div><p>全年收到申请18件。</p>
        <script>var x = 1;</script>说明<table><tr><td>一、本年新收</td><td>18</td></tr></table>
        <pre>四、行政复议
        3\t1</pre></body></html>""";

    List<SourceLine> lines = HtmlLines.of(page);

    assertThat(lines.stream().map(SourceLine::raw))
        .containsExactly(
            "某县2023年政府信息公开工作年度报告",
            "一、总体情况（一）主动公开",
            "全年收到申请18件。",
            "说明",
            "一、本年新收\t18",
            "四、行政复议",
            "3\t1");
    assertThat(lines.get(6).number()).isEqualTo(5);
  }

  @Test
  void aTableHoldingTablesOnlyLaysOutThePage() {
    String page =
        "<table><tr><td>发布机构：某县政府办</td><td><table><tr><td>（一）予以公开</td><td>5</td>"
            + "</tr></table></td></tr></table>";

    List<SourceLine> lines = HtmlLines.of(page);

    assertThat(lines.stream().map(SourceLine::raw)).containsExactly("发布机构：某县政府办", "（一）予以公开\t5");
  }

  @Test
  void aPageOfAtMostTheLimitOfElementsIsRead() {
    String limit = "<b>".repeat(HtmlLines.MAX_ELEMENTS);
    HtmlLines.requireReadableSize(limit);
    HtmlLines.requireReadableSize(limit + "< b>" + "<1");

    assertThatThrownBy(() -> HtmlLines.requireReadableSize(limit + "<i"))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(
            () -> HtmlLines.requireReadableSize("<i>".repeat(HtmlLines.MAX_ELEMENTS + 1)))
        .isInstanceOf(ProblemException.class);
  }
}
