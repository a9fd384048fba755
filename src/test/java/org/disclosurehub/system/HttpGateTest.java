package org.disclosurehub.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.adminToken;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.disclosurehub.Fixtures;
import org.disclosurehub.RawHttp;
import org.junit.jupiter.api.Test;

/**
 * What HTTP itself can get wrong, sent byte for byte: every refusal is an RFC 9457 problem with
 * {@code application/problem+json}, every answer carries {@code X-Content-Type-Options: nosniff},
 * and no refused request stores anything.
 */
@QuarkusTest
class HttpGateTest {
  private static final Map<String, String> NO_HEADERS = Map.of();

  @Test
  void shouldSendNosniffOnEveryAnswer() {
    given().get("/api/v1").then().statusCode(200).header("X-Content-Type-Options", "nosniff");
    given()
        .get("/api/v1/agencies/no-such-agency")
        .then()
        .statusCode(404)
        .header("X-Content-Type-Options", "nosniff");
    given().get("/q/health/live").then().header("X-Content-Type-Options", "nosniff");
  }

  @Test
  void shouldAnswerAnOverlongTargetWith414Problem() {
    var answer =
        RawHttp.send("GET /api/v1/agencies/" + "a".repeat(5_000) + " HTTP/1.1", NO_HEADERS, null);
    assertProblem(answer, 414, "/problems/uri-too-long");
    assertThat(json(answer).path("instance").asText()).hasSizeLessThan(250);
  }

  @Test
  void shouldAnswerOversizedHeadersWith431Problem() {
    var answer =
        RawHttp.send(
            "GET /api/v1/agencies HTTP/1.1", Map.of("X-Padding", "a".repeat(30_000)), null);
    assertProblem(answer, 431, "/problems/headers-too-large");
  }

  @Test
  void shouldRefuseNulInAPathSegment() {
    var answer = RawHttp.send("GET /api/v1/agencies/x%00 HTTP/1.1", NO_HEADERS, null);
    assertProblem(answer, 400, "/problems/malformed-request");
    assertThat(json(answer).path("instance").asText()).isEqualTo("/api/v1/agencies/x%00");
  }

  @Test
  void shouldRefuseAnOverlongUtf8NulInAPathSegment() {
    assertProblem(
        RawHttp.send("GET /api/v1/agencies/x%C0%80 HTTP/1.1", NO_HEADERS, null),
        400,
        "/problems/malformed-request");
  }

  @Test
  void shouldRefuseNulInAQueryParameterNamingIt() {
    var answer =
        RawHttp.send(
            "POST /api/v1/imports?agency=%00 HTTP/1.1",
            Map.of("Content-Type", "text/plain; charset=utf-8"),
            "一、总体情况".getBytes(StandardCharsets.UTF_8));
    assertProblem(answer, 400, "/problems/invalid-parameter");
    assertThat(json(answer).path("errors").get(0).path("pointer").asText()).isEqualTo("agency");
  }

