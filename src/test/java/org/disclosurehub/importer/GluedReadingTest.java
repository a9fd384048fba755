package org.disclosurehub.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.importer.ReportReaderTest.json;
import static org.disclosurehub.importer.ReportReaderTest.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Real reports whose whole body is one line and whose cells are glued together (平潭综合实验区, as a
 * crawler saved the pages): split into rows at their labels, and the digits split where the rules
 * decide, else reported missing.
 */
class GluedReadingTest {
  private static final String COLUMNS_2023 = "/corpus/fujian-pingtan-2023/";

  @Test
  void shouldReadGluedRowsWhereTheRulesDecideAndSaySo() {
    Reading reading = read(COLUMNS_2023);
    JsonNode expected = json(COLUMNS_2023 + "expected.json");

    for (String row : List.of("newlyReceived", "outcomes/partiallyGranted", "outcomes/total")) {
      for (String column : List.of("naturalPerson", "commercialEnterprise", "total")) {
        String pointer = "/requests/" + row + "/" + column;
        assertThat(reading.cells().get(pointer))
            .as(pointer)
            .isEqualTo(expected.at(pointer).asInt());
      }
    }
    assertThat(reading.sources().get("/requests/newlyReceived/naturalPerson").how())
        .endsWith("glued digits split; decided by the rules (ROW_TOTAL)");
    assertThat(reading.sources().get("/requests/carriedOver/total").how())
        .endsWith("glued digits: the only split");
    assertThat(reading.cells().get("/reviews/administrativeReview/total")).isEqualTo(2);
    assertThat(ImportedJson.missing(reading))
        .noneMatch(p -> p.startsWith("/requests/") || p.startsWith("/reviews/"));
  }

  @Test
  void shouldReportAGluedRowMissingWhenItSplitsMoreThanOneWay() {
    // 110000011: 11|0|0|0|0|0|11 and 1|10|0|0|0|0|11 both hold the row total.
    Reading reading = read(COLUMNS_2023, "（一）予以公开220000022", "（一）予以公开110000011");

    assertThat(ImportedJson.missing(reading))
        .contains("/requests/outcomes/granted/naturalPerson", "/requests/outcomes/granted/total");
    assertThat(reading.sources()).noneSatisfy((p, s) -> assertThat(p).contains("/granted/"));
    assertThat(reading.unparsed())
        .anyMatch(
            u -> u.reason().startsWith("the glued digits split into 2 rows whose total holds"));
  }

  @Test
  void shouldNotFixAReportWhoseNumbersBreakARule() {
    // 平潭 2020 prints 三(七)总计 20 | … | 1 | 21 while its outcome rows add up to 26 | … | 27.
    Reading reading = read("/corpus/fujian-pingtan-2020/");

    assertThat(reading.cells().get("/requests/outcomes/total/naturalPerson")).isEqualTo(20);
    assertThat(reading.cells().get("/requests/outcomes/total/total")).isEqualTo(21);
    assertThat(reading.cells().get("/requests/outcomes/granted/total")).isEqualTo(7);
    assertThat(reading.sources().get("/requests/outcomes/total/total").how())
        .endsWith("decided by the rules (ROW_TOTAL)");
  }

  @Test
  void shouldLeaveAnAmbiguousRowMissingInAReportThatBreaksARule() {
    // The column rules cannot all hold in 平潭 2020: only ROW_TOTAL decides, row by row.
    Reading reading = read("/corpus/fujian-pingtan-2020/", "（一）予以公开6000017", "（一）予以公开110000011");

    assertThat(ImportedJson.missing(reading)).contains("/requests/outcomes/granted/naturalPerson");
    assertThat(reading.cells().get("/requests/outcomes/total/total")).isEqualTo(21);
  }

  @Test
  @Tag("timing")
  void shouldNotSplitAHostileOneLineBodyIntoEveryNumber() {
    String body = "三、收到和处理政府信息公开申请情况一、本年新收" + "1行".repeat(90_000);
    String huge = "三、收到和处理政府信息公开申请情况一、本年新收" + "1行".repeat(1_000_000);

    long start = System.nanoTime();
    List<SourceLine> lines = TextLines.of(body);
    List<SourceLine> hugeLines = TextLines.of(huge);

    assertThat(lines.size()).isEqualTo(1);
    assertThat(hugeLines.size()).isEqualTo(1);
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - start))
        .isLessThan(java.time.Duration.ofSeconds(1));
  }

  private static Reading read(String report, String... replacements) {
    String text = text(report + "report.txt");
    for (int i = 0; i < replacements.length; i += 2) {
      assertThat(text).contains(replacements[i]);
      text = text.replace(replacements[i], replacements[i + 1]);
    }
    return ReportReader.read(TextLines.of(text));
  }
}
