package org.disclosurehub.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.disclosurehub.importer.PdfGrid.Cell;
import org.disclosurehub.importer.PdfGrid.Glyph;
import org.disclosurehub.importer.PdfGrid.Line;
import org.junit.jupiter.api.Test;

/**
 * {@link PdfGrid} on glyphs placed by hand (size 10 unless said): which glyphs are one line, where
 * a gap makes a new cell or a space, the x range of each cell, and what counts as a printed value.
 */
class PdfGridUnitTest {
  private static Glyph glyph(String text, float left, float baseline) {
    return new Glyph(text, left, left + 10, baseline, 10);
  }

  private static List<Glyph> run(String text, float left, float baseline, float gap) {
    List<Glyph> glyphs = new ArrayList<>();
    float x = left;
    for (int i = 0; i < text.length(); i++) {
      glyphs.add(glyph(text.substring(i, i + 1), x, baseline));
      x += 10 + gap;
    }
    return glyphs;
  }

  @Test
  void glyphsWithinHalfTheirSizeOfALinesFirstBaselineAreThatLine() {
    List<Glyph> glyphs = new ArrayList<>();
    glyphs.add(glyph("丙", 0, 125.1f)); // 5.1 below the second line's first glyph: a third line
    glyphs.add(glyph("乙", 0, 120));
    glyphs.add(glyph("二", 20, 105)); // exactly half the size below the first: still the first
    glyphs.add(glyph("一", 0, 100));
    glyphs.add(glyph("甲", 20, 124.9f));

    List<Line> lines = PdfGrid.lines(3, glyphs);

    assertThat(lines).extracting(Line::baseline).containsExactly(100f, 120f, 125.1f);
    assertThat(lines).extracting(Line::page).containsOnly(3);
    assertThat(lines.get(0).cells()).extracting(Cell::text).containsExactly("一", "二");
    assertThat(lines.get(1).cells()).extracting(Cell::text).containsExactly("乙", "甲");
    assertThat(lines.get(2).cells()).extracting(Cell::text).containsExactly("丙");
  }

  @Test
  void theSmallerSizeOfTheGlyphAndTheLineDecidesAndALineHasItsLargestSize() {
    List<Glyph> glyphs = new ArrayList<>();
    glyphs.add(new Glyph("大", 0, 20, 100, 20));
    glyphs.add(new Glyph("小", 30, 34, 104, 8)); // 4 below: half of 8 is 4, so the same line
    glyphs.add(new Glyph("下", 40, 44, 108.5f, 8)); // 8.5 below the first: a new line

    List<Line> lines = PdfGrid.lines(1, glyphs);

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).size()).isEqualTo(20f);
    assertThat(lines.get(0).cells()).extracting(Cell::text).containsExactly("大", "小");
    assertThat(lines.get(1).size()).isEqualTo(8f);
  }

  @Test
  void aGapOfMoreThanFourFifthsOfAnEmSplitsCellsAndOfMoreThanAFifthIsASpace() {
    List<Glyph> glyphs = new ArrayList<>();
    glyphs.addAll(run("本年", 0, 100, 0));
    glyphs.addAll(run("新收", 22, 100, 0)); // 2 after 年: no space
    glyphs.addAll(run("申请", 44.5f, 100, 0)); // 2.5 after 收: a space
    glyphs.addAll(run("数量", 72.5f, 100, 0)); // 8 after 请: still the same cell
    glyphs.addAll(run("合计", 101, 100, 0)); // 8.5 after 量: a new cell

    List<Cell> cells = PdfGrid.lines(1, glyphs).get(0).cells();

    assertThat(cells).extracting(Cell::text).containsExactly("本年新收 申请 数量", "合计");
    assertThat(cells.get(0).left()).isEqualTo(0f);
    assertThat(cells.get(0).right()).isEqualTo(92.5f);
    assertThat(cells.get(1).left()).isEqualTo(101f);
    assertThat(cells.get(1).right()).isEqualTo(121f);
  }

  @Test
  void digitsOfAdjacentColumnsAreSplitByANarrowerGap() {
    List<Glyph> glyphs = new ArrayList<>();
    glyphs.addAll(run("12", 0, 100, 0));
    glyphs.addAll(run("34", 23.5f, 100, 0)); // 3.5 after 2: another number
    glyphs.addAll(run("56", 46.5f, 100, 0)); // 3 after 4: the same cell, with a space
    glyphs.addAll(run("件7", 69.5f, 100, 0)); // 3 after 6, not between two digits: the same

    List<Cell> cells = PdfGrid.lines(1, glyphs).get(0).cells();

    assertThat(cells).extracting(Cell::text).containsExactly("12", "34 56 件7");
  }

  @Test
  void blankGlyphsAreSkippedAndGapsMeasuredFromTheLastPrintedGlyph() {
    List<Glyph> glyphs = new ArrayList<>();
    glyphs.add(glyph("一", 0, 100));
    glyphs.add(glyph(" ", 10, 100));
    glyphs.add(glyph(" ", 30, 100));
    glyphs.add(glyph("二", 17, 100)); // 7 after 一: the blanks between change nothing

    List<Cell> cells = PdfGrid.lines(1, glyphs).get(0).cells();

    assertThat(cells).extracting(Cell::text).containsExactly("一 二");
    assertThat(cells.get(0).right()).isEqualTo(27f);
  }

  @Test
  void anEmIsAtLeastOnePointForTinyGlyphs() {
    List<Glyph> glyphs = new ArrayList<>();
    glyphs.add(new Glyph("一", 0, 0.5f, 100, 0.5f));
    glyphs.add(new Glyph("二", 1.0f, 1.5f, 100, 0.5f)); // 0.5 after 一: a space, not a new cell
    glyphs.add(new Glyph("三", 2.5f, 3.0f, 100, 0.5f)); // 1 after 二: a new cell

    List<Cell> cells = PdfGrid.lines(1, glyphs).get(0).cells();

    assertThat(cells).extracting(Cell::text).containsExactly("一 二", "三");
  }

  @Test
  void aValueIsANumberADashOrNoneWithOrWithoutItsUnit() {
    for (String value : new String[] {"12", "0", "—", "无", "3.5万元", "1,024"}) {
      assertThat(PdfGrid.value(new Cell(value, 0, 1))).as(value).isTrue();
    }
    for (String text : new String[] {"", " ", "合计", "12 合计", "第二十条", "(一)"}) {
      assertThat(PdfGrid.value(new Cell(text, 0, 1))).as(text).isFalse();
    }
  }
}