  @Test
  void shouldRefuseRawNonAsciiBytesInTheRequestLine() {
    // RawHttp writes the request line as ISO-8859-1: each char below U+0100 is the byte sent.
    String utf8Bytes =
        new String("中".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    var path = RawHttp.send("GET /api/v1/agencies/" + utf8Bytes + " HTTP/1.1", NO_HEADERS, null);
    JsonNode problem = path.problem(400, "/problems/malformed-request");
    assertThat(problem.path("instance").asText()).isEqualTo("/api/v1/agencies/%E4%B8%AD");
    assertThat(path.text()).doesNotContain(utf8Bytes);
    RawHttp.send("GET /api/v1/agencies/\u00ff HTTP/1.1", NO_HEADERS, null)
        .problem(400, "/problems/malformed-request");
    var query =
        RawHttp.send("GET /api/v1/agencies?division=" + utf8Bytes + " HTTP/1.1", NO_HEADERS, null);
    assertThat(query.problem(400, "/problems/invalid-parameter").at("/errors/0/pointer").asText())
        .isEqualTo("division");

    String agency = registerAgency("320300");
    RawHttp.send(
            "PUT " + reportPath(agency, 2024) + "?dryRun=tr\u00fce HTTP/1.1",
            writeHeaders(),
            naturalResources2024().toString().getBytes(StandardCharsets.UTF_8))
        .problem(400, "/problems/invalid-parameter");
    given().get(reportPath(agency, 2024)).then().statusCode(404);
  }

  /**
   * What HTTP parsing refuses before any route (README, Errors) is a problem too: a {@code %} that
   * does not start two hex digits, which Quarkus' URI check would answer with a bare 400, and a
   * request line or header block beyond the HTTP decoder's 64 KiB, which the decoder cuts off.
   * Nothing is stored.
   */
  @Test
  void shouldAnswerWhatParsingRefusesWithAProblemAndStoreNothing() {
    RawHttp.awaitParserRefusals();
    String agency = registerAgency("320300");
    byte[] report = naturalResources2024().toString().getBytes(StandardCharsets.UTF_8);
    for (String target :
        new String[] {
          reportPath(agency, 2024) + "?dryRun=%",
          reportPath(agency, 2024) + "?%zz",
          reportPath(agency, 2024) + "/%",
          reportPath(agency, 2024) + "?reason=\"x\""
        }) {
      var answer = RawHttp.send("PUT " + target + " HTTP/1.1", writeHeaders(), report);
      JsonNode problem = answer.problem(400, "/problems/malformed-request");
      assertThat(problem.path("detail").asText()).as(target).contains("request target");
      // A bare % goes back encoded, so that the instance is a URI reference.
      assertThat(problem.path("instance").asText()).as(target).doesNotContain("\"").startsWith("/");
      assertThat(answer.header("Connection")).isEqualTo("close");
    }
    var line =
        RawHttp.send(
            "PUT " + reportPath(agency, 2024) + "?x=" + "a".repeat(70_000) + " HTTP/1.1",
            writeHeaders(),
            report);
    assertThat(line.problem(414, "/problems/uri-too-long").path("detail").asText())
        .contains("65536");
    Map<String, String> padded = new java.util.HashMap<>(writeHeaders());
    padded.put("X-Padding", "a".repeat(70_000));
    var headers = RawHttp.send("PUT " + reportPath(agency, 2024) + " HTTP/1.1", padded, report);
    assertThat(headers.problem(431, "/problems/headers-too-large").path("detail").asText())
        .contains("65536");
    given().get(reportPath(agency, 2024)).then().statusCode(404);
  }

  @Test
  void shouldRefuseNulOrDelInAHeaderWithAProblemAndStoreNothing() {
    // HTTP's decoder refuses these bytes before any route runs; the answer is still a problem.
    RawHttp.awaitParserRefusals();
    String agency = registerAgency("320300");
    for (String header : new String[] {"If-Match", "X-Change-Reason"}) {
      for (String value : new String[] {"\"1\0\"", "why\177"}) {
        Map<String, String> headers = new java.util.HashMap<>(writeHeaders());
        headers.put(header, value);
        var answer =
            RawHttp.send(
                "PUT " + reportPath(agency, 2024) + " HTTP/1.1",
                headers,
                naturalResources2024().toString().getBytes(StandardCharsets.UTF_8));
        JsonNode problem = answer.problem(400, "/problems/malformed-request");
        assertThat(answer.text()).as(header).doesNotContain("\0").doesNotContain("\177");
        assertThat(problem.path("detail").asText()).doesNotContain("Exception");
      }
    }
    given().get(reportPath(agency, 2024)).then().statusCode(404);
  }

  @Test
  void shouldRefuseARequestWithoutHostWithAProblemNamingNoClass() {
    var answer =
        RawHttp.exchange(
            "GET /api/v1/agencies HTTP/1.1\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
    assertProblem(answer, 400, "/problems/malformed-request");
    assertThat(answer.text()).doesNotContain("Exception").doesNotContain("io.vertx");
  }

  @Test
  void shouldRefuseAChunkedReportOverTheLimitAndStoreNothing() {
    String agency = registerAgency("320300");
    var report = naturalResources2024();
    Fixtures.at(report, "/narrative").put("overview", "公开".repeat(200_000)); // 1.2 MB
    var answer =
        RawHttp.sendChunked(
            "PUT " + reportPath(agency, 2024) + " HTTP/1.1",
            writeHeaders(),
            report.toString().getBytes(StandardCharsets.UTF_8),
            16 * 1024);
    assertProblem(answer, 413, "/problems/payload-too-large");
    assertThat(json(answer).path("detail").asText()).contains("1048576");
    given().get(reportPath(agency, 2024)).then().statusCode(404);
  }

  @Test
  void shouldRefuseAChunkedBodyOverTheHardCapWithAProblem() {
    String agency = registerAgency("320300");
    var answer =
        RawHttp.sendChunked(
            "PUT " + reportPath(agency, 2024) + " HTTP/1.1",
            writeHeaders(),
            new byte[9 * 1024 * 1024],
            64 * 1024);
    assertProblem(answer, 413, "/problems/payload-too-large");
    given().get(reportPath(agency, 2024)).then().statusCode(404);
  }

  @Test
  void shouldStoreAChunkedReportWithinTheLimit() {
    String agency = registerAgency("320300");
    var answer =
        RawHttp.sendChunked(
            "PUT " + reportPath(agency, 2024) + " HTTP/1.1",
            writeHeaders(),
            naturalResources2024().toString().getBytes(StandardCharsets.UTF_8),
            1024);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    given().get(reportPath(agency, 2024)).then().statusCode(200).body("revision", equalTo(1));
  }

  @Test
  void shouldRefuseAnEmptyChunkedBodyLikeAnEmptyOne() {
    // No chunks at all used to leave the request waiting for a body that had already ended.
    String agency = registerAgency("320300");
    String line = "PUT " + reportPath(agency, 2024) + " HTTP/1.1";
    JsonNode chunked =
        RawHttp.sendChunked(line, writeHeaders(), new byte[0], 7)
            .problem(400, "/problems/invalid-field");
    JsonNode sized =
        RawHttp.send(line, writeHeaders(), new byte[0]).problem(400, "/problems/invalid-field");
    assertThat(chunked.path("detail")).isEqualTo(sized.path("detail"));
    RawHttp.sendChunked("POST /api/v1/agencies HTTP/1.1", writeHeaders(), new byte[0], 7)
        .problem(400, "/problems/invalid-field");
    given().get(reportPath(agency, 2024)).then().statusCode(404);
  }

  @Test
  void shouldAnswerAnExpectationOtherThanContinueWith417Problem() {
    String agency = registerAgency("320300");
    Map<String, String> headers = new java.util.HashMap<>(writeHeaders());
    headers.put("Expect", "the-moon");
    RawHttp.send(
            "PUT " + reportPath(agency, 2024) + " HTTP/1.1",
            headers,
            naturalResources2024().toString().getBytes(StandardCharsets.UTF_8))
        .problem(417, "/problems/expectation-failed");
    given().get(reportPath(agency, 2024)).then().statusCode(404);
  }

  @Test
  void shouldRefuseAPageBeyondAnyListing() {
    given()
        .get("/api/v1/agencies?page=2147483647&size=500")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/invalid-parameter"))
        .body("errors[0].pointer", equalTo("page"));
    given()
        .get("/api/v1/reports?page=99999999999")
        .then()
        .statusCode(400)
        .body("errors[0].pointer", equalTo("page"));
  }

  @Test
  void shouldRefuseAnUnknownQueryParameterNamingIt() {
    given()
        .get("/api/v1/agencies?divison=640500")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/invalid-parameter"))
        .body("errors[0].pointer", equalTo("divison"))
        .body("errors[0].message", containsString("division"));
    given().get("/api/v1/reports?agency=x").then().statusCode(400);
    given().get("/api/v1/agencies?name=x").then().statusCode(400);
  }

  @Test
  void shouldAnswerNotAcceptableAndUnsupportedInItsOwnWords() {
    given()
        .accept("text/xml")
        .get("/api/v1/agencies")
        .then()
        .statusCode(406)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/not-acceptable"))
        .body("detail", not(containsString("@Produces")))
        .body("detail", containsString("application/json"));
    Fixtures.admin()
        .contentType("application/xml")
        .body("<report/>")
        .post("/api/v1/agencies")
        .then()
        .statusCode(415)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/unsupported-media-type"))
        .body("detail", not(containsString("@Consumes")))
        .body("detail", containsString("application/json"));
  }

  @Test
  void shouldListWithLinks() {
    String agency = registerAgency("320382");
    registerAgency("320382");
    registerAgency("320382");
    given()
        .get("/api/v1/agencies?division=320382&size=1&page=1")
        .then()
        .statusCode(200)
        .body("links.self", equalTo("/api/v1/agencies?division=320382&page=1&size=1"))
        .body("links.next", equalTo("/api/v1/agencies?division=320382&page=2&size=1"))
        .body("links.prev", equalTo("/api/v1/agencies?division=320382&page=0&size=1"));
    given()
        .get("/api/v1/agencies?division=320382&size=500")
        .then()
        .statusCode(200)
        .body("links.self", containsString("page=0"))
        .body("links", not(org.hamcrest.Matchers.hasKey("next")))
        .body("links", not(org.hamcrest.Matchers.hasKey("prev")))
        .body("items.code", org.hamcrest.Matchers.hasItem(agency));
  }

  private static Map<String, String> writeHeaders() {
    return Map.of("Content-Type", "application/json", "Authorization", "Bearer " + adminToken());
  }

  static void assertProblem(RawHttp.Answer answer, int status, String type) {
    answer.problem(status, type);
  }

  static JsonNode json(RawHttp.Answer answer) {
    try {
      return Fixtures.JSON.readTree(answer.body());
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + answer, e);
    }
  }
}
