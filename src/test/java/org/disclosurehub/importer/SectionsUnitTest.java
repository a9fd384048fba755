package org.disclosurehub.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Sections} on the national format's report of {@code imports/tabs.txt} (a natural resources
 * bureau, 2024) and variants of it as published reports print them: which row each section begins
 * and ends at, where the site's footer ends the report, and how a table whose heading is misprinted
 * or missing is found.
 */
class SectionsUnitTest {
  private static final String REPORT = ReportReaderTest.text("/imports/tabs.txt");

  private List<Row> rows;
  private ReadingSink sink;

  private Sections sections(String text) {
    rows = new ArrayList<>();
    for (SourceLine line : TextLines.of(text)) {
      Row row = Row.of(rows.size(), line);
      if (row != null) {
        rows.add(row);
      }
    }
    sink = new ReadingSink(Pages.NONE);
    return new Sections(rows, sink);
  }

  /** The index of the first row whose line starts with the text. */
  private int row(String start) {
    for (Row row : rows) {
      if (row.source().raw().strip().startsWith(start)) {
        return row.index();
      }
    }
    throw new AssertionError("no row starts with " + start);
  }

  private static final String[] HEADINGS = {
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项"
  };

  @Test
  void eachSectionRunsFromItsHeadingToTheNextAndTheReportToItsLastLine() {
    Sections s = sections(REPORT);

    for (int k = 0; k < 6; k++) {
      assertThat(s.headings[k]).as(HEADINGS[k]).isEqualTo(row(HEADINGS[k]));
      assertThat(s.begins[k]).as(HEADINGS[k]).isEqualTo(row(HEADINGS[k]) + 1);
    }
    assertThat(s.reportEnd).isEqualTo(rows.size());
    assertThat(s.tablesFound()).isTrue();
    assertThat(s.lastBegin()).isEqualTo(row(HEADINGS[5]) + 1);
    assertThat(s.sectionRows(1).get(0).source().raw()).startsWith("第二十条第（一）项");
    assertThat(s.sectionRows(1)).hasSize(row(HEADINGS[2]) - row(HEADINGS[1]) - 1);
    assertThat(s.section(0)).startsWith("2024年，市自然资源局主动公开政府信息1260条").endsWith("全年废止行政规范性文件2件。");
    assertThat(s.section(4)).isEqualTo("部分栏目更新不够及时。下一步将加强栏目维护。");
    assertThat(s.section(5)).isEqualTo("（一）信息处理费情况\n本年度未收取信息处理费。");
    assertThat(sink.notes).isEmpty();
  }

  @Test
  void theSiteFooterEndsTheReportOnlyAfterTheLastHeading() {
    String text =
        REPORT
                // words of a footer inside the report, on the line just before the last heading
                .replace("下一步将加强栏目维护。", "下一步将加强栏目维护，完善联系我们栏目。")
            + "\n打印本页 关闭窗口\n版权所有：某市人民政府 网站标识码3500000001\n";
    Sections s = sections(text);

    assertThat(s.reportEnd).isEqualTo(row("打印本页"));
    assertThat(s.section(4)).isEqualTo("部分栏目更新不够及时。下一步将加强栏目维护，完善联系我们栏目。");
    assertThat(s.section(5)).isEqualTo("（一）信息处理费情况\n本年度未收取信息处理费。");
  }

  @Test
  void aFooterRightAfterTheLastHeadingEndsTheReport() {
    Sections s =
        sections(
            REPORT.replace("（一）信息处理费情况\n\n本年度未收取信息处理费。", "") + "\n版权所有：某市人民政府\n网站标识码3500000001\n");

    assertThat(s.reportEnd).isEqualTo(row("版权所有"));
    assertThat(s.begins[5]).isEqualTo(row("版权所有"));
    assertThat(s.section(5)).isNull();
  }

