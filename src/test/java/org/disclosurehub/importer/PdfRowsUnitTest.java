package org.disclosurehub.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.disclosurehub.importer.PdfGrid.Cell;
import org.disclosurehub.importer.PdfGrid.Line;
import org.disclosurehub.importer.PdfRows.TableRow;
import org.junit.jupiter.api.Test;

/**
 * {@link PdfRows} on lines laid out by hand: rows of numbers 20 points apart (so the lines of one
 * wrapped label are those closer than 16), labels in the column x 40..100, numbers from x 120. Each
 * case asserts the exact cells of every line and the line each cell is numbered by (its
 * provenance): which row a line of a label joins, which it does not, and which label-only line is a
 * row of blank cells.
 */
class PdfRowsUnitTest {
  private static final float FIRST_COLUMN = 110;
  private static final int FIRST = 7;

  /** The lines and, for each, its row of numbers or null. */
  private final List<Line> lines = new ArrayList<>();

  private final List<TableRow> rows = new ArrayList<>();

  private void row(int page, float baseline, String label, String... slots) {
    List<Cell> cells = new ArrayList<>();
    List<Cell> labels = new ArrayList<>();
    if (!label.isEmpty()) {
      Cell cell = new Cell(label, 40, 100);
      cells.add(cell);
      labels.add(cell);
    }
    for (int s = 0; s < slots.length; s++) {
      if (!slots[s].isEmpty()) {
        cells.add(new Cell(slots[s], 120 + 30 * s, 130 + 30 * s));
      }
    }
    lines.add(new Line(page, cells, baseline, 10));
    rows.add(new TableRow(labels, List.of(slots)));
  }

  private void label(int page, float baseline, String text, float left, float right) {
    lines.add(new Line(page, List.of(new Cell(text, left, right)), baseline, 10));
    rows.add(null);
  }

  private void label(int page, float baseline, String text) {
    label(page, baseline, text, 40, 100);
  }

  private List<List<String>> read() {
    List<List<String>> out = new ArrayList<>();
    for (PdfRows.GridLine line : PdfRows.of(lines, rows, FIRST_COLUMN, FIRST)) {
      out.add(line.cells().stream().map(c -> c.text() + "@" + c.line()).toList());
    }
    return out;
  }

  /** Two rows of numbers 20 apart (lines 7 and 8), which set the distance between rows. */
  private void head() {
    row(1, 60, "（一）甲", "1", "2");
    row(1, 80, "（二）乙", "1", "2");
  }

  private static final List<String> ROW_7 = List.of("（一）甲@7", "1@7", "2@7");
  private static final List<String> ROW_8 = List.of("（二）乙@8", "1@8", "2@8");

  @Test
  void aWrappedLabelJoinsTheNearerRowNumberedByItsFirstLine() {
    head();
    label(1, 93, "（三）本年"); // 13 below the row above, 7 above its own
    row(1, 100, "新收", "3", "4");
    label(1, 107, "申请"); // 7 below its own row, 13 above the next
    row(1, 120, "（四）丁", "5", "6");

    assertThat(read())
        .containsExactly(
            ROW_7,
            ROW_8,
            List.of(),
            List.of("（三）本年新收申请@9", "3@10", "4@10"),
            List.of(),
            List.of("（四）丁@12", "5@12", "6@12"));
  }

  @Test
  void aLineAsNearToTheRowsOnBothSidesJoinsNeither() {
    head();
    label(1, 90, "夹在中间");
    row(1, 100, "（三）丙", "3", "4");

    assertThat(read())
        .containsExactly(ROW_7, ROW_8, List.of("夹在中间@9"), List.of("（三）丙@10", "3@10", "4@10"));
  }

  @Test
  void aLineAsFarAsRowsAreApartJoinsNoRow() {
    label(1, 44, "表头"); // 16 above the first row: as far as the wrap allows, not closer
    head();
    label(1, 95.9f, "续"); // 15.9 below the last: joins

    assertThat(read())
        .containsExactly(
            List.of("表头@7"),
            List.of("（一）甲@8", "1@8", "2@8"),
            List.of("（二）乙续@9", "1@9", "2@9"),
            List.of());
  }

