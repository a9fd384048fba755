package org.disclosurehub.rollup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.newAgencyCode;
import static org.disclosurehub.Fixtures.reportPath;
import static org.disclosurehub.Fixtures.text;
import static org.disclosurehub.Fixtures.withOverview;
import static org.disclosurehub.rollup.AsOfRequests.file;
import static org.disclosurehub.rollup.AsOfRequests.rollup;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.disclosurehub.MovableClock;
import org.junit.jupiter.api.Test;

/**
 * The plausibility warnings as of a day (V17's plausibility_history), in 咸宁市 (421200, which no
 * other test uses): over three days a report's TEXT_REUSE appears because a neighbour copies it and
 * goes when the neighbour corrects, another's NARRATIVE_MISMATCH goes with its correction, and
 * today a third appears. Every live answer of a day (roll-ups, breakdowns, reports.csv, each
 * report's warnings, the document's count of open warnings) must equal the answer as of that day,
 * warnings included: a warning that appeared after the day is absent, one that went after it is
 * present.
 */
@QuarkusTest
class AsOfWarningsTest {
  private static final String CITY = "421200";
  private static final String XIANAN = "421202";
  private static final String JIAYU = "421221";
  private static final int YEAR = 2024;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern OPEN = Pattern.compile("待说明 (\\d+) 项");
  private final MovableClock clock = new MovableClock();
  private final Map<String, Map<String, String>> liveByDay = new LinkedHashMap<>();
  private final List<String> agencies = new ArrayList<>();

  @Test
  void shouldAnswerTheWarningsHeldAtTheEndOfADay() throws Exception {
    QuarkusMock.installMockForType(clock, Clock.class);
    String original = newAgencyCode("asofw-a");
    String copy = newAgencyCode("asofw-b");
    String mismatched = newAgencyCode("asofw-c");
    String narrative = text("/narratives/natural-resources-2024-rewritten.txt");

    clock.at("2025-01-10T10:00");
    register(original, "咸宁市咸安区住房和城乡建设局", XIANAN);
    register(copy, "嘉鱼县住房和城乡建设局", JIAYU);
    register(mismatched, "咸宁市咸安区自然资源局", XIANAN);
    file(original, withOverview(naturalResources2024(), narrative));
    file(mismatched, withOverview(naturalResources2024(), "全年共收到政府信息公开申请75件。"));
    keepLive("2025-01-10");

    clock.at("2025-01-11T10:00");
    // A report of another county copies the original: both now warn, the original through its
    // neighbour's filing.
    file(copy, withOverview(naturalResources2024(), narrative));
    keepLive("2025-01-11");

    clock.at("2025-01-12T10:00");
    file(copy, naturalResources2024());
    file(mismatched, naturalResources2024());
    keepLive("2025-01-12");

    clock.at("2025-01-20T12:00");
    // Today differs from every day kept: the original now states a wrong number.
    file(original, withOverview(naturalResources2024(), "全年共收到政府信息公开申请75件。"));

    for (var day : liveByDay.entrySet()) {
      for (var request : day.getValue().entrySet()) {
        assertThat(comparable(request.getKey(), asOf(request.getKey(), day.getKey())))
            .as(request.getKey() + " as of " + day.getKey())
            .isEqualTo(comparable(request.getKey(), request.getValue()));
      }
    }

    // Appeared after the day: absent as of it; went after the day: present as of it.
    assertThat(warnings(original, "2025-01-10")).isEmpty();
    assertThat(warnings(original, "2025-01-11")).containsExactly("TEXT_REUSE");
    assertThat(warnings(original, "2025-01-12")).isEmpty();
    assertThat(warnings(original, "2025-01-20")).containsExactly("NARRATIVE_MISMATCH");
    assertThat(warnings(mismatched, "2025-01-11")).containsExactly("NARRATIVE_MISMATCH");
    assertThat(warnings(mismatched, "2025-01-12")).isEmpty();
    assertThat(warned("2025-01-10")).isEqualTo(List.of(List.of(mismatched), List.of(), List.of()));
    assertThat(warned("2025-01-11"))
        .isEqualTo(List.of(List.of(mismatched), sorted(original, copy), List.of()));
    assertThat(warned("2025-01-12")).isEqualTo(List.of(List.of(), List.of(), List.of()));
    assertThat(openInDocument("2025-01-10")).isEqualTo(1);
    assertThat(openInDocument("2025-01-11")).isEqualTo(3);
    assertThat(openInDocument("2025-01-12")).isZero();
  }

