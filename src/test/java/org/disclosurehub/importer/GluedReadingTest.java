package org.disclosurehub.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.importer.ReportReaderTest.json;
import static org.disclosurehub.importer.ReportReaderTest.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Real reports whose whole body is one line and whose cells are glued together (平潭综合实验区, as a
 * crawler saved the pages): split into rows at their labels, and the digits split where the rules
 * decide, else reported missing.
 */
class GluedReadingTest {
  private static final String COLUMNS_2023 = "/corpus/fujian-pingtan-2023/";
  private static final String HAITAN_2022 = "/corpus/fujian-pingtan-haitan-2022/";

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
  void shouldSplitAGluedProcurementRowWithItsUnitWhenItSplitsOneWayOnly() {
    // 海坛 2022 prints 政府集中采购 "00元": 0 | 0元 is the only split (no number of two digits
    // starts with 0).
    Reading reading = read(HAITAN_2022);

    assertThat(reading.cells().get("/activeDisclosure2019/procurement/projects")).isEqualTo(0);
    assertThat(reading.cells().get("/activeDisclosure2019/procurement/totalAmount"))
        .isEqualTo(java.math.BigDecimal.ZERO);
    assertThat(reading.cells().get("/activeDisclosure2019/procurement/unit")).isEqualTo("元");
    assertThat(reading.sources().get("/activeDisclosure2019/procurement/totalAmount").how())
        .endsWith("glued digits: the only split");
    assertThat(ImportedJson.missing(reading)).isEmpty();
  }

  @Test
  void shouldSplitAGluedProcurementRowWhereALeadingZeroDecides() {
    // "100元": 1 | 00元 would print an amount with a leading 0, so only 10 | 0元 remains; in
    // "0832995.50元" only 0 | 832995.50元 does.
    Reading ten = read(HAITAN_2022, "政府集中采购00元", "政府集中采购100元");
    Reading zero = read(HAITAN_2022, "政府集中采购00元", "政府集中采购0832995.50元");

    assertThat(ten.cells().get("/activeDisclosure2019/procurement/projects")).isEqualTo(10);
    assertThat(ten.cells().get("/activeDisclosure2019/procurement/totalAmount"))
        .isEqualTo(java.math.BigDecimal.ZERO);
    assertThat(zero.cells().get("/activeDisclosure2019/procurement/projects")).isEqualTo(0);
    assertThat(zero.cells().get("/activeDisclosure2019/procurement/totalAmount"))
        .isEqualTo(new java.math.BigDecimal("832995.5"));
  }

  @Test
  void shouldLeaveAGluedProcurementRowMissingWhenItSplitsMoreThanOneWay() {
    // 财政金融局 2019 prints "2832995元": 2 | 832995, 28 | 32995, … all fit; nothing decides.
    Reading reading = read("/corpus/fujian-pingtan-finance-2019/");

    assertThat(ImportedJson.missing(reading))
        .contains(
            "/activeDisclosure2019/procurement/projects",
            "/activeDisclosure2019/procurement/totalAmount");
    assertThat(reading.unparsed())
        .anyMatch(u -> u.reason().contains("'2832995元' holds 采购项目数量 and 采购总金额 glued together"));
  }

  @Test
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