  @Test
  void aGroupHeadingInAColumnOfItsOwnIsPassedOverAndTheLabelBeyondItStillJoins() {
    head();
    label(1, 94, "上行"); // 14 below the row above, 6 above the row below
    label(1, 97, "（三）不予公开", 0, 30); // left of the labels: a heading of its own column
    row(1, 100, "下行", "3", "4");

    assertThat(read())
        .containsExactly(
            ROW_7, ROW_8, List.of(), List.of("（三）不予公开@10"), List.of("上行下行@9", "3@11", "4@11"));
  }

  @Test
  void aRowPrintedWithoutALabelTakesTheLabelAboveIt() {
    head();
    label(1, 93, "（三）无标签行");
    row(1, 100, "", "3", "4");

    assertThat(read())
        .containsExactly(ROW_7, ROW_8, List.of(), List.of("（三）无标签行@9", "3@10", "4@10"));
  }

  @Test
  void aLabelEndingAPageJoinsTheFirstRowOfTheNextWhenThatRowDoesNotStartOne() {
    head();
    label(1, 700, "（三）跨页的");
    label(1, 760, "- 3 -"); // the page's number, under the label
    label(2, 40, "第4页"); // the next page's marker, above its first row
    row(2, 60, "标签", "5", "6");

    assertThat(read())
        .containsExactly(
            ROW_7,
            ROW_8,
            List.of(),
            List.of("- 3 -@10"),
            List.of("第4页@11"),
            List.of("（三）跨页的标签@9", "5@12", "6@12"));
  }

  @Test
  void aLabelEndingAPageStaysWhenTheNextPageStartsARowOfItsOwn() {
    head();
    label(1, 700, "（三）跨页的");
    row(2, 60, "四、结转", "5", "6");

    assertThat(read())
        .containsExactly(ROW_7, ROW_8, List.of("（三）跨页的@9"), List.of("四、结转@10", "5@10", "6@10"));
  }

  @Test
  void aWrappedLabelEndingAPageJoinsWholeUpToTheLineSetApart() {
    head();
    label(1, 670, "页脚以上"); // 30 above the next line: farther than a wrap, line for line
    label(1, 700, "（三）跨");
    label(1, 710, "页的");
    row(2, 60, "标签", "5", "6");

    assertThat(read())
        .containsExactly(
            ROW_7,
            ROW_8,
            List.of("页脚以上@9"),
            List.of(),
            List.of(),
            List.of("（三）跨页的标签@10", "5@12", "6@12"));
  }

  /** Rows 20 apart, one of them with a wrapped label, and a label alone 20 from each side. */
  private void blankRowTable(String blank, String[] before, String[] after) {
    row(1, 100, "（一）甲", "1", "2", "3");
    row(1, 120, "（二）乙", before);
    label(1, 140, blank);
    row(1, 160, "（四）丁", after);
    row(1, 180, "（五）戊", "1", "0", "1");
    label(1, 187, "续");
  }

  private static final String[] FULL_BEFORE = {"4", "5", "6"};
  private static final String[] FULL_AFTER = {"7", "8", "9"};

  @Test
  void aLabelAloneBetweenFullRowsIsARowOfBlankCells() {
    blankRowTable("（三）丙", FULL_BEFORE, FULL_AFTER);
    assertThat(PdfRows.of(lines, rows, FIRST_COLUMN, FIRST))
        .extracting(PdfRows.GridLine::columns)
        .containsExactly(3, 3, 3, 3, 3, 0);

    assertThat(read())
        .containsExactly(
            List.of("（一）甲@7", "1@7", "2@7", "3@7"),
            List.of("（二）乙@8", "4@8", "5@8", "6@8"),
            List.of("（三）丙@9", "@9", "@9", "@9"),
            List.of("（四）丁@10", "7@10", "8@10", "9@10"),
            List.of("（五）戊续@11", "1@11", "0@11", "1@11"),
            List.of());
  }

  @Test
  void aLabelAloneIsNoBlankRowWhenItDoesNotStartARow() {
    blankRowTable("丙的说明", FULL_BEFORE, FULL_AFTER);

    assertThat(read().get(2)).containsExactly("丙的说明@9");
  }