  private void keepLive(String day) {
    Map<String, String> answers = new LinkedHashMap<>();
    for (String region : List.of(XIANAN, JIAYU, CITY)) {
      answers.put(rollup(region), ok(given().get(rollup(region))));
      answers.put(rollup(region) + "/agencies", ok(given().get(rollup(region) + "/agencies")));
    }
    String csv = "/api/v1/reports.csv?division=" + CITY + "&year=" + YEAR;
    answers.put(csv, ok(given().get(csv)));
    for (String agency : agencies) {
      Response report = given().get(reportPath(agency, YEAR));
      if (report.statusCode() == 200) {
        answers.put(reportPath(agency, YEAR), report.asString());
      }
    }
    String document = document(CITY, null);
    answers.put(documentPath(CITY), "open " + open(document));
    liveByDay.put(day, answers);
  }

  private static String ok(Response response) {
    assertThat(response.statusCode()).isEqualTo(200);
    return response.asString();
  }

  /** The answer as of a day (200); of the document, its count of open warnings. */
  private static String asOf(String path, String day) {
    if (path.equals(documentPath(CITY))) {
      return "open " + open(document(CITY, day));
    }
    return ok(given().get(path + (path.contains("?") ? "&" : "?") + "asOf=" + day));
  }

  private static String documentPath(String region) {
    return "/api/v1/regions/" + region + "/annual-report/" + YEAR;
  }

  private static String document(String region, String day) {
    return given()
        .accept("text/html")
        .get(documentPath(region) + (day == null ? "" : "?asOf=" + day))
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  private static int open(String document) {
    Matcher m = OPEN.matcher(document);
    assertThat(m.find()).as("the document's count of open warnings").isTrue();
    return Integer.parseInt(m.group(1));
  }

  private static int openInDocument(String day) {
    return open(document(CITY, day));
  }

  /** The rules of a report's plausibility warnings as of a day. */
  private static List<String> warnings(String agency, String day) throws Exception {
    List<String> rules = new ArrayList<>();
    for (JsonNode w : JSON.readTree(asOf(reportPath(agency, YEAR), day)).get("warnings")) {
      rules.add(w.get("rule").asText());
    }
    return rules;
  }

  /** Whose reports of the city had each plausibility warning as of a day, by rule. */
  private static List<List<String>> warned(String day) throws Exception {
    List<List<String>> whose = new ArrayList<>();
    for (JsonNode rule : JSON.readTree(asOf(rollup(CITY), day)).at("/consistency/warnings")) {
      List<String> codes = new ArrayList<>();
      rule.get("agencies").forEach(a -> codes.add(a.asText()));
      whose.add(codes);
    }
    return whose;
  }

  private static List<String> sorted(String... codes) {
    return java.util.Arrays.stream(codes).sorted().toList();
  }

  /** The answer less its links, which carry the request's own asOf. */
  private static String comparable(String path, String body) throws Exception {
    if (path.contains("reports.csv") || body.startsWith("open ")) {
      return body;
    }
    JsonNode json = JSON.readTree(body);
    if (json.has("links")) {
      ((ObjectNode) json).remove("links");
    }
    return json.toPrettyString();
  }

  private void register(String code, String name, String division) {
    agencies.add(code);
    AsOfRequests.registerAs(code, name, division);
  }
}
