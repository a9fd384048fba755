package org.disclosurehub.rollup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.reportPath;
import static org.disclosurehub.Fixtures.text;
import static org.disclosurehub.Fixtures.withOverview;
import static org.disclosurehub.rollup.AsOfRequests.YEAR;
import static org.disclosurehub.rollup.AsOfRequests.file;
import static org.disclosurehub.rollup.AsOfRequests.register;
import static org.disclosurehub.rollup.AsOfRequests.rollup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.disclosurehub.MovableClock;
import org.disclosurehub.system.CheckThresholds;
import org.disclosurehub.system.HubConfig;
import org.junit.jupiter.api.Test;

/**
 * What an as-of answer is judged by: the review entries written up to the day (a warning explained
 * after it is still open as of it, which makes the day "changed" for the region, AsOfChanges), and
 * the TEXT_REUSE thresholds in force on the day (CheckThresholds), not today's. 双鸭山市 (230500) and
 * 鹤岗市 (230400), which no other test uses.
 */
@QuarkusTest
class AsOfJudgedThenTest {
  private static final String JIANSHAN = "230502"; // 双鸭山市尖山区
  private static final String HEGANG = "230400";
  private static final List<String> HEGANG_COUNTIES = List.of("230402", "230403");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private final MovableClock clock = new MovableClock();

  @Inject CheckThresholds thresholds;
  @Inject HubConfig config;

  @Test
  void shouldShowAWarningExplainedAfterTheDayAsOpenAsOfIt() throws Exception {
    QuarkusMock.installMockForType(clock, Clock.class);
    clock.at("2025-05-10T10:00");
    String mismatched = register("asof-then", "尖山区不符局", JIANSHAN);
    file(mismatched, withOverview(naturalResources2024(), "全年共收到政府信息公开申请75件。"));
    String kept = comparable(given().get(rollup(JIANSHAN)).then().statusCode(200).extract());
    assertThat(explained(kept)).isEmpty();
    assertThat(warned(kept)).contains(mismatched);

    // After the day, the only change to the region: the warning explained (review_entry).
    clock.at("2025-05-12T10:00");
    AsOfFastPathTest.explainWarnings(mismatched);

    String today = comparable(given().get(rollup(JIANSHAN)).then().statusCode(200).extract());
    assertThat(explained(today)).contains(mismatched);
    String asOf =
        comparable(
            given().get(rollup(JIANSHAN) + "?asOf=2025-05-10").then().statusCode(200).extract());
    assertThat(asOf).isEqualTo(kept);
  }

  @Test
  void shouldJudgeTextReuseByTheThresholdsInForceOnTheDay() throws Exception {
    QuarkusMock.installMockForType(clock, Clock.class);
    String narrative = text("/narratives/natural-resources-2024-rewritten.txt");
    clock.at("2025-06-09T10:00");
    String original = register("asof-then", "向阳区住房和城乡建设局", HEGANG_COUNTIES.get(0));
    String copy = register("asof-then", "工农区住房和城乡建设局", HEGANG_COUNTIES.get(1));
    file(original, withOverview(naturalResources2024(), narrative));
    file(copy, withOverview(naturalResources2024(), narrative));
    List<String> both = List.of(original, copy).stream().sorted().toList();

    // A deploy on 2025-06-10 raised the same-city threshold to 1 (a full copy is no longer a
    // warning); the next day's put the configuration back. What each start records.
    HubConfig.Checks now = config.checks();
    thresholds.record(
        new CheckThresholds.Reuse(now.previousYearReuse(), 1.0, now.reuseMinCharacters()),
        instant("2025-06-10T00:00"));
    thresholds.record(
        new CheckThresholds.Reuse(
            now.previousYearReuse(), now.sameCityReuse(), now.reuseMinCharacters()),
        instant("2025-06-11T00:00"));

    clock.at("2025-06-20T10:00");
    assertThat(textReuse(rollupOf(null))).isEqualTo(both);
    assertThat(textReuse(rollupOf("2025-06-09"))).isEqualTo(both);
    assertThat(textReuse(rollupOf("2025-06-10"))).isEmpty();
    assertThat(textReuse(rollupOf("2025-06-11"))).isEqualTo(both);
    assertThat(reportWarnings(copy, "2025-06-09")).contains("TEXT_REUSE");
    assertThat(reportWarnings(copy, "2025-06-10")).doesNotContain("TEXT_REUSE");
    String csv = "/api/v1/reports.csv?division=" + HEGANG + "&year=" + YEAR + "&asOf=";
    assertThat(given().get(csv + "2025-06-09").then().statusCode(200).extract().asString())
        .contains("TEXT_REUSE");
    assertThat(given().get(csv + "2025-06-10").then().statusCode(200).extract().asString())
        .doesNotContain("TEXT_REUSE");
  }

  private static java.time.Instant instant(String beijing) {
    return LocalDateTime.parse(beijing).atZone(BEIJING).toInstant();
  }

  private static JsonNode rollupOf(String day) throws Exception {
    String path = rollup(HEGANG) + (day == null ? "" : "?asOf=" + day);
    return JSON.readTree(given().get(path).then().statusCode(200).extract().asString());
  }

  /** Whose reports had TEXT_REUSE, by the roll-up's consistency section. */
  private static List<String> textReuse(JsonNode rollup) {
    List<String> codes = new ArrayList<>();
    for (JsonNode rule : rollup.at("/consistency/warnings")) {
      if (rule.get("rule").asText().equals("TEXT_REUSE")) {
        rule.get("agencies").forEach(a -> codes.add(a.asText()));
      }
    }
    return codes;
  }

  private static List<String> reportWarnings(String agency, String day) throws Exception {
    JsonNode report =
        JSON.readTree(
            given()
                .get(reportPath(agency, YEAR) + "?asOf=" + day)
                .then()
                .statusCode(200)
                .extract()
                .asString());
    List<String> rules = new ArrayList<>();
    report.get("warnings").forEach(w -> rules.add(w.get("rule").asText()));
    return rules;
  }

  private static List<String> explained(String rollup) throws Exception {
    return whose(rollup, "explainedAgencies");
  }

  private static List<String> warned(String rollup) throws Exception {
    return whose(rollup, "agencies");
  }

  private static List<String> whose(String rollup, String field) throws Exception {
    List<String> codes = new ArrayList<>();
    for (JsonNode rule : JSON.readTree(rollup).at("/consistency/warnings")) {
      if (rule.has(field)) {
        rule.get(field).forEach(a -> codes.add(a.asText()));
      }
    }
    return codes;
  }

  /** The answer less its links, which carry the request's own asOf. */
  private static String comparable(io.restassured.response.ExtractableResponse<?> response)
      throws Exception {
    JsonNode json = JSON.readTree(response.asString());
    ((ObjectNode) json).remove("links");
    return json.toPrettyString();
  }
}