  @Test
  void aLabelAloneIsNoBlankRowNextToARowWithBothOuterColumnsBlank() {
    blankRowTable("（三）丙", new String[] {"", "5", ""}, FULL_AFTER);
    assertThat(read().get(2)).containsExactly("（三）丙@9");

    lines.clear();
    rows.clear();
    blankRowTable("（三）丙", FULL_BEFORE, new String[] {"", "8", ""});
    assertThat(read().get(2)).containsExactly("（三）丙@9");

    // One outer column printed is enough: agencies leave any column empty, 总计 included.
    lines.clear();
    rows.clear();
    blankRowTable("（三）丙", new String[] {"", "5", "6"}, new String[] {"7", "8", ""});
    assertThat(read().get(2)).containsExactly("（三）丙@9", "@9", "@9", "@9");
  }

  @Test
  void aLabelAloneIsNoBlankRowBeforeARowThatDoesNotStartOne() {
    row(1, 100, "（一）甲", "1", "2", "3");
    row(1, 120, "（二）乙", FULL_BEFORE);
    label(1, 140, "（三）丙");
    row(1, 160, "丁", FULL_AFTER);
    row(1, 180, "（五）戊", "1", "0", "1");
    label(1, 187, "续");

    assertThat(read().get(2)).containsExactly("（三）丙@9");
  }

  @Test
  void aLabelAloneIsNoBlankRowWhereNoLabelIsSeenWrapped() {
    row(1, 100, "（一）甲", "1", "2", "3");
    row(1, 120, "（二）乙", FULL_BEFORE);
    label(1, 140, "（三）丙");
    row(1, 160, "（四）丁", FULL_AFTER);

    assertThat(read().get(2)).containsExactly("（三）丙@9");
  }

  @Test
  void aLabelAloneIsNoBlankRowWhenALineOfAnotherColumnIsNearIt() {
    blankRowTable("（三）丙", FULL_BEFORE, FULL_AFTER);
    // A note across the columns 10 below the label: the label is not set apart as a row is.
    lines.add(3, new Line(1, List.of(new Cell("注：本行跨栏", 40, 300)), 150, 10));
    rows.add(3, null);

    assertThat(read().get(2)).containsExactly("（三）丙@9");
  }

  @Test
  void aLabelAloneOfTwoLinesIsOneBlankRow() {
    row(1, 100, "（一）甲", "1", "2", "3");
    row(1, 120, "（二）乙", FULL_BEFORE);
    label(1, 140, "（三）丙");
    label(1, 150, "的行");
    row(1, 170, "（四）丁", FULL_AFTER);
    row(1, 190, "（五）戊", "1", "0", "1");
    label(1, 197, "续");

    List<List<String>> read = read();
    assertThat(read.get(2)).containsExactly("（三）丙的行@9", "@9", "@9", "@9");
    assertThat(read.get(3)).isEmpty();
  }

  @Test
  void aLabelAloneAfterTheLastRowOrBeforeTheFirstIsNoBlankRow() {
    label(1, 40, "（零）前");
    head();
    label(1, 87, "续");
    label(1, 120, "（三）后");

    assertThat(read())
        .containsExactly(
            List.of("（零）前@7"),
            List.of("（一）甲@8", "1@8", "2@8"),
            List.of("（二）乙续@9", "1@9", "2@9"),
            List.of(),
            List.of("（三）后@11"));
  }

  @Test
  void withoutAFirstColumnOrRowsToMeasureNothingJoins() {
    row(1, 100, "（一）甲", "1", "2");
    label(1, 110, "续");
    List<PdfRows.GridLine> none = PdfRows.of(lines, rows, Float.NaN, FIRST);
    assertThat(none.get(1).cells()).extracting(SourceLine.Cell::text).containsExactly("续");

    // One row only: no distance between rows to measure a wrap by.
    assertThat(read().get(1)).containsExactly("续@8");
  }

  @Test
  void aValueOrAPageMarkerLeftOfTheColumnsIsNoLabel() {
    head();
    label(1, 93, "12");
    row(1, 100, "（三）丙", "3", "4");
    label(1, 107, "第2页");
    row(1, 120, "（四）丁", "5", "6");
    label(1, 126, "右边", 40, 111.5f); // ends past the first column's slack

    assertThat(read())
        .containsExactly(
            ROW_7,
            ROW_8,
            List.of("12@9"),
            List.of("（三）丙@10", "3@10", "4@10"),
            List.of("第2页@11"),
            List.of("（四）丁@12", "5@12", "6@12"),
            List.of("右边@13"));
  }
}
