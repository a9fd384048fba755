package org.disclosurehub.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link RowAlignment} on Table 二 of the 2021 format (its six rows, as {@code Table2Reader} knows
 * them) and rows of Table 三, printed as published reports print them: each case asserts which row
 * of the form every line lands on and how (exact, similar with its score, by order, not at all).
 */
class RowAlignmentUnitTest {
  // Table 二 of the 2021 format as the reader itself aligns it.
  private static final List<RowAlignment.Target> TABLE_2 = Table2Reader.ROWS_2021;

  private static RowAlignment.Target target(String key, String... refs) {
    return new RowAlignment.Target(key, List.of(refs));
  }

  /** Each line placed: "line → key (how)", "line → -" when unplaced, "line → key?" when likely. */
  private static List<String> align(List<RowAlignment.Target> targets, int width, String... lines) {
    List<Row> rows = new ArrayList<>();
    for (String line : lines) {
      Row row =
          Row.of(
              rows.size(),
              TextLines.of(line).isEmpty() ? SourceLine.plain(1, line) : TextLines.of(line).get(0));
      if (row != null) {
        rows.add(row);
      }
    }
    List<String> out = new ArrayList<>();
    for (RowAlignment.Placed p :
        RowAlignment.align(rows, targets, width, r -> r.compact().contains("信息内容"))) {
      String key = p.target() < 0 ? "-" : targets.get(p.target()).key();
      out.add(
          p.row().source().raw()
              + " → "
              + key
              + (p.match() == null
                  ? (p.target() < 0 ? "" : "?")
                  : " (" + p.match().how() + ", " + p.match().score() + ")"));
    }
    return out;
  }

  private static List<String> table2(String... lines) {
    return align(TABLE_2, 1, lines);
  }

  @Test
  void everyRowOfTheNationalTableLandsOnItsRowExactly() {
    assertThat(
            table2(
                "第二十条第（一）项",
                "信息内容 本年制发件数 本年废止件数 现行有效件数",
                "规章 0 0 2",
                "行政规范性文件 5 2 37",
                "第二十条第（五）项",
                "信息内容 本年处理决定数量",
                "行政许可 1342",
                "行政处罚 87",
                "行政强制 6",
                "行政事业性收费 356.4821"))
        .containsExactly(
            "规章 0 0 2 → regulations (exact label, 1.0)",
            "行政规范性文件 5 2 37 → normativeDocuments (exact label, 1.0)",
            "行政许可 1342 → licensing (exact label, 1.0)",
            "行政处罚 87 → penalties (exact label, 1.0)",
            "行政强制 6 → compulsoryMeasures (exact label, 1.0)",
            "行政事业性收费 356.4821 → feesAmount (exact label, 1.0)");
  }

  @Test
  void aLabelWithATypoLandsOnItsRowWithItsSimilarity() {
    assertThat(table2("规章 0 0 2", "行政规范性文件 5 2 37", "行政许可 1342", "行政外罚 87", "行政强制 6"))
        .containsExactly(
            "规章 0 0 2 → regulations (exact label, 1.0)",
            "行政规范性文件 5 2 37 → normativeDocuments (exact label, 1.0)",
            "行政许可 1342 → licensing (exact label, 1.0)",
            "行政外罚 87 → penalties (similar label (0.75), 0.75)",
            "行政强制 6 → compulsoryMeasures (exact label, 1.0)");
  }

  @Test
  void aRowPrintedWithoutItsLabelIsPlacedByOrderBetweenPlacedRows() {
    assertThat(table2("行政许可 1342", "87", "行政强制 6"))
        .containsExactly(
            "行政许可 1342 → licensing (exact label, 1.0)",
            "87 → penalties (placed by order, 0.0)",
            "行政强制 6 → compulsoryMeasures (exact label, 1.0)");
  }

  @Test
  void rowsWithoutLabelsArePlacedByOrderOnlyWhenExactlyAsManyRowsAreLeft() {
    // two unlabelled rows where the form has one left between 行政许可 and 行政强制: neither
    assertThat(table2("行政许可 1342", "87", "9", "行政强制 6"))
        .containsExactly(
            "行政许可 1342 → licensing (exact label, 1.0)",
            "87 → -",
            "9 → -",
            "行政强制 6 → compulsoryMeasures (exact label, 1.0)");
  }

  @Test
  void unlabelledRowsAtAnEndArePlacedOnlyWhenAtMostTwoAreLeft() {
    assertThat(table2("行政处罚 87", "6", "356.4821"))
        .containsExactly(
            "行政处罚 87 → penalties (exact label, 1.0)",
            "6 → compulsoryMeasures (placed by order, 0.0)",
            "356.4821 → feesAmount (placed by order, 0.0)");
    assertThat(table2("0 0 2", "5 2 37", "1342", "行政处罚 87"))
        .containsExactly(
            "0 0 2 → -", "5 2 37 → -", "1342 → -", "行政处罚 87 → penalties (exact label, 1.0)");
    assertThat(table2("0 0 2", "5 2 37", "行政许可 1342"))
        .containsExactly(
            "0 0 2 → regulations (placed by order, 0.0)",
            "5 2 37 → normativeDocuments (placed by order, 0.0)",
            "行政许可 1342 → licensing (exact label, 1.0)");
  }

  @Test
  void aLabelPrintedAboveItsNumbersNamesThem() {
    assertThat(table2("行政许可", "1342", "行政处罚 87"))
        .containsExactly(
            "1342 → licensing (exact label, 1.0)", "行政处罚 87 → penalties (exact label, 1.0)");
  }