  @Test
  void aTableIsNotLookedForPastTheNextSectionFound() {
    // Table 三 left out of the report; section 五 names 申请人情况 in its prose
    int from = REPORT.indexOf(HEADINGS[2]);
    int to = REPORT.indexOf(HEADINGS[3]);
    Sections s =
        sections(
            (REPORT.substring(0, from) + REPORT.substring(to))
                .replace("部分栏目更新不够及时。", "部分栏目更新不够及时，部分申请人情况说明不够清楚。"));

    assertThat(s.headings[2]).isEqualTo(-1);
    assertThat(s.begins[2]).isEqualTo(-1);
    assertThat(s.section(4)).startsWith("部分栏目更新不够及时，部分申请人情况说明不够清楚。");
    assertThat(sink.notes).isEmpty();
  }

  @Test
  void aFooterWordInAnEarlierSectionDoesNotEndTheReport() {
    Sections s = sections(REPORT.replace("全年废止行政规范性文件2件。", "全年废止行政规范性文件2件，技术支持单位为市大数据中心。"));

    assertThat(s.reportEnd).isEqualTo(rows.size());
    assertThat(s.section(0)).endsWith("技术支持单位为市大数据中心。");
    assertThat(s.section(5)).isEqualTo("（一）信息处理费情况\n本年度未收取信息处理费。");
  }

  @Test
  void aSectionWithNothingUnderItsHeadingIsNone() {
    Sections s = sections(REPORT.replace("部分栏目更新不够及时。下一步将加强栏目维护。", ""));

    assertThat(s.sectionRows(4)).isEmpty();
    assertThat(s.section(4)).isNull();
    assertThat(s.section(5)).isEqualTo("（一）信息处理费情况\n本年度未收取信息处理费。");
  }

