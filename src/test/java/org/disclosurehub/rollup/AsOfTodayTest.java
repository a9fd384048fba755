package org.disclosurehub.rollup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.distinctCells2024;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.zhongweiCivilAffairs2024;
import static org.disclosurehub.rollup.AsOfRequests.file;
import static org.disclosurehub.rollup.AsOfRequests.register;
import static org.disclosurehub.rollup.AsOfRequests.rollup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Clock;
import java.util.List;
import org.disclosurehub.MovableClock;
import org.junit.jupiter.api.Test;

/**
 * As of today is answered in the snapshot that tags it, from the live tables, when nothing of the
 * region's was written after the end of today; when something was (the service's clock set back
 * after writes), it is answered from the history like a day that is over. 阿里地区 (542500), which no
 * other test uses.
 */
@QuarkusTest
class AsOfTodayTest {
  private static final String PREFECTURE = "542500";
  private static final String PURANG = "542521";
  private static final String ZANDA = "542522";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final MovableClock clock = new MovableClock();

  @Test
  void shouldAnswerTodayLiveUnlessSomethingWasWrittenAfterIt() throws Exception {
    QuarkusMock.installMockForType(clock, Clock.class);
    clock.at("2025-06-10T10:00");
    String first = register("asof-today", "普兰县甲局", PURANG);
    String second = register("asof-today", "札达县乙局", ZANDA);
    file(first, naturalResources2024());
    List<String> paths = List.of(rollup(PREFECTURE), rollup(PREFECTURE) + "/agencies");
    List<String> heldOnTheTenth = paths.stream().map(p -> body(given().get(p))).toList();

    // Today: the live answer, cached as a live read, its tag answered 304 until the data changes.
    for (int i = 0; i < paths.size(); i++) {
      Response today = given().get(paths.get(i) + "?asOf=2025-06-10");
      assertThat(today.statusCode()).isEqualTo(200);
      assertThat(today.header("Cache-Control")).isEqualTo("public, max-age=60");
      assertThat(body(today)).as(paths.get(i)).isEqualTo(heldOnTheTenth.get(i));
      String tag = today.header("ETag");
      assertThat(tag).isNotBlank();
      given()
          .header("If-None-Match", tag)
          .get(paths.get(i) + "?asOf=2025-06-10")
          .then()
          .statusCode(304);
    }
    String tag = given().get(rollup(PREFECTURE) + "?asOf=2025-06-10").header("ETag");
    file(second, zhongweiCivilAffairs2024());
    given()
        .header("If-None-Match", tag)
        .get(rollup(PREFECTURE) + "?asOf=2025-06-10")
        .then()
        .statusCode(200);
    List<String> held = paths.stream().map(p -> body(given().get(p))).toList();

    // A correction written on the 12th, then the clock set back to the 11th: as of "today" is the
    // end of the 11th, which the correction came after.
    clock.at("2025-06-12T10:00");
    file(first, distinctCells2024());
    clock.at("2025-06-11T10:00");
    for (int i = 0; i < paths.size(); i++) {
      Response today = given().get(paths.get(i) + "?asOf=2025-06-11");
      assertThat(today.statusCode()).isEqualTo(200);
      assertThat(today.header("Cache-Control")).isEqualTo("public, max-age=60");
      assertThat(body(today)).as(paths.get(i)).isEqualTo(held.get(i));
      assertThat(body(given().get(paths.get(i)))).as(paths.get(i)).isNotEqualTo(held.get(i));
    }
  }

  /**
   * The body without what is not kept over time or names the request: the plausibility warnings (as
   * AsOfApiTest compares) and the links (they carry the request's own asOf).
   */
  private static String body(Response response) {
    try {
      JsonNode json = JSON.readTree(response.asString());
      ((ObjectNode) json).remove("consistency");
      ((ObjectNode) json).remove("links");
      if (json.has("items")) {
        for (JsonNode row : json.get("items")) {
          ((ObjectNode) row).remove("warnings");
        }
      }
      return json.toPrettyString();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
