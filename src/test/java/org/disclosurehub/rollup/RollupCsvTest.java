package org.disclosurehub.rollup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.disclosurehub.rollup.RollupFixture.Submitted;
import org.junit.jupiter.api.Test;

/** The CSV representations, parsed back and compared with the JSON and with the fixtures. */
@QuarkusTest
public class RollupCsvTest {
  private static final int YEAR = 2020;
  private static RollupFixture fixture;

  /** The fixture all tests of this class read, submitted by whichever test runs first. */
  private static synchronized RollupFixture fixture() {
    if (fixture == null) {
      fixture = RollupFixture.submit(YEAR);
    }
    return fixture;
  }

  @Test
  void shouldWriteTheRollupAsALongTableThatMatchesTheJson() {
    fixture();
    String url = "/api/v1/regions/640500/rollups/" + YEAR;
    JsonNode json = RollupTest.rollup(url);
    Response response = given().accept("text/csv").get(url);
    response.then().statusCode(200).contentType("text/csv");
    List<List<String>> rows = parse(response.asByteArray());

    // Keys in the header row, never a key and a label glued into one cell; the label is data.
    assertThat(rows.get(0)).containsExactly("section", "row", "column", "label", "value");
    int cells = 0;
    for (List<String> row : rows.subList(1, rows.size())) {
      String pointer =
          "/" + row.get(0) + "/" + row.get(1) + (row.get(2).isEmpty() ? "" : "/" + row.get(2));
      JsonNode value = json.at(pointer);
      assertThat(value.isMissingNode()).as(pointer).isFalse();
      assertThat(row.get(3)).as(pointer).isNotBlank();
      if (value.isNull()) {
        assertThat(row.get(4)).as(pointer).isEmpty();
      } else {
        BigDecimal expected =
            value.isTextual() ? new BigDecimal(value.textValue()) : value.decimalValue();
        assertThat(new BigDecimal(row.get(4))).as(pointer).isEqualByComparingTo(expected);
      }
      if (Arrays.asList(RollupFixture.SECTIONS).contains(row.get(0))) {
        cells++;
      }
    }
    assertThat(cells).isEqualTo(RollupFixture.cellCount());
    assertThat(rows)
        .anySatisfy(
            r ->
                assertThat(r)
                    .containsExactly(
                        "requests",
                        "newlyReceived",
                        "naturalPerson",
                        "一、本年新收政府信息公开申请数量 · 自然人",
                        json.at("/requests/newlyReceived/naturalPerson").asText()));
    assertThat(rows)
        .anySatisfy(
            r -> assertThat(r.subList(0, 3)).containsExactly("indicators", "disclosureRate", ""));

    // format=csv answers the same document whatever Accept says.
    assertThat(given().accept("application/json").get(url + "?format=csv").asByteArray())
        .isEqualTo(response.asByteArray());
    // labels=zh: the same rows under Chinese headings, for people opening it in Excel or WPS.
    List<List<String>> zh = parse(given().get(url + "?format=csv&labels=zh").asByteArray());
    assertThat(zh.get(0)).containsExactly("部分", "行", "列", "名称", "数值");
    assertThat(zh.subList(1, zh.size())).isEqualTo(rows.subList(1, rows.size()));
  }

  @Test
  void shouldWriteTheAgenciesAsAWideTableThatMatchesTheJson() {
    fixture();
    String url = "/api/v1/regions/640000/rollups/" + YEAR + "/agencies";
    JsonNode page = RollupTest.rollup(url + "?size=500&sort=name");
    List<List<String>> rows = parse(given().get(url + "?format=csv&sort=name").asByteArray());

    // The header row is the JSON keys, each cell one key that the JSON items have.
    List<String> header = rows.get(0);
    assertThat(header.get(0)).isEqualTo("code");
    assertThat(header).allSatisfy(h -> assertThat(h).matches("[a-zA-Z0-9]+"));
    assertThat(rows).hasSize(page.get("total").intValue() + 1);
    for (int i = 0; i < page.get("items").size(); i++) {
      JsonNode item = page.get("items").get(i);
      List<String> row = rows.get(i + 1);
      for (int c = 0; c < header.size(); c++) {
        String key = header.get(c);
        JsonNode value = item.get(key);
        assertThat(value).as(key).isNotNull();
        assertThat(row.get(c)).as(key).isEqualTo(value.isNull() ? "" : value.asText());
      }
    }
  }

