package org.disclosurehub.rollup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.distinctCells2024;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.newAgencyCode;
import static org.disclosurehub.Fixtures.reportPath;
import static org.disclosurehub.Fixtures.zhongweiCivilAffairs2024;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disclosurehub.MovableClock;
import org.junit.jupiter.api.Test;

/**
 * {@code ?asOf=}: over four days (the service's clock moved by the test) agencies of 吉林市 (220200,
 * which no other test uses) file, correct, withdraw, register and move; every live answer is kept
 * as it was that day, and later the answer as of that day must equal it, cell for cell: the roll-up
 * of a district and of the city, the breakdown, reports.csv; the report's revision then; the
 * document. A day that is over is immutable (Cache-Control, ETag, 304); today is live; a later or
 * malformed day is a 400 problem.
 */
@QuarkusTest
class AsOfApiTest {
  private static final String CITY = "220200";
  private static final String CHANGYI = "220202";
  private static final String LONGTAN = "220203";
  private static final int YEAR = 2024;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final MovableClock clock = new MovableClock();

  /** What was answered live at the end of each day, by request. */
  private final Map<String, Map<String, String>> liveByDay = new LinkedHashMap<>();

  @Test
  void shouldAnswerWhatWasHeldAtTheEndOfADay() throws Exception {
    QuarkusMock.installMockForType(clock, Clock.class);
    String a = newAgencyCode("asof-a");
    String b = newAgencyCode("asof-b");
    String c = newAgencyCode("asof-c");

    clock.at("2025-01-10T10:00");
    register(a, "昌邑区甲局", CHANGYI);
    register(b, "昌邑区乙局", CHANGYI);
    file(a, naturalResources2024(), 201);
    keepLive("2025-01-10");

    clock.at("2025-01-11T23:59");
    file(a, distinctCells2024(), 200);
    file(b, zhongweiCivilAffairs2024(), 201);
    keepLive("2025-01-11");

    clock.at("2025-01-12T00:00"); // midnight in Beijing: the next day
    admin().delete(reportPath(b, YEAR)).then().statusCode(200);
    register(c, "龙潭区丙局", LONGTAN);
    file(c, naturalResources2024(), 201);
    keepLive("2025-01-12");

    clock.at("2025-01-13T09:00");
    admin()
        .contentType("application/merge-patch+json")
        .body(JSON.writeValueAsBytes(Map.of("divisionCode", LONGTAN, "name", "龙潭区甲局")))
        .patch("/api/v1/agencies/" + a)
        .then()
        .statusCode(200);
    keepLive("2025-01-13");

    clock.at("2025-01-20T12:00");
    // Today's data differs from every day kept: another correction.
    file(a, naturalResources2024(), 200);

    for (var day : liveByDay.entrySet()) {
      for (var request : day.getValue().entrySet()) {
        Response asOf = get(request.getKey(), day.getKey());
        assertThat(asOf.statusCode())
            .as(request.getKey() + " as of " + day.getKey())
            .isEqualTo(200);
        assertThat(comparable(request.getKey(), asOf.asString()))
            .as(request.getKey() + " as of " + day.getKey())
            .isEqualTo(comparable(request.getKey(), request.getValue()));
        assertThat(asOf.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        String tag = asOf.header("ETag");
        assertThat(tag).isNotBlank();
        given()
            .header("If-None-Match", tag)
            .get(request.getKey() + separator(request.getKey()) + "asOf=" + day.getKey())
            .then()
            .statusCode(304);
      }
    }

    // Before anyone in 龙潭区 was registered, and the numbers of the days themselves.
    given().get(rollup(LONGTAN) + "?asOf=2025-01-11").then().statusCode(404);
    JsonNode changyi10 = json(get(rollup(CHANGYI), "2025-01-10").asString());
    assertThat(changyi10.at("/completeness/reported").intValue()).isEqualTo(1);
    assertThat(changyi10.at("/completeness/expected").intValue()).isEqualTo(2);
    JsonNode changyi13 = json(get(rollup(CHANGYI), "2025-01-13").asString());
    assertThat(changyi13.at("/completeness/reported").intValue()).isZero();
    JsonNode longtan13 = json(get(rollup(LONGTAN), "2025-01-13").asString());
    assertThat(longtan13.at("/completeness/reported").intValue()).isEqualTo(2);
    assertThat(longtan13.at("/requests").toString())
        .isNotEqualTo(json(given().get(rollup(LONGTAN)).asString()).at("/requests").toString());

    // The report: the revision current then, 404 before, 410 once withdrawn.
    assertThat(get(reportPath(a, YEAR), "2025-01-10").jsonPath().getInt("revision")).isEqualTo(1);
    assertThat(get(reportPath(a, YEAR), "2025-01-11").jsonPath().getInt("revision")).isEqualTo(2);
    assertThat(get(reportPath(a, YEAR), "2025-01-19").jsonPath().getInt("revision")).isEqualTo(2);
    assertThat(get(reportPath(a, YEAR), "2025-01-20").jsonPath().getInt("revision")).isEqualTo(3);
    assertThat(get(reportPath(a, YEAR), "2025-01-20").header("Cache-Control"))
        .isEqualTo("public, no-cache");
    Response reportThen = get(reportPath(a, YEAR), "2025-01-10");
    assertThat(reportThen.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
    given()
        .header("If-None-Match", reportThen.header("ETag"))
        .get(reportPath(a, YEAR) + "?asOf=2025-01-10")
        .then()
        .statusCode(304);
    given().get(reportPath(a, YEAR) + "?asOf=2025-01-09").then().statusCode(404);
    given().get(reportPath(b, YEAR) + "?asOf=2025-01-10").then().statusCode(404);
    given().get(reportPath(b, YEAR) + "?asOf=2025-01-11").then().statusCode(200);
    given().get(reportPath(b, YEAR) + "?asOf=2025-01-12").then().statusCode(410);

    // The document as of a day: the agencies and names of then.
    String document =
        given()
            .accept("text/html")
            .get("/api/v1/regions/" + LONGTAN + "/annual-report/" + YEAR + "?asOf=2025-01-12")
            .then()
            .statusCode(200)
            .header("Cache-Control", "public, max-age=31536000, immutable")
            .extract()
            .asString();
    assertThat(document).contains("龙潭区丙局").doesNotContain("龙潭区甲局");
    given()
        .accept("text/html")
        .get("/api/v1/regions/" + LONGTAN + "/annual-report/" + YEAR + "?asOf=2025-01-13")
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.containsString("龙潭区甲局"));
    given()
        .get("/api/v1/regions/" + CITY + "/annual-report/" + YEAR + "?format=xlsx&asOf=2025-01-11")
        .then()
        .statusCode(200);

    // Today: as held so far, cached as a live read; a later day and a malformed one: 400.
    Response today = get(rollup(CITY), "2025-01-20");
    assertThat(today.header("Cache-Control")).isEqualTo("public, max-age=60");
    assertThat(comparable(rollup(CITY), today.asString()))
        .isEqualTo(comparable(rollup(CITY), given().get(rollup(CITY)).asString()));
    for (String bad : List.of("2025-01-21", "2025-13-01", "20250110", "yesterday")) {
      for (String path : List.of(rollup(CITY), reportPath(a, YEAR), "/api/v1/reports.csv")) {
        given()
            .get(path + "?asOf=" + bad)
            .then()
            .statusCode(400)
            .contentType("application/problem+json")
            .body("type", org.hamcrest.Matchers.endsWith("invalid-parameter"));
      }
    }
  }

  private void keepLive(String day) {
    Map<String, String> answers = new LinkedHashMap<>();
    for (String region : List.of(CHANGYI, LONGTAN, CITY)) {
      Response live = given().get(rollup(region));
      if (live.statusCode() == 200) {
        answers.put(rollup(region), live.asString());
        answers.put(
            rollup(region) + "/agencies",
            given().get(rollup(region) + "/agencies").then().statusCode(200).extract().asString());
      }
    }
    String csv = "/api/v1/reports.csv?division=" + CITY + "&year=" + YEAR;
    answers.put(csv, given().get(csv).then().statusCode(200).extract().asString());
    liveByDay.put(day, answers);
  }

  private static Response get(String path, String day) {
    return given().get(path + separator(path) + "asOf=" + day);
  }

  private static String separator(String path) {
    return path.contains("?") ? "&" : "?";
  }

  private static String rollup(String region) {
    return "/api/v1/regions/" + region + "/rollups/" + YEAR;
  }

  /**
   * The answer without the plausibility warnings, which are not kept over time (an as-of answer has
   * none): the roll-up's consistency, the breakdown's warnings column, the CSV's warnings column.
   */
  private static String comparable(String path, String body) throws Exception {
    if (path.contains("reports.csv")) {
      List<String> rows = new ArrayList<>();
      for (String line : body.lines().toList()) {
        List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
        cells.remove(12);
        rows.add(String.join(",", cells));
      }
      return String.join("\n", rows);
    }
    JsonNode json = json(body);
    if (json.has("consistency")) {
      ((ObjectNode) json).remove("consistency");
    }
    if (json.has("links")) {
      ((ObjectNode) json).remove("links"); // they carry the request's own asOf
    }
    if (json.has("items")) {
      for (JsonNode row : json.get("items")) {
        ((ObjectNode) row).remove("warnings");
      }
    }
    return json.toPrettyString();
  }

  private static JsonNode json(String body) throws Exception {
    return JSON.readTree(body);
  }

  private static void register(String code, String name, String division) {
    admin()
        .contentType("application/json")
        .body(Map.of("code", code, "name", name, "divisionCode", division, "activeFrom", 2024))
        .post("/api/v1/agencies")
        .then()
        .statusCode(201);
  }

  private static void file(String agency, ObjectNode report, int status) {
    admin()
        .contentType("application/json")
        .body(report.put("publishedOn", "2025-01-05").toString())
        .put(reportPath(agency, YEAR))
        .then()
        .statusCode(status);
  }
}