  @Test
  void aLabelWrappedBelowItsNumbersNamesThem() {
    assertThat(table2("行政强制 6", "行政事业性 356.4821", "收费"))
        .containsExactly(
            "行政强制 6 → compulsoryMeasures (exact label, 1.0)",
            "行政事业性 356.4821 → feesAmount (exact label, 1.0)");
  }

  @Test
  void aRowPrintedAfterTheRestOfTheTableIsStillItsRow() {
    assertThat(table2("规章 0 0 2", "行政规范性文件 5 2 37", "行政处罚 87", "行政强制 6", "行政事业性收费 0", "行政许可 1342"))
        .containsExactly(
            "规章 0 0 2 → regulations (exact label, 1.0)",
            "行政规范性文件 5 2 37 → normativeDocuments (exact label, 1.0)",
            "行政处罚 87 → penalties (exact label, 1.0)",
            "行政强制 6 → compulsoryMeasures (exact label, 1.0)",
            "行政事业性收费 0 → feesAmount (exact label, 1.0)",
            "行政许可 1342 → licensing (exact label, 1.0)");
  }

  @Test
  void aRowPrintedTwiceIsPlacedOnceAndTheRepeatNamesItsLikelyRow() {
    assertThat(table2("行政许可 1342", "行政处罚 87", "行政许可 1342"))
        .containsExactly(
            "行政许可 1342 → licensing (exact label, 1.0)",
            "行政处罚 87 → penalties (exact label, 1.0)",
            "行政许可 1342 → licensing?");
  }

  @Test
  void aLabelOfNoRowOfTheFormIsNotPlaced() {
    assertThat(table2("行政许可 1342", "行政裁决 3", "行政处罚 87"))
        .containsExactly(
            "行政许可 1342 → licensing (exact label, 1.0)",
            "行政裁决 3 → -",
            "行政处罚 87 → penalties (exact label, 1.0)");
  }

  @Test
  void dashesWithoutALabelAreNoRowAndALoneNumberInAWideTableIsStray() {
    List<RowAlignment.Target> table3 =
        List.of(
            target("newlyReceived", "本年新收", "本年新收政府信息公开申请数量"),
            target("carriedOver", "上年结转", "上年结转政府信息公开申请数量"));
    assertThat(
            align(
                table3,
                7,
                "一、本年新收政府信息公开申请数量\t\t86\t12\t1\t0\t3\t2\t104",
                "- - - - - - -",
                "3",
                "二、上年结转政府信息公开申请数量\t\t4\t1\t0\t0\t0\t0\t5"))
        .containsExactly(
            "一、本年新收政府信息公开申请数量\t\t86\t12\t1\t0\t3\t2\t104 → newlyReceived (exact label, 1.0)",
            "二、上年结转政府信息公开申请数量\t\t4\t1\t0\t0\t0\t0\t5 → carriedOver (exact label, 1.0)",
            "3 → -");
    // in Table 二 (one value a row) a lone number is a row
    assertThat(table2("行政许可 1342", "87", "行政强制 6")).hasSize(3);
  }

  @Test
  void aTableOfMoreThan120RowsIsAlignedOnlyToItsFirst120() {
    String[] lines = new String[130];
    java.util.Arrays.fill(lines, "行政许可 1342");
    List<String> placed = table2(lines);
    // of rows alike, the last one read is placed
    assertThat(placed).hasSize(120).last().isEqualTo("行政许可 1342 → licensing (exact label, 1.0)");
    assertThat(placed.subList(0, 119)).containsOnly("行政许可 1342 → licensing?");
  }

  @Test
  void similarityIsTheShareOfThePhraseFoundInTheLabel() {
    assertThat(RowAlignment.similarity("本机关不掌握相关政府信息", "不掌握")).isEqualTo(1.0);
    assertThat(RowAlignment.similarity("属于国家秘蜜", "属于国家秘密")).isCloseTo(5.0 / 6, within(1e-9));
    assertThat(RowAlignment.similarity("属于国家", "属于国家秘密")).isCloseTo(4.0 / 6, within(1e-9));
    assertThat(RowAlignment.similarity("国家秘密属于", "属于国家秘密")).isCloseTo(4.0 / 6, within(1e-9));
    assertThat(RowAlignment.similarity("予以公开", "部分公开")).isEqualTo(0.5);
    assertThat(RowAlignment.similarity("总计", "结转下年度继续办理")).isEqualTo(0.0);
    assertThat(RowAlignment.similarity("", "总计")).isEqualTo(0.0);
    assertThat(RowAlignment.similarity("总计", "")).isEqualTo(0.0);
  }

  @Test
  void aLabelIsComparedByItsLettersAndARowStartsWithItsNumber() {
    assertThat(RowAlignment.clean("（三）1. 危及“三安全一稳定”")).isEqualTo("三危及三安全一稳定");
    assertThat(RowAlignment.startsRow("(三)不予公开")).isTrue();
    assertThat(RowAlignment.startsRow("3.其他")).isTrue();
    assertThat(RowAlignment.startsRow("四、结转下年度继续办理")).isTrue();
    assertThat(RowAlignment.startsRow("第二十条第(一)项")).isTrue();
    assertThat(RowAlignment.startsRow("三安全一稳定")).isFalse();
    assertThat(RowAlignment.startsRow("其他")).isFalse();
    assertThat(RowAlignment.startsRow("四")).isFalse();
    assertThat(RowAlignment.startsRow("")).isFalse();
  }
}
