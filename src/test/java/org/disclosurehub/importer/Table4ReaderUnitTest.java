package org.disclosurehub.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * {@link Table4Reader} (and {@link GluedRows#reviews}) on Table 四 of {@code imports/tabs.txt} and
 * {@code imports/spaces.txt} as reports print it: over two lines, with blank cells, glued, short of
 * a number, with a cell that is no count.
 */
class Table4ReaderUnitTest {
  private static final String TABS = ReportReaderTest.text("/imports/tabs.txt");
  private static final String SPACES = ReportReaderTest.text("/imports/spaces.txt");
  private static final String TABS_ROW = "3\t1\t0\t1\t5\t2\t0\t1\t1\t4\t1\t0\t0\t0\t1";
  private static final String SPACES_ROW =
      "3    1    0    1    5    2    0    1    1    4    1    0    0    0    1";
  private static final JsonNode EXPECTED =
      json(
          "{\"administrativeReview\":{\"upheld\":3,\"corrected\":1,\"other\":0,\"pending\":1,"
              + "\"total\":5},\"litigationDirect\":{\"upheld\":2,\"corrected\":0,\"other\":1,"
              + "\"pending\":1,\"total\":4},\"litigationAfterReview\":{\"upheld\":1,\"corrected\":0,"
              + "\"other\":0,\"pending\":0,\"total\":1}}");

  private static JsonNode json(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Reading read(String text, String row, String replacement) {
    assertThat(text).contains(row);
    return ReportReader.read(TextLines.of(text.replace(row, replacement)));
  }

  private static int lineOf(String text, String start) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith(start)) {
        return i + 1;
      }
    }
    throw new AssertionError(start);
  }

  @Test
  void fifteenNumbersOverTwoLinesAreReadInTheFormsOrder() {
    String two = "3    1    0    1    5\n2    0    1    1    4    1    0    0    0    1";
    Reading reading = read(SPACES, SPACES_ROW, two);

    assertThat(ImportedJson.of(reading).get("reviews")).isEqualTo(EXPECTED);
    assertThat(reading.unparsed()).isEmpty();
    int second = lineOf(SPACES.replace(SPACES_ROW, two), "2    0    1");
    assertThat(reading.provenance())
        .containsEntry("/reviews/administrativeReview/total", second - 1)
        .containsEntry("/reviews/litigationDirect/upheld", second);
    assertThat(reading.sources().get("/reviews/litigationDirect/upheld").how())
        .isEqualTo("placed by order (Table 四's fixed columns)");
  }

  @Test
  void blankCellsBetweenNumbersAreZero() {
    Reading reading = read(TABS, TABS_ROW, "\t3\t1\t\t1\t5\t2\t\t1\t1\t4\t1\t\t\t\t1\t");

    assertThat(ImportedJson.of(reading).get("reviews")).isEqualTo(EXPECTED);
    assertThat(reading.unparsed()).isEmpty();
    assertThat(reading.sources().get("/reviews/administrativeReview/other").how())
        .isEqualTo("blank read as 0");
    assertThat(reading.sources().get("/reviews/administrativeReview/upheld").how())
        .isEqualTo("placed by order (Table 四's fixed columns)");
  }

  @Test
  void blankCellsAtTheEndCountWhenThatMakesFifteen() {
    // 复议后起诉 printed as five empty cells
    Reading reading = read(TABS, TABS_ROW, "3\t1\t0\t1\t5\t2\t0\t1\t1\t4\t\t\t\t\t");

    JsonNode reviews = ImportedJson.of(reading).get("reviews");
    assertThat(reviews.get("litigationDirect")).isEqualTo(EXPECTED.get("litigationDirect"));
    assertThat(reviews.at("/litigationAfterReview/upheld").intValue()).isZero();
    assertThat(reviews.at("/litigationAfterReview/total").intValue()).isZero();
    assertThat(reading.sources().get("/reviews/litigationAfterReview/total").how())
        .isEqualTo("blank read as 0");
  }

  @Test
  void fourteenNumbersAreReportedNotGuessed() {
    Reading reading =
        read(
            SPACES,
            SPACES_ROW,
            "3    1    0    1    5    2    0    1    1    4    1    0    0    0");

    assertThat(reading.cells())
        .noneSatisfy((pointer, value) -> assertThat(pointer).startsWith("/reviews/"));
    assertThat(reading.unparsed())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.pointer()).isEqualTo("/reviews");
              assertThat(u.reason())
                  .isEqualTo(
                      "Table 四 has 14 numbers in all, not 15 (行政复议, 未经复议直接起诉, 复议后起诉: 维持, 纠正, 其他,"
                          + " 尚未审结, 总计 each)");
            });
  }

  @Test
  void aCellThatIsNoCountLeavesTheTableUnread() {
    Reading reading =
        read(
            SPACES,
            SPACES_ROW,
            "3    1    0    1    5\n2    0    1    1    4    1    0    0    0    1.5");

    assertThat(reading.cells())
        .noneSatisfy((pointer, value) -> assertThat(pointer).startsWith("/reviews/"));
    assertThat(reading.unparsed())
        .hasSize(2)
        .allSatisfy(
            u ->
                assertThat(u.reason())
                    .startsWith("'1.5' under 行政诉讼 复议后起诉 ")
                    .endsWith(" is not a whole number; Table 四 is not read"));
  }

  @Test
  void gluedCellsAreReadWhenTheyCanBeSplitOneWayOnly() {
    Reading reading = read(SPACES, SPACES_ROW, "310152011410001");

    assertThat(ImportedJson.of(reading).get("reviews")).isEqualTo(EXPECTED);
    assertThat(reading.sources().get("/reviews/litigationDirect/total").how())
        .isEqualTo("placed by order (Table 四's fixed columns); glued digits: the only split");
  }

  @Test
  void gluedCellsAreReadWhenTheReviewTotalsDecideTheSplit() {
    Reading reading = read(SPACES, SPACES_ROW, "31015120311610001");

    JsonNode reviews = ImportedJson.of(reading).get("reviews");
    assertThat(reviews.get("administrativeReview")).isEqualTo(EXPECTED.get("administrativeReview"));
    assertThat(reviews.get("litigationDirect"))
        .isEqualTo(json("{\"upheld\":12,\"corrected\":0,\"other\":3,\"pending\":1,\"total\":16}"));
    assertThat(reviews.get("litigationAfterReview"))
        .isEqualTo(EXPECTED.get("litigationAfterReview"));
    assertThat(reading.sources().get("/reviews/litigationDirect/upheld").how())
        .isEqualTo(
            "placed by order (Table 四's fixed columns); glued digits split; decided by the rules"
                + " (REVIEW_TOTAL)");
    assertThat(reading.notes())
        .anySatisfy(
            n ->
                assertThat(n)
                    .startsWith("/reviews (line ")
                    .endsWith(
                        ") is printed with its cells glued together; glued digits split; decided by"
                            + " the rules (REVIEW_TOTAL)"));
  }

  @Test
  void gluedCellsThatSplitTwoWaysAreNotRead() {
    // 13 1 0 1 15 … or 1 3 10 1 15 …: both let every review total hold
    Reading reading = read(SPACES, SPACES_ROW, "13101152011410001");

    assertThat(reading.cells())
        .noneSatisfy((pointer, value) -> assertThat(pointer).startsWith("/reviews/"));
    assertThat(reading.unparsed())
        .singleElement()
        .extracting(Unparsed::reason)
        .asString()
        .startsWith("Table 四 has 1 numbers in all, not 15");
  }
}
