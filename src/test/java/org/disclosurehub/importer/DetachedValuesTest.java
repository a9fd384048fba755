package org.disclosurehub.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Table 二 as a PDF-to-Markdown converter prints it when a cell's text wraps: the cell's number and
 * its note above the table, the row in the table one cell short. The column is taken from what says
 * it (the note's words, the counts the prose states), and is never guessed.
 */
class DetachedValuesTest {
  private static final String ISSUED = "/activeDisclosure/normativeDocuments/issued";
  private static final String REPEALED = "/activeDisclosure/normativeDocuments/repealed";
  private static final String IN_FORCE = "/activeDisclosure/normativeDocuments/inForce";

  /** Table 二 with 规范性文件's number and note printed above the table and 规章's row complete. */
  private static String table2(String prose, String detached, String row) {
    return String.join(
        "\n",
        "某区人民政府2024年政府信息公开工作年度报告",
        "一、总体情况",
        prose,
        "二、主动公开政府信息情况",
        "第二十条第（一）项",
        detached,
        "第二十条第（五）项",
        "信息内容本年处理决定数量",
        "行政许可 12",
        "第二十条第（六）项",
        "行政处罚 3",
        "行政强制 0",
        "第二十条第（八）项",
        "信息内容本年收费金额（单位：万元）",
        "行政事业性收费 0",
        "— 4 —",
        "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
        "|---|---|---|---|",
        "| 规章 | 0 | 0 | 0 |",
        row,
        "三、收到和处理政府信息公开申请情况");
  }

  private static Reading read(String prose, String detached, String row) {
    return ReportReader.read(TextLines.of(table2(prose, detached, row)));
  }

  @Test
  void theNotesWordsNameTheColumnOfTheDetachedNumber() {
    Reading reading = read("本年主动公开政府信息。", "55\n（含自然失效 29 件）", "| 行政规范性文件 | 34 | 189 |");

    assertThat(reading.cells())
        .containsEntry(ISSUED, 34)
        .containsEntry(REPEALED, 55)
        .containsEntry(IN_FORCE, 189)
        .containsEntry("/activeDisclosure/regulations/issued", 0)
        .containsEntry("/activeDisclosure/licensing", 12);
    assertThat(reading.sources().get(REPEALED).line()).isEqualTo(6);
    assertThat(reading.sources().get(REPEALED).how())
        .isEqualTo("detached value placed by its note (失效 names 本年废止件数)");
    assertThat(reading.sources().get(IN_FORCE).how())
        .isEqualTo("exact label; its row's detached value placed by its note (失效 names 本年废止件数)");
    assertThat(reading.notes())
        .contains(
            "/activeDisclosure/normativeDocuments (line 21) prints 2 of its 3 cells; the number"
                + " printed away from it, 55 (line 6) (含自然失效29件), is 本年废止件数: its note (失效 names"
                + " 本年废止件数)");
    assertThat(reading.unparsed()).isEmpty();
  }

  @Test
  void aNumberAndItsNoteOnOneLineAreDetachedToo() {
    Reading reading = read("本年主动公开政府信息。", "16（其中修订 4 件）", "| 行政规范性文件 | 7 | 120 |");

    assertThat(reading.cells())
        .containsEntry(ISSUED, 16)
        .containsEntry(REPEALED, 7)
        .containsEntry(IN_FORCE, 120);
  }

  @Test
  void theCountsTheProseStatesDecideWhereTheNoteSaysNothing() {
    Reading reading =
        read("本年度制发行政规范性文件34件，现行有效行政规范性文件189件。", "55\n（详见附件 2 所列 29 件）", "| 行政规范性文件 | 34 | 189 |");

    assertThat(reading.cells())
        .containsEntry(ISSUED, 34)
        .containsEntry(REPEALED, 55)
        .containsEntry(IN_FORCE, 189);
    assertThat(reading.sources().get(REPEALED).how())
        .startsWith("detached value placed by the counts the report's text states (");
  }

  @Test
  void whenNothingDecidesTheColumnTheRowIsMissingNotGuessed() {
    Reading reading = read("本年主动公开政府信息。", "55\n（详见附件 2 所列 29 件）", "| 行政规范性文件 | 34 | 189 |");

    assertThat(reading.cells()).doesNotContainKeys(ISSUED, REPEALED, IN_FORCE);
    assertThat(reading.unparsed())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.pointer()).isEqualTo("/activeDisclosure/normativeDocuments");
              assertThat(u.reason())
                  .isEqualTo(
                      "prints 2 of its 3 cells; which one the number printed away from it, 55"
                          + " (line 6) (详见附件2所列29件), is, nothing in the text decides");
            });
  }

  @Test
  void aNoteThatTheProseContradictsDecidesNothing() {
    Reading reading = read("本年度制发行政规范性文件55件。", "55\n（含自然失效 29 件）", "| 行政规范性文件 | 34 | 189 |");

    assertThat(reading.cells()).doesNotContainKeys(ISSUED, REPEALED, IN_FORCE);
    assertThat(reading.unparsed())
        .singleElement()
        .extracting(Unparsed::reason)
        .asString()
        .endsWith("is, its note and the report's text disagree");
  }

  @Test
  void aBareNumberWithoutANoteMayBeAPageNumberAndIsNotTaken() {
    Reading reading = read("本年度制发行政规范性文件34件。", "55", "| 行政规范性文件 | 34 | 189 |");

    assertThat(reading.cells()).doesNotContainKeys(ISSUED, REPEALED, IN_FORCE);
  }

  @Test
  void aNumberEveryColumnReadsAlikeNeedsNoWordForItsColumn() {
    Reading reading = read("本年主动公开政府信息。", "0\n（无）", "| 行政规范性文件 | 0 | 0 |");

    assertThat(reading.cells())
        .containsEntry(ISSUED, 0)
        .containsEntry(REPEALED, 0)
        .containsEntry(IN_FORCE, 0);
    assertThat(reading.sources().get(ISSUED).how())
        .isEqualTo("detached value placed by every column it could fill reads the same");
  }
}
