package org.disclosurehub.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link ReadingSink#firstTime}: a row of Table 三 printed twice (as pages pasted twice, or a row
 * repeated across a page break) is taken once when its numbers agree, and not at all when they
 * differ: a reading is never one of two printed answers picked at random.
 */
class ReadingSinkUnitTest {
  private static final String TABS = ReportReaderTest.text("/imports/tabs.txt");
  private static final String CARRIED = "二、上年结转政府信息公开申请数量\t\t4\t1\t0\t0\t0\t0\t5\t";
  private static final String OTHER = CARRIED.replace("\t4\t1\t", "\t3\t2\t");
  private static final int FIRST_LINE = 38;

  private static Reading readWith(String... repeats) {
    assertThat(TABS).contains(CARRIED);
    assertThat(TABS.split("\n", -1)[FIRST_LINE - 1]).isEqualTo(CARRIED);
    return ReportReader.read(
        TextLines.of(TABS.replace(CARRIED, CARRIED + "\n" + String.join("\n", repeats))));
  }

  @Test
  void aRowRepeatedWithTheSameNumbersIsTakenOnceAndNoted() {
    Reading reading = readWith(CARRIED);

    assertThat(reading.cells())
        .containsEntry("/requests/carriedOver/naturalPerson", 4)
        .containsEntry("/requests/carriedOver/total", 5);
    assertThat(reading.provenance()).containsEntry("/requests/carriedOver/naturalPerson", 38);
    assertThat(reading.notes()).contains("line 39 repeats the row of line 38");
    assertThat(reading.unparsed()).isEmpty();
  }

  @Test
  void aRowRepeatedWithOtherNumbersIsNotTakenAtAll() {
    Reading reading = readWith(OTHER);

    assertThat(reading.cells().keySet()).noneMatch(p -> p.startsWith("/requests/carriedOver/"));
    assertThat(reading.provenance().keySet())
        .noneMatch(p -> p.startsWith("/requests/carriedOver/"));
    assertThat(reading.sources().keySet()).noneMatch(p -> p.startsWith("/requests/carriedOver/"));
    assertThat(reading.unparsed())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.line()).isEqualTo(39);
              assertThat(u.pointer()).isEqualTo("/requests/carriedOver");
              assertThat(u.reason())
                  .isEqualTo(
                      "the row appears also at line 38 with different numbers; neither is taken");
            });
    assertThat(reading.cells()).containsEntry("/requests/carriedForward/total", 7);
  }

  @Test
  void onceTwoAnswersDifferAThirdThatAgreesWithOneDecidesNothing() {
    Reading reading = readWith(OTHER, CARRIED);

    assertThat(reading.cells().keySet()).noneMatch(p -> p.startsWith("/requests/carriedOver/"));
    assertThat(reading.unparsed())
        .extracting(Unparsed::line, Unparsed::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                39, "the row appears also at line 38 with different numbers; neither is taken"),
            org.assertj.core.groups.Tuple.tuple(
                40, "the row appears more than once with different numbers"));
  }
}