  @Test
  void shouldHeadTheAgenciesWithChineseLabelsWhenAsked() {
    fixture();
    String url = "/api/v1/regions/640000/rollups/" + YEAR + "/agencies?format=csv&sort=name";
    List<List<String>> keyed = parse(given().get(url).asByteArray());
    List<List<String>> zh = parse(given().get(url + "&labels=zh").asByteArray());
    assertThat(zh.get(0)).hasSameSizeAs(keyed.get(0));
    assertThat(zh.get(0).subList(0, 4)).containsExactly("机关代码", "机关名称", "行政区划代码", "行政区划名称");
    assertThat(zh.get(0)).allSatisfy(h -> assertThat(h).doesNotMatch("^[a-zA-Z]+ .*"));
    assertThat(zh.subList(1, zh.size())).isEqualTo(keyed.subList(1, keyed.size()));
    given()
        .get(url + "&labels=en")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/invalid-parameter"))
        .body("errors[0].pointer", equalTo("labels"));
  }

  @Test
  void shouldStreamOneRowPerCurrentReportWithItsFactsThenEveryCell() {
    List<Submitted> city = fixture().within("640500", "640599");
    Response response = given().get("/api/v1/reports.csv?year=" + YEAR + "&division=640500");
    response
        .then()
        .statusCode(200)
        .contentType("text/csv")
        .header("ETag", org.hamcrest.Matchers.notNullValue())
        .header("Cache-Control", "public, max-age=60");
    List<List<String>> rows = parse(response.asByteArray());
    List<String> pointers =
        given().get("/api/v1/report-layout").then().extract().jsonPath().getList("cells.pointer");
    List<String> labels =
        given().get("/api/v1/report-layout").then().extract().jsonPath().getList("cells.label");
    List<String> formats =
        given().get("/api/v1/report-layout").then().extract().jsonPath().getList("cells.format");

    // Keys by default: a machine reads the header without splitting it.
    List<String> header = rows.get(0);
    assertThat(header.subList(0, 13))
        .containsExactly(
            "agency",
            "agencyName",
            "division",
            "province",
            "city",
            "county",
            "year",
            "formatVersion",
            "revision",
            "publishedOn",
            "late",
            "violationCount",
            "warnings");
    // Then the cells, then the year's roster (last, so that the cells keep their places).
    int cellsEnd = header.size() - 3;
    assertThat(header.subList(13, cellsEnd)).isEqualTo(pointers);
    assertThat(header.subList(cellsEnd, header.size()))
        .containsExactly("expected", "rosterCause", "mergedInto");

    Map<String, Submitted> byCode = new HashMap<>();
    city.forEach(r -> byCode.put(r.code(), r));
    assertThat(rows).hasSize(city.size() + 1);
    for (List<String> row : rows.subList(1, rows.size())) {
      Submitted report = byCode.get(row.get(0));
      assertThat(report).as(row.get(0)).isNotNull();
      assertThat(row).hasSize(header.size());
      assertThat(row.get(1)).isEqualTo("测试机关 " + report.code());
      assertThat(row.get(2)).isEqualTo(report.division());
      assertThat(row.get(3)).isEqualTo("宁夏回族自治区");
      assertThat(row.get(4)).isEqualTo("中卫市");
      assertThat(row.get(5))
          .isEqualTo(
              switch (report.division()) {
                case "640502" -> "沙坡头区";
                case "640521" -> "中宁县";
                case "640522" -> "海原县";
                default -> "";
              });
      assertThat(row.get(6)).isEqualTo(Integer.toString(YEAR));
      assertThat(row.get(7)).isEqualTo("2021");
      assertThat(row.get(8)).isEqualTo("1");
      assertThat(row.get(9)).isEqualTo(report.report().path("publishedOn").asText(""));
      assertThat(row.get(10)).isEqualTo(Boolean.toString(report.late()));
      // The count its report's own answer gives, which for an inconsistent one is not 0.
      int violations =
          given()
              .get("/api/v1/agencies/" + report.code() + "/reports/" + YEAR)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getInt("violations.size()");
      assertThat(violations > 0)
          .as(report.code() + " inconsistent")
          .isEqualTo(report.inconsistent());
      assertThat(row.get(11)).as("violationCount").isEqualTo(Integer.toString(violations));
      assertThat(row.get(12)).as("no plausibility warning").isEmpty();
      assertThat(row.subList(cellsEnd, header.size()))
          .as("on the roster by its active years, no roster change")
          .containsExactly("true", "", "");
      for (int c = 13; c < cellsEnd; c++) {
        if (header.get(c).startsWith("/activeDisclosure2019/")) {
          assertThat(row.get(c)).as("a 2021 report leaves the 2019 Table 二 empty").isEmpty();
          continue;
        }
        JsonNode value = report.report().at(header.get(c));
        if (value.isMissingNode()) {
          continue; // a total the fixture leaves to the service
        }
        BigDecimal expected =
            value.isTextual() ? new BigDecimal(value.textValue()) : value.decimalValue();
        assertThat(new BigDecimal(row.get(c))).as(header.get(c)).isEqualByComparingTo(expected);
      }
    }

    // labels=zh: the same rows under the Chinese labels of the report layout, its own ETag.
    Response chinese =
        given().get("/api/v1/reports.csv?year=" + YEAR + "&division=640500&labels=zh");
    List<List<String>> zh = parse(chinese.asByteArray());
    assertThat(zh.get(0).subList(0, 3)).containsExactly("机关代码", "机关名称", "行政区划代码");
    // The 2019 Table 二 is marked as such; its 采购总金额 is in 万元 as stored.
    List<String> expectedLabels = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      expectedLabels.add(
          formats.get(i).equals("2019")
              ? "2019试行格式 " + labels.get(i).replace("（元或万元，见 unit）", "（万元）")
              : labels.get(i));
    }
    assertThat(zh.get(0).subList(13, cellsEnd)).isEqualTo(expectedLabels);
    assertThat(zh.get(0).subList(cellsEnd, header.size()))
        .containsExactly("是否应报", "名单调整原因", "并入机关代码");
    assertThat(zh.subList(1, zh.size())).isEqualTo(rows.subList(1, rows.size()));
    assertThat(chinese.header("ETag")).isNotEqualTo(response.header("ETag"));
    given()
        .header("If-None-Match", response.header("ETag"))
        .get("/api/v1/reports.csv?year=" + YEAR + "&division=640500")
        .then()
        .statusCode(304);
    given()
        .get("/api/v1/reports.csv?labels=en")
        .then()
        .statusCode(400)
        .body("type", equalTo("/problems/invalid-parameter"));
    given()
        .get("/api/v1/reports.csv?division=999999")
        .then()
        .statusCode(404)
        .body("type", equalTo("/problems/not-found"));
  }

  @Test
  void shouldWriteTheTrendAsOneRowPerYear() {
    fixture();
    String url = "/api/v1/regions/640500/rollups?from=" + (YEAR - 1) + "&to=" + YEAR;
    JsonNode trend = RollupTest.rollup(url);
    List<List<String>> rows = parse(given().accept("text/csv").get(url).asByteArray());

    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).subList(0, 3)).containsExactly("year", "expected", "reported");
    assertThat(parse(given().get(url + "&format=csv&labels=zh").asByteArray()).get(0).subList(0, 3))
        .containsExactly("年度", "应报机关数", "已报数");
    for (int y = 0; y < 2; y++) {
      JsonNode year = trend.get("years").get(y);
      List<String> row = rows.get(y + 1);
      assertThat(row.get(0)).isEqualTo(year.get("year").asText());
      assertThat(row.get(2)).isEqualTo(year.get("reported").asText());
      if (year.get("reported").intValue() == 0) {
        // No report that year: no sums, an empty cell rather than 0.
        assertThat(year.get("newlyReceived").isNull()).isTrue();
        assertThat(row.get(5)).isEmpty();
        assertThat(row.get(13)).isEmpty();
      } else {
        assertThat(row.get(5)).isEqualTo(year.get("newlyReceived").asText());
        assertThat(new BigDecimal(row.get(13)))
            .isEqualByComparingTo(year.get("feesAmount").textValue());
      }
    }
    assertThat(trend.at("/years/1/reported").intValue())
        .isEqualTo(fixture().within("640500", "640599").size());
  }

  @Test
  void shouldAnswerErrorsAsProblemsEvenWhenCsvIsAsked() {
    given()
        .accept("text/csv")
        .get("/api/v1/regions/103456/rollups/" + YEAR)
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/not-found"));
    given()
        .get("/api/v1/regions/640500/rollups/" + YEAR + "?format=xlsx")
        .then()
        .statusCode(400)
        .body("type", equalTo("/problems/invalid-parameter"))
        .body("errors[0].pointer", equalTo("format"));
  }

  /** RFC 4180, after checking the UTF-8 byte-order mark. */
  public static List<List<String>> parse(byte[] body) {
    assertThat(Arrays.copyOf(body, 3))
        .as("UTF-8 byte-order mark")
        .containsExactly(0xEF - 256, 0xBB - 256, 0xBF - 256);
    String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\r') {
        continue;
      } else if (c == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    return rows;
  }
}
