package org.disclosurehub.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * {@link GluedRows} on Table 三 of {@code imports/spaces.txt} (plain text, cells apart by spaces)
 * with rows printed glued together, as some crawlers' text has them: read where ROW_TOTAL alone, or
 * with OUTCOME_TOTAL and BALANCE, leaves one split; reported where it does not.
 */
class GluedRowsUnitTest {
  private static final String SPACES = ReportReaderTest.text("/imports/spaces.txt");
  private static final String COLUMNS = " (自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计)";

  private static Reading read(String... rowAndReplacement) {
    String text = SPACES;
    for (int i = 0; i < rowAndReplacement.length; i += 2) {
      assertThat(text).contains(rowAndReplacement[i]);
      text = text.replace(rowAndReplacement[i], rowAndReplacement[i + 1]);
    }
    return ReportReader.read(TextLines.of(text));
  }

  private static JsonNode requests(Reading reading) {
    return ImportedJson.of(reading).get("requests");
  }

  private static final JsonNode EXPECTED =
      ReportReaderTest.json("/reports/natural-resources-2024.json").get("requests");

  @Test
  void aRowOfAsManyDigitsAsCellsIsReadAsPrinted() {
    Reading reading = read("1. 属于国家秘密    1    0    0    0    0    0    1", "1. 属于国家秘密    1000001");

    assertThat(requests(reading)).isEqualTo(EXPECTED);
    assertThat(reading.unparsed()).isEmpty();
    assertThat(reading.sources().get("/requests/outcomes/denied/stateSecret/total").how())
        .isEqualTo("exact label; glued digits: the only split");
  }

  @Test
  void aRowWithOneSplitWhoseTotalHoldsIsRead() {
    Reading reading =
        read("(一) 予以公开    41    6    1    0    1    1    50", "(一) 予以公开    416101150");

    assertThat(requests(reading)).isEqualTo(EXPECTED);
    assertThat(reading.sources().get("/requests/outcomes/granted/naturalPerson").how())
        .isEqualTo("exact label; glued digits split; decided by the rules (ROW_TOTAL)");
    assertThat(reading.notes())
        .anySatisfy(
            n ->
                assertThat(n)
                    .startsWith("/requests/outcomes/granted (line ")
                    .endsWith(
                        ") is printed with its cells glued together; glued digits split; decided by"
                            + " the rules (ROW_TOTAL)"));
  }

  @Test
  void aRowWithSeveralSplitsIsReadWhereTheColumnRulesDecide() {
    // 86121032104: 8|61|2|1|0|32|104, 86|1|2|10|3|2|104 and 86|12|1|0|3|2|104 all hold ROW_TOTAL;
    // only the last lets BALANCE hold in every column
    Reading reading =
        read(
            "一、本年新收政府信息公开申请数量    86    12    1    0    3    2    104",
            "一、本年新收政府信息公开申请数量    86121032104");

    assertThat(requests(reading)).isEqualTo(EXPECTED);
    assertThat(reading.unparsed()).isEmpty();
    assertThat(reading.sources().get("/requests/newlyReceived/total").how())
        .isEqualTo(
            "exact label; glued digits split; decided by the rules (ROW_TOTAL, OUTCOME_TOTAL,"
                + " BALANCE)");
  }

  @Test
  void aRowWithSeveralSplitsIsNotGuessedWhenTheReportBreaksAColumnRule() {
    Reading reading =
        read(
            "一、本年新收政府信息公开申请数量    86    12    1    0    3    2    104",
            "一、本年新收政府信息公开申请数量    86121032104",
            "(七) 总计    84    12    1    0    3    2    102",
            "(七) 总计    85    12    1    0    3    2    103");

    assertThat(reading.cells()).doesNotContainKey("/requests/newlyReceived/total");
    assertThat(reading.unparsed())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.pointer()).isEqualTo("/requests/newlyReceived");
              assertThat(u.reason())
                  .isEqualTo(
                      "the glued digits split into 3 rows whose total holds, and the table's"
                          + " column rules do not decide between them"
                          + COLUMNS);
            });
  }

  @Test
  void aRowWithOneSplitIsReadEvenWhenTheReportBreaksAColumnRule() {
    Reading reading =
        read(
            "(一) 予以公开    41    6    1    0    1    1    50",
            "(一) 予以公开    416101150",
            "(七) 总计    84    12    1    0    3    2    102",
            "(七) 总计    85    12    1    0    3    2    103");

    assertThat(requests(reading).get("outcomes").get("granted"))
        .isEqualTo(EXPECTED.get("outcomes").get("granted"));
    assertThat(reading.sources().get("/requests/outcomes/granted/total").how())
        .isEqualTo("exact label; glued digits split; decided by the rules (ROW_TOTAL)");
  }

  @Test
  void aRowWhoseTotalCannotHoldIsReported() {
    Reading reading =
        read("(一) 予以公开    41    6    1    0    1    1    50", "(一) 予以公开    416101151");

    assertThat(reading.cells()).doesNotContainKey("/requests/outcomes/granted/total");
    assertThat(reading.unparsed())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.pointer()).isEqualTo("/requests/outcomes/granted");
              assertThat(u.reason())
                  .isEqualTo("the glued digits split into no row of 7 whose total holds" + COLUMNS);
            });
  }

  @Test
  void twoGluedRowsAreDecidedTogether() {
    Reading reading =
        read(
            "一、本年新收政府信息公开申请数量    86    12    1    0    3    2    104",
            "一、本年新收政府信息公开申请数量    86121032104",
            "(一) 予以公开    41    6    1    0    1    1    50",
            "(一) 予以公开    416101150");

    assertThat(requests(reading)).isEqualTo(EXPECTED);
    assertThat(reading.unparsed()).isEmpty();
  }
}
