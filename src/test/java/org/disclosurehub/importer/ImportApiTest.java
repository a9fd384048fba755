package org.disclosurehub.importer;

import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.disclosurehub.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class ImportApiTest {
  private static final String IMPORTS = "/api/v1/imports";
  private static final String TEXT = "text/plain; charset=utf-8";

  @Test
  void shouldImportTheSeedCellForCell() throws Exception {
    String seed = Fixtures.text("/reports/zhongwei-civil-affairs-2024.txt");

    JsonNode answer =
        importText(seed, TEXT, "").then().statusCode(200).extract().as(JsonNode.class);

    JsonNode expected = Fixtures.zhongweiCivilAffairs2024();
    JsonNode report = answer.get("report");
    assertThat(report.get("activeDisclosure")).isEqualTo(expected.get("activeDisclosure"));
    assertThat(report.get("requests")).isEqualTo(expected.get("requests"));
    assertThat(report.get("reviews")).isEqualTo(expected.get("reviews"));
    assertThat(report.get("publishedItems")).isEqualTo(expected.get("publishedItems"));
    assertThat(report.get("formatVersion").textValue()).isEqualTo("2021");
    assertThat(report.at("/narrative/overview").textValue()).startsWith("2024 年，中卫市民政局");
    assertThat(answer.get("formatVersion").textValue()).isEqualTo("2021");
    assertThat(answer.get("year").intValue()).isEqualTo(2024);
    assertThat(answer.get("partial").booleanValue()).isFalse();
    assertThat(answer.get("violations")).isEmpty();
    assertThat(answer.get("unparsed")).isEmpty();
    assertThat(answer.get("missing")).isEmpty();
    assertThat(answer.at("/provenance/~1activeDisclosure~1licensing").intValue()).isEqualTo(43);
    assertThat(answer.at("/provenance/~1publishedItems~1total").intValue()).isEqualTo(15);
    assertThat(answer.has("stored")).isFalse();
  }

  @Test
  void shouldImportAnHtmlPageFromItsTables() {
    String html = Fixtures.text("/imports/report.html");

    JsonNode answer =
        importText(html, "text/html; charset=utf-8", "")
            .then()
            .statusCode(200)
            .extract()
            .as(JsonNode.class);

    JsonNode expected = Fixtures.naturalResources2024();
    assertThat(answer.get("report").get("activeDisclosure"))
        .isEqualTo(expected.get("activeDisclosure"));
    assertThat(answer.get("report").get("requests")).isEqualTo(expected.get("requests"));
    assertThat(answer.get("report").get("reviews")).isEqualTo(expected.get("reviews"));
    assertThat(answer.at("/report/publishedOn").textValue()).isEqualTo("2025-01-20");
    assertThat(answer.at("/report/publishedItems/total").intValue()).isEqualTo(1260);
    assertThat(answer.get("partial").booleanValue()).isFalse();
    assertThat(answer.get("violations")).isEmpty();
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
        "navigation.txt"
      })
  void shouldImportEveryPublishedLayoutCellForCell(String fixture) {
    JsonNode answer =
        importText(Fixtures.text("/imports/" + fixture), TEXT, "")
            .then()
            .statusCode(200)
            .extract()
            .as(JsonNode.class);

    JsonNode expected = Fixtures.naturalResources2024();
    for (String table : new String[] {"activeDisclosure", "requests", "reviews"}) {
      assertThat(answer.get("report").get(table)).as(table).isEqualTo(expected.get(table));
    }
    assertThat(answer.at("/report/publishedItems/total").intValue()).isEqualTo(1260);
    assertThat(answer.get("year").intValue()).isEqualTo(2024);
    assertThat(answer.get("partial").booleanValue()).isFalse();
    assertThat(answer.get("violations")).isEmpty();
  }

  @Test
  void shouldReportABrokenIdentityAsAViolationWithoutBlockingTheImport() {
    String text = Fixtures.text("/imports/identity-error.txt");

    importText(text, TEXT, "")
        .then()
        .statusCode(200)
        .body("partial", equalTo(false))
        .body("violations.size()", equalTo(2))
        .body("violations[0].rule", equalTo("BALANCE"))
        .body("violations[0].path", equalTo("/requests/carriedForward/naturalPerson"))
        .body("violations[0].expected", equalTo("6"))
        .body("violations[0].actual", equalTo("7"))
        .body("violations[1].rule", equalTo("BALANCE"))
        .body("violations[1].path", equalTo("/requests/carriedForward/total"));
  }

  @Test
  void shouldStoreAnImportAsPublishedAndServeItsSourceBack() throws Exception {
    String agency = registerAgency("320581");
    byte[] text = Fixtures.text("/imports/identity-error.txt").getBytes(StandardCharsets.UTF_8);

    JsonNode answer =
        admin()
            .contentType(TEXT)
            .body(text)
            .post(IMPORTS + "?store=true&agency=" + agency)
            .then()
            .statusCode(200)
            .body("stored.agency", equalTo(agency))
            .body("stored.year", equalTo(2024))
            .body("stored.revision", equalTo(1))
            .body("stored.violations.size()", equalTo(2))
            .extract()
            .as(JsonNode.class);

    JsonNode revision =
        given()
            .get(reportPath(agency, 2024) + "/revisions/1")
            .then()
            .statusCode(200)
            .extract()
            .as(JsonNode.class);
    assertThat(revision.get("report")).isEqualTo(answer.get("report"));
    assertThat(revision.at("/violations/0/rule").textValue()).isEqualTo("BALANCE");
    given()
        .get(reportPath(agency, 2024) + "/revisions")
        .then()
        .statusCode(200)
        .body("[0].imported", equalTo(true));
    Response source = given().get(reportPath(agency, 2024) + "/revisions/1/source");
    source.then().statusCode(200).contentType(startsWith("text/plain"));
    assertThat(source.asByteArray()).isEqualTo(text);
  }

  @Test
  void shouldStoreAnHtmlImportUnderTheYearGivenAndKeepItsMediaType() {
    String agency = registerAgency("320582");
    String html = Fixtures.text("/imports/report.html");

    admin()
        .contentType("text/html; charset=utf-8")
        .body(html.getBytes(StandardCharsets.UTF_8))
        .post(IMPORTS + "?store=true&agency=" + agency + "&year=2023")
        .then()
        .statusCode(200)
        .body("year", equalTo(2023))
        .body("stored.year", equalTo(2023))
        .body("notes", hasItem(containsString("the year parameter 2023 is used")));

    given()
        .get(reportPath(agency, 2023) + "/revisions/1/source")
        .then()
        .statusCode(200)
        .contentType(startsWith("text/html"))
        .body(containsString("<td rowspan=\"22\">三、本年度办理结果</td>"));
  }

  @Test
  void shouldRefuseToStoreAPartialImportAndNameEveryCellNotRead() {
    String agency = registerAgency("320583");

    importText(Fixtures.text("/imports/trial-2019.txt"), TEXT, "?store=true&agency=" + agency)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/import-incomplete"))
        .body("title", equalTo("Import is incomplete"))
        // The fixture prints 采购总金额 without its unit (元 or 万元), which is not guessed.
        .body("detail", startsWith("1 cell(s) of Tables 二, 三, 四 could not be read"))
        .body("errors.size()", equalTo(1))
        .body("errors[0].pointer", equalTo("/activeDisclosure2019/procurement/unit"))
        .body(
            "errors[0].message", containsString("the unit of 采购总金额 (元 or 万元) is printed neither"));

    given().get(reportPath(agency, 2019)).then().statusCode(404);
  }

  @Test
  void shouldImportThe2019TrialFormatAsPartial() {
    importText(Fixtures.text("/imports/trial-2019.txt"), TEXT, "")
        .then()
        .statusCode(200)
        .body("formatVersion", equalTo("2019"))
        .body("year", equalTo(2019))
        .body("partial", equalTo(true))
        .body("report.requests.outcomes.otherHandling.other.total", equalTo(2))
        .body("report.activeDisclosure2019.licensing.decisions", equalTo(1342))
        .body("unparsed.size()", equalTo(1))
        .body("missing", equalTo(List.of("/activeDisclosure2019/procurement/unit")))
        .body("violations.size()", equalTo(0));
  }

  @Test
  void shouldCheckTheTablesReadInFullOfAPartialImport() {
    String text =
        Fixtures.text("/imports/trial-2019.txt")
            .replace("四、结转下年度继续办理\t\t6\t1", "四、结转下年度继续办理\t\t5\t1")
            .replace(
                "3\t1\t0\t1\t5\t2\t0\t1\t1\t4\t1\t0\t0\t0\t1",
                "3\t1\t0\t1\t5\t2\t0\t1\t1\t4\t1\t0\t0\t0\t2");

    importText(text, TEXT, "")
        .then()
        .statusCode(200)
        .body("partial", equalTo(true))
        .body("violations.rule", equalTo(List.of("ROW_TOTAL", "BALANCE", "REVIEW_TOTAL")))
        .body(
            "violations.path",
            equalTo(
                List.of(
                    "/requests/carriedForward/total",
                    "/requests/carriedForward/naturalPerson",
                    "/reviews/litigationAfterReview/total")));
  }

  @Test
  void shouldServeNoSourceForARevisionSubmittedAsJson() {
    String agency = registerAgency("320508");
    admin()
        .contentType("application/json")
        .body(Fixtures.naturalResources2024().toString())
        .put(reportPath(agency, 2024))
        .then()
        .statusCode(201);

    given()
        .get(reportPath(agency, 2024) + "/revisions/1/source")
        .then()
        .statusCode(404)
        .body("type", equalTo("/problems/not-found"))
        .body("detail", containsString("submitted as JSON, not imported"));
    given()
        .get(reportPath(agency, 2024) + "/revisions/2/source")
        .then()
        .statusCode(404)
        .body("detail", containsString("has no revision 2"));
  }

  @Test
  void shouldAnswer422ForATextThatIsNoReport() {
    importText("会议通知\n定于明天上午九点召开全体会议。\n", TEXT, "")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/not-a-report"))
        .body("title", equalTo("Not an annual report"))
        .body("detail", containsString("三、收到和处理政府信息公开申请情况"))
        .body("instance", equalTo(IMPORTS));
    importText("", TEXT, "").then().statusCode(422).body("type", equalTo("/problems/not-a-report"));
  }

  @Test
  void shouldRequireAnAgencyToStore() {
    importText(Fixtures.text("/imports/tabs.txt"), TEXT, "?store=true")
        .then()
        .statusCode(400)
        .body("type", equalTo("/problems/invalid-parameter"))
        .body("errors[0].pointer", equalTo("agency"))
        .body("errors[0].message", equalTo("is required with store=true"));
    importText(Fixtures.text("/imports/tabs.txt"), TEXT, "?year=twenty")
        .then()
        .statusCode(400)
        .body("type", equalTo("/problems/invalid-parameter"))
        .body("errors[0].pointer", equalTo("year"))
        .body("errors[0].message", equalTo("must be a whole number"));
    importText(Fixtures.text("/imports/tabs.txt"), TEXT, "?agency=no-such-agency")
        .then()
        .statusCode(404)
        .body("type", equalTo("/problems/not-found"));
  }

  @Test
  void shouldRefuseOtherMediaTypesAndUnknownCharsets() {
    admin()
        .contentType("application/json")
        .body("{}")
        .post(IMPORTS)
        .then()
        .statusCode(415)
        .body("type", equalTo("/problems/unsupported-media-type"));
    importText("x", "text/plain; charset=no-such-charset", "")
        .then()
        .statusCode(415)
        .body("detail", containsString("no-such-charset"));
  }

  @Test
  void shouldReadAGbkEncodedPage() {
    byte[] gbk =
        Fixtures.text("/imports/tabs.txt").getBytes(java.nio.charset.Charset.forName("GBK"));

    admin()
        .contentType("text/plain; charset=GBK")
        .body(gbk)
        .post(IMPORTS)
        .then()
        .statusCode(200)
        .body("partial", equalTo(false))
        .body("report.activeDisclosure.licensing", equalTo(1342));
  }

  @Test
  void shouldReadAGbkPageSentWithoutACharsetByItsMetaCharset() {
    byte[] gbk =
        Fixtures.text("/imports/report.html")
            .replace("<meta charset=\"utf-8\">", "<meta charset=\"gbk\">")
            .getBytes(java.nio.charset.Charset.forName("GBK"));

    admin()
        .config(
            RestAssured.config()
                .encoderConfig(
                    EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
        .contentType("text/html")
        .body(gbk)
        .post(IMPORTS)
        .then()
        .statusCode(200)
        .body("partial", equalTo(false))
        .body("report.requests.outcomes.total.total", equalTo(102));
  }

  @Test
  void shouldReadTheSeedInGb18030SentWithoutACharset() {
    byte[] gb = seedWithAGbkOnlyCharacter().getBytes(Decoding.GB18030);

    JsonNode answer = importWithoutCharset("text/plain", gb);

    assertSeed(answer);
    assertThat(answer.get("notes").get(0).textValue())
        .isEqualTo(
            "read as GB18030 (the body has no charset and is not valid UTF-8, which was tried"
                + " first)");
  }

  @Test
  void shouldReadAnHtmlPageByItsMetaCharsetGb2312AsGb18030() {
    String page =
        "<!DOCTYPE html>\n<html><head><meta charset=\"gb2312\"><title>中卫市民政局</title></head>\n"
            + "<body>\n"
            + asHtml(seedWithAGbkOnlyCharacter())
            + "</body></html>\n";

    JsonNode answer = importWithoutCharset("text/html", page.getBytes(Decoding.GB18030));

    assertSeed(answer);
    assertThat(answer.get("notes").get(0).textValue())
        .isEqualTo("read as GB18030 (the page's <meta> says charset=gb2312)");
  }

  @Test
  void shouldDecodeEveryLabelOfTheGbFamilyAsGb18030AndSkipAByteOrderMark() {
    byte[] gb = seedWithAGbkOnlyCharacter().getBytes(Decoding.GB18030);
    for (String charset : List.of("gb2312", "GBK", "gb18030")) {
      assertSeed(
          admin()
              .contentType("text/plain; charset=" + charset)
              .body(gb)
              .post(IMPORTS)
              .then()
              .statusCode(200)
              .extract()
              .as(JsonNode.class));
    }
    byte[] utf8 = Fixtures.text("/reports/zhongwei-civil-affairs-2024.txt").getBytes(UTF_8);
    byte[] withBom = new byte[utf8.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(utf8, 0, withBom, 3, utf8.length);
    importWithoutCharset("text/plain", withBom);
  }

  @Test
  void shouldSayWhichEncodingsWereTriedWhenNothingReadsAsAReport() {
    byte[] gb =
        Fixtures.text("/reports/zhongwei-civil-affairs-2024.txt").getBytes(Decoding.GB18030);
    admin()
        .contentType("text/plain; charset=utf-8")
        .body(gb)
        .post(IMPORTS)
        .then()
        .statusCode(422)
        .body("type", equalTo("/problems/not-a-report"))
        .body(
            "detail",
            containsString("It was read as UTF-8 (the Content-Type says charset=utf-8); "))
        .body("detail", containsString("byte sequence(s) were not valid UTF-8"));

    byte[] noise = new byte[4000];
    new Random(7).nextBytes(noise);
    admin()
        .config(withoutDefaultCharset())
        .contentType("text/plain")
        .body(noise)
        .post(IMPORTS)
        .then()
        .statusCode(422)
        .body("type", equalTo("/problems/not-a-report"))
        .body(
            "detail",
            containsString(
                "It was read as GB18030 (the body has no charset and is not valid UTF-8, which"
                    + " was tried first)"));
  }

  /** The seed with 喆 (in GBK and GB18030, not in GB2312) in section 一's prose. */
  private static String seedWithAGbkOnlyCharacter() {
    String seed = Fixtures.text("/reports/zhongwei-civil-affairs-2024.txt");
    assertThat(seed).contains("2024 年，中卫市民政局");
    return seed.replace("2024 年，中卫市民政局", "2024 年，中卫市民政局（局长王喆）");
  }

  private static void assertSeed(JsonNode answer) {
    JsonNode expected = Fixtures.zhongweiCivilAffairs2024();
    for (String table : new String[] {"activeDisclosure", "requests", "reviews"}) {
      assertThat(answer.get("report").get(table)).as(table).isEqualTo(expected.get(table));
    }
    assertThat(answer.get("partial").booleanValue()).isFalse();
    assertThat(answer.at("/report/narrative/overview").textValue()).contains("局长王喆");
  }

  /** A text as a page: prose lines as paragraphs, each run of tab-separated lines as a table. */
  private static String asHtml(String text) {
    StringBuilder html = new StringBuilder();
    boolean inTable = false;
    for (String line : text.split("\n")) {
      boolean row = line.contains("\t");
      if (row && !inTable) {
        html.append("<table border=\"1\">\n");
      } else if (!row && inTable) {
        html.append("</table>\n");
      }
      inTable = row;
      if (row) {
        html.append("<tr>");
        for (String cell : line.split("\t", -1)) {
          html.append("<td>").append(cell.replace("<", "&lt;")).append("</td>");
        }
        html.append("</tr>\n");
      } else if (!line.isBlank()) {
        html.append("<p>").append(line.replace("<", "&lt;")).append("</p>\n");
      }
    }
    return html.append(inTable ? "</table>\n" : "").toString();
  }

  private static JsonNode importWithoutCharset(String mediaType, byte[] body) {
    return admin()
        .config(withoutDefaultCharset())
        .contentType(mediaType)
        .body(body)
        .post(IMPORTS)
        .then()
        .statusCode(200)
        .extract()
        .as(JsonNode.class);
  }

  private static RestAssuredConfig withoutDefaultCharset() {
    return RestAssured.config()
        .encoderConfig(
            EncoderConfig.encoderConfig()
                .appendDefaultContentCharsetToContentTypeIfUndefined(false));
  }

  @Test
  void shouldRefuseABodyOverFiveMegabytesExactly() {
    byte[] tooLarge = new byte[5_000_001];
    java.util.Arrays.fill(tooLarge, (byte) 'a');
    admin()
        .contentType(TEXT)
        .body(tooLarge)
        .post(IMPORTS)
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/payload-too-large"))
        .body("detail", equalTo("The body has 5000001 bytes; at most 5000000 are accepted"));

    byte[] largest = java.util.Arrays.copyOf(tooLarge, 5_000_000);
    admin()
        .contentType(TEXT)
        .body(largest)
        .post(IMPORTS)
        .then()
        .time(lessThan(20_000L))
        .statusCode(422)
        .body("type", equalTo("/problems/not-a-report"));
  }

  @Test
  void shouldReadAHugeReportInTime() {
    String seed = Fixtures.text("/reports/zhongwei-civil-affairs-2024.txt");
    StringBuilder text = new StringBuilder(seed);
    String noise = "网站导航 首页 政务公开 互动交流 办事服务 2023年政府信息公开工作年度报告 12 34 56\n";
    while (text.length() * 3 + noise.length() * 3 < 4_900_000) {
      text.insert(0, noise);
    }

    importText(text.toString(), TEXT, "")
        .then()
        .time(lessThan(20_000L))
        .statusCode(200)
        .body("partial", equalTo(false))
        .body("year", equalTo(2024))
        .body("report.activeDisclosure.licensing", equalTo(11));
  }

  @Test
  void shouldNeverFailOnTruncatedShuffledOrRandomInput() {
    String seed = Fixtures.text("/imports/tabs.txt");
    Random random = new Random(4);
    List<String> inputs = new ArrayList<>();
    for (int cut : new int[] {1, 200, 900, 1500, 2200, seed.length() - 200}) {
      inputs.add(seed.substring(0, Math.min(cut, seed.length())));
    }
    List<String> lines = new ArrayList<>(List.of(seed.split("\n")));
    Collections.shuffle(lines, random);
    inputs.add(String.join("\n", lines));
    byte[] bytes = new byte[20_000];
    random.nextBytes(bytes);
    inputs.add(new String(bytes, StandardCharsets.ISO_8859_1));

    for (String input : inputs) {
      Response response = importText(input, TEXT, "");
      assertThat(response.statusCode()).as(input).isIn(200, 422);
      if (response.statusCode() == 422) {
        assertThat(response.jsonPath().getString("type")).isEqualTo("/problems/not-a-report");
      } else {
        boolean partial = response.jsonPath().getBoolean("partial");
        int missing = response.jsonPath().getList("missing").size();
        assertThat(partial || missing == 0).isTrue();
      }
    }
    admin()
        .contentType("text/html")
        .body(bytes)
        .post(IMPORTS)
        .then()
        .statusCode(422)
        .body("type", equalTo("/problems/not-a-report"));
  }

  private static Response importText(String text, String contentType, String query) {
    return admin()
        .contentType(contentType)
        .body(text.getBytes(StandardCharsets.UTF_8))
        .post(IMPORTS + query);
  }
}
