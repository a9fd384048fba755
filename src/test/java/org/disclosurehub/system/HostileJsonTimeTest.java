package org.disclosurehub.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.adminToken;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disclosurehub.RawHttp;
import org.junit.jupiter.api.Test;

/**
 * JSON bodies of the worst shapes up to the size limits (issue 22): deep nesting, huge arrays, many
 * keys, one long string or number, a 5 MB single line. Each write endpoint that reads JSON answers
 * every one with a problem within a second, so the parser is not superlinear in any of them.
 */
@QuarkusTest
class HostileJsonTimeTest {
  /** Just under hub.max-report-bytes (1 MiB): the largest body that is parsed at all. */
  private static final int NEAR_LIMIT = 1_048_576 - 64;

  private static final long ONE_SECOND_NANOS = 1_000_000_000L;

  record Body(String what, byte[] bytes) {}

  @Test
  void shouldRefuseEveryHostileShapeWithinASecond() {
    String agency = registerAgency("320206");
    Map<String, String> targets = new LinkedHashMap<>();
    targets.put("PUT " + reportPath(agency, 2024), "application/json");
    targets.put("POST /api/v1/agencies", "application/json");
    targets.put("PATCH /api/v1/agencies/" + agency, "application/merge-patch+json");

    List<String> slow = new ArrayList<>();
    for (Map.Entry<String, String> target : targets.entrySet()) {
      // Warm-up: the first request of a kind pays for class loading, not for its body.
      send(target.getKey(), target.getValue(), "{}".getBytes(StandardCharsets.US_ASCII));
      for (Body body : bodies()) {
        long started = System.nanoTime();
        RawHttp.Answer answer = send(target.getKey(), target.getValue(), body.bytes());
        long took = System.nanoTime() - started;
        assertThat(answer.status()).as(target.getKey() + " " + body.what()).isBetween(400, 499);
        assertThat(answer.header("Content-Type"))
            .as(target.getKey() + " " + body.what())
            .startsWith("application/problem+json");
        if (took > ONE_SECOND_NANOS) {
          slow.add(target.getKey() + " " + body.what() + ": " + took / 1_000_000 + " ms");
        }
      }
    }
    assertThat(slow).isEmpty();
  }

  private static List<Body> bodies() {
    List<Body> bodies = new ArrayList<>();
    int half = NEAR_LIMIT / 2;
    bodies.add(body("unclosed arrays", "[".repeat(NEAR_LIMIT)));
    bodies.add(body("nested arrays", "[".repeat(half) + "]".repeat(half)));
    bodies.add(
        body(
            "nested objects", "{\"a\":".repeat(NEAR_LIMIT / 6) + "1" + "}".repeat(NEAR_LIMIT / 6)));
    bodies.add(body("10,000 nested elements", "[".repeat(10_000) + "]".repeat(10_000)));
    bodies.add(body("a huge array", "[" + "0,".repeat(half - 1) + "0]"));
    bodies.add(
        body(
            "a huge array as a cell",
            "{\"activeDisclosure\":{\"licensing\":[" + "0,".repeat(half - 100) + "0]}}"));
    bodies.add(body("one long string", "{\"name\":\"" + "名".repeat(NEAR_LIMIT / 3 - 10) + "\"}"));
    bodies.add(body("escapes", "{\"name\":\"" + "\\u0041".repeat(NEAR_LIMIT / 6 - 4) + "\"}"));
    bodies.add(body("one long number", "{\"activeFrom\":" + "9".repeat(NEAR_LIMIT - 20) + "}"));
    bodies.add(
        body("a long decimal", "{\"activeFrom\":0." + "9".repeat(NEAR_LIMIT - 30) + "e-99999}"));
    StringBuilder keys = new StringBuilder("{");
    for (int i = 0; keys.length() < NEAR_LIMIT - 20; i++) {
      keys.append("\"k").append(i).append("\":0,");
    }
    keys.setLength(keys.length() - 1);
    bodies.add(body("many keys", keys.append('}').toString()));
    bodies.add(
        body("one key many times", "{" + "\"a\":0,".repeat(NEAR_LIMIT / 6 - 1) + "\"a\":0}"));
    bodies.add(body("whitespace", " ".repeat(NEAR_LIMIT - 2) + "[{"));
    bodies.add(body("a 5 MB single line", "[" + "1".repeat(5_000_000) + "]"));
    return bodies;
  }

  private static Body body(String what, String text) {
    return new Body(what, text.getBytes(StandardCharsets.UTF_8));
  }

  private static RawHttp.Answer send(String target, String contentType, byte[] body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer " + adminToken());
    headers.put("Content-Type", contentType);
    return RawHttp.send(target + " HTTP/1.1", headers, body);
  }
}
