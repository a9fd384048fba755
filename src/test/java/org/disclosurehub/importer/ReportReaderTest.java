package org.disclosurehub.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The reader alone, without the service: the layouts found in published reports. */
class ReportReaderTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldReadTheSeedCellForCell() {
    Reading reading = readText("/reports/zhongwei-civil-affairs-2024.txt");
    ObjectNode report = ImportedJson.of(reading);
    JsonNode expected = json("/reports/zhongwei-civil-affairs-2024.json");

    assertThat(reading.unparsed()).isEmpty();
    assertThat(ImportedJson.missing(reading)).isEmpty();
    assertThat(report.get("activeDisclosure")).isEqualTo(expected.get("activeDisclosure"));
    assertThat(report.get("requests")).isEqualTo(expected.get("requests"));
    assertThat(report.get("reviews")).isEqualTo(expected.get("reviews"));
    assertThat(report.get("publishedItems")).isEqualTo(expected.get("publishedItems"));
    assertThat(report.get("formatVersion")).isEqualTo(expected.get("formatVersion"));
    assertThat(reading.year()).isEqualTo(2024);
    assertThat(reading.provenance()).containsEntry("/activeDisclosure/licensing", 43);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "tabs.txt",
        "spaces.txt",
        "stray-spaces.txt",
        "fullwidth.txt",
        "thousands.txt",
        "pdf-wrapped.txt",
        "vertical.txt",
        "page-markers.txt",
        "navigation.txt",
        "report.html"
      })
  void shouldReadEveryLayoutCellForCell(String fixture) {
    Reading reading =
        fixture.endsWith(".html")
            ? ReportReader.read(HtmlLines.of(text("/imports/" + fixture)))
            : readText("/imports/" + fixture);
    ObjectNode report = ImportedJson.of(reading);
    JsonNode expected = json("/reports/natural-resources-2024.json");

    assertThat(reading.unparsed()).as("unparsed").isEmpty();
    assertThat(ImportedJson.missing(reading)).as("missing").isEmpty();
    assertThat(report.get("activeDisclosure")).isEqualTo(expected.get("activeDisclosure"));
    assertThat(report.get("requests")).isEqualTo(expected.get("requests"));
    assertThat(report.get("reviews")).isEqualTo(expected.get("reviews"));
    assertThat(report.at("/publishedItems/total").intValue()).isEqualTo(1260);
    assertThat(report.get("formatVersion").textValue()).isEqualTo("2021");
    assertThat(reading.year()).isEqualTo(2024);
    assertThat(report.at("/narrative/problems").textValue()).isEqualTo("部分栏目更新不够及时。下一步将加强栏目维护。");
    assertThat(report.at("/narrative/other").textValue()).endsWith("本年度未收取信息处理费。");
    assertThat(reading.provenance()).hasSizeGreaterThanOrEqualTo(190);
  }

  @Test
  void shouldTakeTheDateAtTheEndAndLeaveNavigationOut() {
    Reading reading = readText("/imports/navigation.txt");

    assertThat(reading.publishedOn()).isEqualTo(LocalDate.of(2025, 1, 20));
    assertThat(reading.other()).isEqualTo("（一）信息处理费情况\n本年度未收取信息处理费。");
    assertThat(reading.overview()).doesNotContain("首页");
    assertThat(ReportReader.read(HtmlLines.of(text("/imports/report.html"))).publishedOn())
        .isEqualTo(LocalDate.of(2025, 1, 20));
    assertThat(readText("/imports/pdf-wrapped.txt").publishedOn())
        .as("二〇二五年一月二十日")
        .isEqualTo(LocalDate.of(2025, 1, 20));
  }

  @Test
  void shouldNameTheSourceLineOfEveryValue() {
    String text = text("/imports/pdf-wrapped.txt");
    Reading reading = readText("/imports/pdf-wrapped.txt");
    String[] lines = text.split("\n", -1);

    int line = reading.provenance().get("/requests/outcomes/denied/stateSecret/naturalPerson");
    assertThat(lines[line - 1]).isEqualTo("秘密 1 0 0 0 0 0 1");
    int fees = reading.provenance().get("/activeDisclosure/feesAmount");
    assertThat(lines[fees - 1]).isEqualTo("费 356.4821");
    int pending = reading.provenance().get("/reviews/litigationAfterReview/pending");
    assertThat(lines[pending - 1]).isEqualTo("1 4 1 0 0 0 1");
  }

  @Test
  void shouldNameTheHtmlSourceLineOfEveryCell() {
    String html = text("/imports/report.html");
    Reading reading = ReportReader.read(HtmlLines.of(html));
    String[] lines = html.split("\n", -1);

    int line = reading.provenance().get("/requests/outcomes/granted/total");
    assertThat(lines[line - 1]).contains("<td>50</td>").contains("<td>41</td>");
    assertThat(lines[reading.provenance().get("/activeDisclosure/licensing") - 1])
        .contains("1,342");
  }

  @Test
  void shouldReadTextPastedIntoAPageAsPreformatted() {
    String seed = text("/reports/zhongwei-civil-affairs-2024.txt");
    String page =
        "<html><body><div>首页 &gt; 政务公开</div>\n<pre>"
            + seed.replace("<", "&lt;")
            + "</pre></body></html>";
    Reading reading = ReportReader.read(HtmlLines.of(page));

    assertThat(reading.unparsed()).isEmpty();
    assertThat(ImportedJson.missing(reading)).isEmpty();
    assertThat(ImportedJson.of(reading).get("activeDisclosure"))
        .isEqualTo(json("/reports/zhongwei-civil-affairs-2024.json").get("activeDisclosure"));
    assertThat(reading.provenance()).containsEntry("/activeDisclosure/licensing", 44);
  }

  @Test
  void shouldReadThe2019TrialFormatButNeverGuessTheUnitOfItsAmount() {
    Reading reading = readText("/imports/trial-2019.txt");
    ObjectNode report = ImportedJson.of(reading);
    JsonNode expected = json("/reports/natural-resources-2024.json");

    assertThat(reading.formatVersion()).isEqualTo("2019");
    assertThat(reading.year()).isEqualTo(2019);
    assertThat(report.get("requests")).isEqualTo(json("/imports/trial-2019-requests.json"));
    assertThat(report.at("/requests/outcomes/otherHandling/other/total").intValue()).isEqualTo(2);
    assertThat(report.get("reviews")).isEqualTo(expected.get("reviews"));
    assertThat(report.has("activeDisclosure")).isFalse();
    assertThat(report.at("/activeDisclosure2019/normativeDocuments/publishedTotal").intValue())
        .isEqualTo(37);
    assertThat(report.at("/activeDisclosure2019/otherManagementServices/decisions").intValue())
        .isEqualTo(15);
    assertThat(report.at("/activeDisclosure2019/fees/previousYearItems").intValue()).isEqualTo(4);
    assertThat(report.at("/activeDisclosure2019/procurement/totalAmount").textValue())
        .isEqualTo("356.4821");
    assertThat(reading.provenance()).containsEntry("/activeDisclosure2019/licensing/decisions", 23);
    // The fixture prints 采购总金额 without 元 or 万元.
    assertThat(reading.unparsed())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.pointer()).isEqualTo("/activeDisclosure2019/procurement/unit");
              assertThat(u.text()).isEqualTo("政府集中采购\t6\t356.4821");
            });
    assertThat(ImportedJson.missing(reading))
        .containsExactly("/activeDisclosure2019/procurement/unit");
  }

  @Test
  void shouldReportACellItCannotReadInsteadOfGuessing() {
    String text =
        text("/imports/tabs.txt")
            .replace("1. 属于国家秘密\t1\t0\t0", "1. 属于国家秘密\t1\t1.5\t0")
            .replace("行政许可\t1342", "行政许可\t13.42")
            .replace("二、上年结转政府信息公开申请数量\t\t4\t1\t0", "二、上年结转政府信息公开申请数量\t\t4\t1");
    Reading reading = ReportReader.read(TextLines.of(text));

    assertThat(reading.unparsed())
        .extracting(Unparsed::pointer, Unparsed::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "/activeDisclosure/licensing",
                "'13.42' under 本年处理决定数量 is not a whole number; the row is not read"),
            org.assertj.core.groups.Tuple.tuple(
                "/requests/carriedOver",
                "found 6 number(s), expected 7 (自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计)"),
            org.assertj.core.groups.Tuple.tuple(
                "/requests/outcomes/denied/stateSecret",
                "'1.5' under 商业企业 is not a whole number; the row is not read"));
    assertThat(ImportedJson.missing(reading))
        .contains("/activeDisclosure/licensing", "/requests/carriedOver/total")
        .hasSize(1 + 7 + 7);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "二、主动公开政府信息情况|二、主动公开政府信愈情况|二",
        "二、主动公开政府信息情况|主动公开政府信息情况|二",
        "二、主动公开政府信息情况|（二）主动公开政府信息情况|二",
        "三、收到和处理政府信息公开申请情况|三、收到和处埋政府信息公开申请情况|三",
        "三、收到和处理政府信息公开申请情况|收到和处理政府信息公开申请情况|三",
        "三、收到和处理政府信息公开申请情况|三）收到和处理政府信息公开申请情况|三",
        "四、政府信息公开行政复议、行政诉讼情况|四、政府信息公开行政复·议、行政诉讼情况|四",
        "四、政府信息公开行政复议、行政诉讼情况|政府信息公开行政复议、行政诉讼情况|四",
        "四、政府信息公开行政复议、行政诉讼情况|四；政府信息公开行政复议，行政诉讼情况|四"
      })
  void shouldFindATableByItsContentWhenItsHeadingIsMisprinted(
      String heading, String misprint, String table) {
    for (String fixture : new String[] {"/imports/tabs.txt", "/imports/pdf-wrapped.txt"}) {
      String text = text(fixture);
      assertThat(text).contains(heading);
      Reading reading = ReportReader.read(TextLines.of(text.replace(heading, misprint)));
      ObjectNode report = ImportedJson.of(reading);
      JsonNode expected = json("/reports/natural-resources-2024.json");

      assertThat(reading.unparsed()).as(fixture).isEmpty();
      assertThat(ImportedJson.missing(reading)).as(fixture).isEmpty();
      for (String part : new String[] {"activeDisclosure", "requests", "reviews"}) {
        assertThat(report.get(part)).as(fixture + " " + part).isEqualTo(expected.get(part));
      }
      assertThat(reading.notes())
          .as(fixture)
          .anySatisfy(
              note ->
                  assertThat(note)
                      .startsWith(
                          "the heading of Table "
                              + table
                              + " ("
                              + heading
                              + ") was not recognised: line ")
                      .contains("reads '" + misprint + "'"));
      assertThat(reading.overview()).as(fixture).doesNotContain(misprint);
      assertThat(report.at("/narrative/problems").textValue()).isEqualTo("部分栏目更新不够及时。下一步将加强栏目维护。");
    }
  }

  @Test
  void shouldNotTakeATotalWhenSectionOneStatesSeveral() {
    String text = text("/imports/tabs.txt").replace("其中政策文件48条", "其中政策文件48条。另通过政务新媒体主动公开信息 300 条");
    Reading reading = ReportReader.read(TextLines.of(text));

    assertThat(reading.publishedItemsTotal()).isNull();
    assertThat(reading.unparsed())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.pointer()).isEqualTo("/publishedItems/total");
              assertThat(u.reason()).contains("1260, 300");
            });
  }

  static Reading readText(String resource) {
    return ReportReader.read(TextLines.of(text(resource)));
  }

  static String text(String resource) {
    try (InputStream in = ReportReaderTest.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(String resource) {
    try {
      return JSON.readTree(text(resource));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
