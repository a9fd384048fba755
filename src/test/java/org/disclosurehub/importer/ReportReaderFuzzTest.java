package org.disclosurehub.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Inputs no report looks like: the reader answers for each (a partial reading or none of the
 * tables), quickly, and never throws.
 */
class ReportReaderFuzzTest {
  private static final int FIVE_MB = 5_000_000;

  /** Hostile pages are smaller: parsing HTML costs more per byte, and linear is linear. */
  private static final int TWO_MB = 2_000_000;

  private static final String REPORT = ReportReaderTest.text("/imports/tabs.txt");

  @Test
  void shouldReadEveryTruncationOfAReportAsPartialOrNotAtAll() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          for (int cut = 0; cut < REPORT.length(); cut += 37) {
            Reading reading = ReportReader.read(TextLines.of(REPORT.substring(0, cut)));
            assertConsistent(reading);
            if (cut < REPORT.indexOf("四、政府信息公开行政复议")) {
              assertThat(ImportedJson.missing(reading)).as("cut at %d", cut).isNotEmpty();
            }
          }
        });
  }

  @Test
  void shouldReadShuffledLinesWithoutFailing() {
    Random random = new Random(7);
    List<String> lines = new ArrayList<>(List.of(REPORT.split("\n")));
    for (int round = 0; round < 50; round++) {
      Collections.shuffle(lines, random);
      Reading reading = ReportReader.read(TextLines.of(String.join("\n", lines)));
      assertConsistent(reading);
    }
  }

  @Test
  void shouldReadRandomBytesAsNoReport() {
    Random random = new Random(11);
    for (int round = 0; round < 20; round++) {
      byte[] bytes = new byte[random.nextInt(50_000)];
      random.nextBytes(bytes);
      String text = new String(bytes, StandardCharsets.UTF_8);
      assertThat(ReportReader.read(TextLines.of(text)).tablesFound()).isFalse();
      assertConsistent(ReportReader.read(HtmlLines.of(text)));
    }
  }

  @Test
  @Tag("timing")
  void shouldStayFastOnHugeAndHostileInputs() {
    List<String> inputs =
        List.of(
            "\n".repeat(FIVE_MB),
            "a\n".repeat(FIVE_MB / 2),
            "1 ".repeat(FIVE_MB / 2),
            "三、收到和处理政府信息公开申请情况\n" + "一、本年新收 1 2 3\n".repeat(FIVE_MB / 30),
            "二、主动公开政府信息情况\n规章\t" + "1\t".repeat(FIVE_MB / 2),
            "三、收到和处理政府信息公开申请情况\n一、本年新收\n" + "1\n".repeat(FIVE_MB / 6),
            "一、总体情况\n" + "主动公开政府信息1条".repeat(FIVE_MB / 30),
            "- 3 -\n".repeat(FIVE_MB / 6),
            "政府信息公开年度报告".repeat(FIVE_MB / 30));
    for (String input : inputs) {
      assertTimeoutPreemptively(
          Duration.ofSeconds(20), () -> assertConsistent(ReportReader.read(TextLines.of(input))));
    }
  }

  @Test
  @Tag("timing")
  void shouldStayFastOnHostileHtml() {
    List<String> inputs =
        List.of(
            "<div>".repeat(TWO_MB / 5),
            "<table><tr><td>".repeat(TWO_MB / 15),
            "<table>" + "<tr><td rowspan=\"64\" colspan=\"64\">1</td></tr>".repeat(TWO_MB / 45),
            "<p>三、收到和处理政府信息公开申请情况</p><table>"
                + "<tr><td>一、本年新收</td><td>1</td></tr>".repeat(TWO_MB / 40)
                + "</table>");
    for (String input : inputs) {
      assertTimeoutPreemptively(
          Duration.ofSeconds(30), () -> assertConsistent(ReportReader.read(HtmlLines.of(input))));
    }
  }

  /** Whatever was read: values have provenance, and what was not read is said. */
  private static void assertConsistent(Reading reading) {
    assertThat(reading.unparsed()).hasSizeLessThanOrEqualTo(ReportReader.MAX_UNPARSED);
    for (String pointer : reading.cells().keySet()) {
      assertThat(
              reading.provenance().containsKey(pointer) || reading.formatVersion().equals("2019"))
          .as(pointer)
          .isTrue();
    }
    ImportedJson.of(reading);
  }
}