  @Test
  void aReportWithoutHeadingsOrTablesHasNoSections() {
    Sections s = sections("某市自然资源局\n2024年政府信息公开工作年度报告\n本局全年主动公开信息1260条。\n版权所有：某市人民政府\n");

    assertThat(s.headings).containsOnly(-1);
    assertThat(s.begins).containsOnly(-1);
    assertThat(s.tablesFound()).isFalse();
    assertThat(s.reportEnd).isEqualTo(3);
    for (int k = 0; k < 6; k++) {
      assertThat(s.section(k)).isNull();
    }
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "一、总体情况, 0",
    "一．总体情况, 0",
    "一.总体情况, 0",
    "一，总体情况, 0",
    "一：总体情况, 0",
    "一 总体情况, 0",
    "一总体情况, 0",
    "二、主动公开政府信息情况, 1",
    "三、收到和处理政府信息公开申请情况, 2",
    "四、政府信息公开行政复议、行政诉讼情况, 3",
    "五、存在的主要问题及改进情况, 4",
    "六、其他需要报告的事项, 5",
    "（一）总体情况, -1",
    "一）总体情况, -1",
    "二十、主动公开政府信息情况, -1",
    "二、总体情况, -1",
    "总体情况, -1",
    "一、, -1"
  })
  void aHeadingIsItsNumeralThenItsWords(String line, int k) {
    assertThat(Sections.headingOf(Text.compact(Text.normalize(line)))).isEqualTo(k);
  }

  @Test
  void aHeadingHasAtMostFortyCharacters() {
    String forty = "五、存在的主要问题及改进情况" + "（本机关与上年相同问题的改进措施见下文所列各项内容）";
    assertThat(forty).hasSize(40);
    assertThat(Sections.headingOf(forty)).isEqualTo(4);
    assertThat(Sections.headingOf(forty + "。")).isEqualTo(-1);
  }

  @Test
  void aTableWithoutItsHeadingIsFoundByItsHeaderAndEndsTheSectionBefore() {
    Sections s = sections(REPORT.replace(HEADINGS[2] + "\n", ""));

    int header = row("(本列数据的勾稽关系");
    assertThat(s.headings[2]).isEqualTo(-1);
    assertThat(s.begins[2]).isEqualTo(header);
    assertThat(s.sectionRows(1).get(s.sectionRows(1).size() - 1).source().raw())
        .isEqualTo("行政事业性收费\t356.4821\t\t");
    assertThat(s.sectionRows(2).get(0).index()).isEqualTo(header);
    assertThat(s.sectionRows(2).get(s.sectionRows(2).size() - 1).source().raw())
        .startsWith("四、结转下年度继续办理");
    assertThat(sink.notes)
        .containsExactly(
            "the heading of Table 三 (三、收到和处理政府信息公开申请情况) was not recognised; the table was"
                + " found by its header cells and row labels from line "
                + rows.get(header).source().number());
  }

  @Test
  void aMisprintedHeadingUpToThreeLinesAboveTheTableIsItsHeading() {
    String prose = "本年度共收到政府信息公开申请104件。\n具体情况如下：\n";
    Sections s = sections(REPORT.replace(HEADINGS[2] + "\n", "三、收到和处埋政府信息公开申请情况\n" + prose));

    int misprint = row("三、收到和处埋政府信息公开申请情况");
    assertThat(s.headings[2]).isEqualTo(misprint);
    assertThat(s.begins[2]).isEqualTo(misprint + 3);
    assertThat(s.sectionRows(1)).noneMatch(r -> r.index() >= misprint);
    assertThat(sink.notes)
        .singleElement()
        .asString()
        .contains("reads '三、收到和处埋政府信息公开申请情况'")
        .endsWith("from line " + rows.get(misprint + 3).source().number());
  }

  @Test
  void aMisprintedHeadingFourLinesAboveTheTableIsNotLookedFor() {
    String prose = "本年度共收到政府信息公开申请104件。\n具体情况如下：\n（单位：件）\n";
    Sections s = sections(REPORT.replace(HEADINGS[2] + "\n", "三、收到和处埋政府信息公开申请情况\n" + prose));

    int header = row("(本列数据的勾稽关系");
    assertThat(header).isEqualTo(row("三、收到和处埋政府信息公开申请情况") + 4);
    assertThat(s.headings[2]).isEqualTo(-1);
    assertThat(s.begins[2]).isEqualTo(header);
    assertThat(sink.notes).singleElement().asString().doesNotContain("reads");
  }

  @Test
  void aTableIsLookedForOnlyBetweenTheSectionsFoundAroundIt() {
    // Table 四's header words (行政复议, 行政诉讼) in section 一's prose come before Table 三: Table
    // 四 without its heading is found after Table 三, not there.
    String text =
        REPORT
            .replace("全年废止行政规范性文件2件。", "全年废止行政规范性文件2件，未发生行政复议和行政诉讼。")
            .replace(HEADINGS[3] + "\n", "");
    Sections s = sections(text);

    int header = row("行政复议\t");
    assertThat(s.headings[3]).isEqualTo(-1);
    assertThat(s.begins[3]).isEqualTo(header);
    assertThat(s.section(0)).endsWith("未发生行政复议和行政诉讼。");
    assertThat(s.sectionRows(2).get(s.sectionRows(2).size() - 1).source().raw())
        .startsWith("四、结转下年度继续办理");
  }

  /**
   * An agency's own section after Table 四 (a table of 信息处理费, as 苏平片区 2023-2025 print it) renumbers
   * the form's last two: Table 四 ends at it, and "六、存在的主要问题和改进情况" is section 五.
   */
  @Test
  void anAddedSectionAfterTableFourEndsItAndTheLastTwoAreFoundRenumbered() {
    String report =
        REPORT
            .replace(
                "五、存在的主要问题及改进情况",
                "五、信息处理费收取情况\n通知收取件数\t通知收取金额（元）\t实际收取金额（元）\n0\t0\t0\n" + "六、存在的主要问题和改进情况")
            .replace("六、其他需要报告的事项", "七、其他需要报告的事项");
    Sections s = sections(report);

    assertThat(s.headings[4]).isEqualTo(row("六、存在的主要问题和改进情况"));
    assertThat(s.headings[5]).isEqualTo(row("七、其他需要报告的事项"));
    List<Row> table4 = s.sectionRows(3);
    assertThat(table4.get(table4.size() - 1).index()).isEqualTo(row("五、信息处理费收取情况") - 1);
  }
}
