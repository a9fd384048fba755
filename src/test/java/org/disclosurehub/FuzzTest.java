package org.disclosurehub;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.adminToken;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.newAgencyCode;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;

/**
 * Property-based fuzzing of every write against the running service (issues 11, 22): valid reports
 * and agency drafts mutated at random (types, magnitudes, encodings, structure, headers, query
 * parameters, transfer encoding), imports of published texts, pages and PDFs with broken bytes (in
 * UTF-8 and GB18030), withdrawals, tokens issued and revoked, and reads with odd {@code Accept} and
 * {@code If-*} headers; jqwik's generators draw from one seeded random so a failure can be
 * replayed. For every answer: never a 5xx; every 4xx an RFC 9457 problem that names no Java class,
 * library or SQL. Around every write, everything it can touch is read (history, report, CSV,
 * agencies and roll-ups of both divisions written to, tokens): a refused write changed none of it,
 * an accepted one only its own part ({@link #mayChange}).
 *
 * <p>The suite sends {@value #DEFAULT_REQUESTS} requests. A longer run, by hand: {@code ./mvnw test
 * -Dtest=FuzzTest -Dfuzz.requests=10000 -Dfuzz.seed=42}; a failure names its seed and request
 * number, and the log ends with the answers by status. {@code -Dfuzz.from=N} resumes a run at its
 * request N.
 *
 * <p>What HTTP parsing refuses before any route (NUL or DEL in a header, a {@code %} without two
 * hex digits, a request line over the decoder's 64 KiB) is generated too: it must be a problem like
 * the rest.
 */
@QuarkusTest
class FuzzTest {
  static final int DEFAULT_REQUESTS = 200;
  private static final String DIVISION = "330106";
  private static final String DRAFTS = "320300";
  private static final List<String> LEAKS =
      List.of(
          "Exception",
          "java.",
          "jakarta.",
          "com.fasterxml",
          "org.hibernate",
          "io.vertx",
          "io.quarkus",
          "`",
          "SQL",
          "PSQL",
          "Jackson");

  /** Writes non-ASCII as JSON escapes, so that a lone surrogate can be sent at all. */
  private static final ObjectWriter ESCAPING =
      new ObjectMapper().writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);

  private final long seed = Long.getLong("fuzz.seed", 20261201L);
  private final int requests = Integer.getInteger("fuzz.requests", DEFAULT_REQUESTS);

  /**
   * The first request sent: the ones before it are generated and skipped, so a long run resumes
   * where it stopped with the same requests (they depend on the seed only, not on the answers).
   */
  private final int from = Integer.getInteger("fuzz.from", 1);

  private String agency;

  /** One request to send, with what it is for the failure message. */
  record Attempt(
      String what,
      String method,
      String target,
      Map<String, String> headers,
      byte[] body,
      int chunkSize) {
    boolean writes() {
      return !method.equals("GET");
    }
  }

  @Test
  void shouldNeverFailOrStoreWhatItRefuses() {
    RawHttp.awaitParserRefusals();
    agency = registerAgency(DIVISION, newAgencyCode("fuzz"));
    admin()
        .contentType("application/json")
        .body(naturalResources2024().toString())
        .put(reportPath(agency, 2024))
        .then()
        .statusCode(201);
    // Outside a jqwik property its generators need a session; the seed makes the run replayable.
    JqwikSession.start(Long.toString(seed));
    try {
      fuzz(new Random(seed));
    } finally {
      JqwikSession.finish();
    }
  }

  private void fuzz(Random random) {
    RandomGenerator<Attempt> attempts = attempts().generator(1000, true);
    Map<String, String> baseline = state();
    Map<Integer, Integer> statuses = new java.util.TreeMap<>();
    long started = System.nanoTime();
    for (int i = 1; i <= requests; i++) {
      Attempt attempt = attempts.next(random).value();
      if (i < from) {
        continue;
      }
      String where = "seed " + seed + ", request " + i + ": " + attempt.what();
      RawHttp.Answer answer;
      try {
        answer = send(attempt);
      } catch (RuntimeException e) {
        throw new AssertionError(where + ": no answer", e);
      }
      assertAnswer(where, attempt.target(), answer);
      statuses.merge(answer.status(), 1, Integer::sum);
      if (i % 250 == 0) {
        // A long run by hand shows how far it got.
        io.quarkus.logging.Log.infof("Fuzzed %d of %d requests: %s", i, requests, statuses);
      }
      if (attempt.writes()) {
        // Around every write: a refused one changed nothing; an accepted one only its own part.
        Map<String, String> now = state();
        Set<String> mayChange = answer.status() < 300 ? mayChange(attempt) : Set.of();
        for (Map.Entry<String, String> part : baseline.entrySet()) {
          if (!mayChange.contains(part.getKey())) {
            assertThat(now.get(part.getKey()))
                .as("%s → %d changed %s", where, answer.status(), part.getKey())
                .isEqualTo(part.getValue());
          }
        }
        baseline = now;
      }
    }
    io.quarkus.logging.Log.infof(
        "Fuzzed %d requests (seed %d) in %d ms: answers by status %s",
        requests, seed, (System.nanoTime() - started) / 1_000_000, statuses);
  }

  private static void assertAnswer(String where, String target, RawHttp.Answer answer) {
    assertThat(answer.status()).as(where + " " + answer).isLessThan(500);
    assertThat(answer.header("X-Content-Type-Options")).as(where).isEqualTo("nosniff");
    if (answer.status() < 400) {
      return;
    }
    String type = answer.header("Content-Type");
    if (!target.startsWith("/api/") && type != null && type.startsWith("text/html")) {
      // The pages are for people: they show a problem as a page (PagesResource.problemPage),
      // its status stated in it, when the client accepts HTML.
      assertThat(answer.text())
          .as(where + " " + answer)
          .contains("data-status=\"" + answer.status() + "\"");
      return;
    }
    assertThat(answer.header("Content-Type"))
        .as(where + " " + answer)
        .startsWith("application/problem+json");
    JsonNode problem;
    try {
      problem = Fixtures.JSON.readTree(answer.body());
    } catch (java.io.IOException e) {
      throw new AssertionError(where + ": not JSON " + answer, e);
    }
    assertThat(problem.path("status").asInt()).as(where).isEqualTo(answer.status());
    assertThat(problem.path("type").asText()).as(where).startsWith("/problems/");
    assertThat(problem.path("title").asText()).as(where).isNotBlank();
    String text = answer.text();
    for (String leak : LEAKS) {
      assertThat(text).as(where + " leaks " + leak).doesNotContain(leak);
    }
  }

  /**
   * Everything a request here can touch, by part: the fuzzed report (its history, its current
   * revision, its cells in the CSV), the agencies and roll-ups of both divisions written to (the
   * fuzzed agency's and the drafts'), and the agency's tokens.
   */
  private Map<String, String> state() {
    Map<String, String> state = new LinkedHashMap<>();
    state.put("revisions", given().get(reportPath(agency, 2024) + "/revisions").asString());
    state.put("report", given().get(reportPath(agency, 2024)).asString());
    state.put("csv", given().get("/api/v1/reports.csv?year=2024&division=" + DIVISION).asString());
    state.put(
        "agencies", given().get("/api/v1/agencies?division=" + DIVISION + "&size=500").asString());
    state.put("rollup", given().get("/api/v1/regions/" + DIVISION + "/rollups/2024").asString());
    state.put(
        "draft agencies",
        given().get("/api/v1/agencies?division=" + DRAFTS + "&size=500").asString());
    state.put(
        "draft rollup", given().get("/api/v1/regions/" + DRAFTS + "/rollups/2024").asString());
    state.put("tokens", admin().get("/api/v1/agencies/" + agency + "/tokens").asString());
    return state;
  }

  /** The parts an accepted write may change: its own, and what is derived from it. */
  private Set<String> mayChange(Attempt attempt) {
    String target = attempt.target();
    if (target.startsWith("/api/v1/agencies/" + agency + "/tokens")) {
      return Set.of("tokens");
    }
    if (target.startsWith(reportPath(agency, 2024)) || target.startsWith("/api/v1/imports")) {
      return Set.of("revisions", "report", "csv", "rollup");
    }
    if (attempt.method().equals("POST") && target.startsWith("/api/v1/agencies")) {
      return Set.of("draft agencies", "draft rollup", "agencies", "rollup");
    }
    if (attempt.method().equals("PATCH")) {
      // The agency itself: its name and division show in its report, the CSV and the roll-ups.
      return Set.of("agencies", "rollup", "csv", "report", "draft agencies", "draft rollup");
    }
    return Set.of();
  }

  private static RawHttp.Answer send(Attempt attempt) {
    String line = attempt.method() + " " + attempt.target() + " HTTP/1.1";
    if (attempt.body() != null && attempt.chunkSize() > 0) {
      return RawHttp.sendChunked(line, attempt.headers(), attempt.body(), attempt.chunkSize());
    }
    return RawHttp.send(line, attempt.headers(), attempt.body());
  }

  // --- generators ---------------------------------------------------------------------------

  private Arbitrary<Attempt> attempts() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, mutatedReports()),
        net.jqwik.api.Tuple.of(3, corruptedReports()),
        net.jqwik.api.Tuple.of(2, oddHeaders()),
        net.jqwik.api.Tuple.of(2, mutatedDrafts()),
        net.jqwik.api.Tuple.of(2, mutatedPatches()),
        net.jqwik.api.Tuple.of(1, oddTargets()),
        net.jqwik.api.Tuple.of(3, imports()),
        net.jqwik.api.Tuple.of(1, deletions()),
        net.jqwik.api.Tuple.of(1, tokens()),
        net.jqwik.api.Tuple.of(2, conditionalReads()));
  }

  /** One value of the report replaced, removed or joined by an unknown field. */
  private Arbitrary<Attempt> mutatedReports() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 10_000),
            Arbitraries.of("replace", "remove", "unknown"),
            hostileValues(),
            transfer())
        .as(
            (index, how, value, chunk) -> {
              ObjectNode report = naturalResources2024();
              List<String> pointers = new ArrayList<>();
              collect(report, "", pointers);
              String pointer = pointers.get(index % pointers.size());
              mutate(report, pointer, how, value);
              return put(how + " " + pointer + " = " + brief(value), json(report), chunk, "");
            });
  }

  /** The report's bytes corrupted: invalid UTF-8, NUL, a token cut or doubled, NaN. */
  private Arbitrary<Attempt> corruptedReports() {
    byte[][] insertions = {
      {(byte) 0xC0, (byte) 0x80},
      {(byte) 0xC0, (byte) 0xAF},
      {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
      {(byte) 0xFF},
      {0},
      {'"'},
      {'{'},
      {']'},
      {','},
      "NaN".getBytes(StandardCharsets.US_ASCII),
      "\"licensing\":1,".getBytes(StandardCharsets.US_ASCII)
    };
    return Combinators.combine(
            Arbitraries.integers().between(0, insertions.length),
            Arbitraries.integers().between(0, 100_000),
            transfer())
        .as(
            (which, at, chunk) -> {
              byte[] valid = naturalResources2024().toString().getBytes(StandardCharsets.UTF_8);
              int position = at % valid.length;
              ByteArrayOutputStream body = new ByteArrayOutputStream();
              String what;
              if (which == insertions.length) {
                body.write(valid, 0, position);
                what = "cut at " + position;
              } else {
                body.write(valid, 0, position);
                body.writeBytes(insertions[which]);
                body.write(valid, position, valid.length - position);
                what =
                    "bytes "
                        + java.util.HexFormat.of().formatHex(insertions[which])
                        + " at "
                        + position;
              }
              return new Attempt(
                  what,
                  "PUT",
                  reportPath(agency, 2024),
                  writeHeaders("application/json"),
                  body.toByteArray(),
                  chunk);
            });
  }

  /** A valid report with odd preconditions, reasons, media types and flags. */
  private Arbitrary<Attempt> oddHeaders() {
    return Combinators.combine(
            Arbitraries.of(
                "",
                "\"1\"",
                "\"0\"",
                "\"2\"",
                "*",
                "W/\"1\"",
                "1",
                "\"1\", \"7\"",
                "\"99999999999999999999\"",
                "\"1\0\"",
                "\"1\177\""),
            Arbitraries.oneOf(
                Arbitraries.just(""),
                Arbitraries.strings().withChars('a', '\0', '\177', '\u0001').ofMaxLength(20),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(600),
                Arbitraries.strings().withCharRange('一', '龥').ofMaxLength(520)),
            Arbitraries.of(
                "application/json",
                "application/json; charset=utf-8",
                "text/plain",
                "application/merge-patch+json",
                "application/json; charset=iso-8859-1",
                "*/*",
                ""),
            Arbitraries.of(
                "",
                "?dryRun=true",
                "?dryRun=yes",
                "?acceptInconsistent=true",
                "?acceptInconsistent=1",
                "?dryRun=",
                "?x=1",
                "?dryRun=true&dryRun=false",
                "?dryRun=%",
                "?%zz",
                "?reason={x}"),
            Arbitraries.of(true, false),
            // Not 100-continue: RawHttp would read the interim 100 as the answer.
            Arbitraries.of("", "", "", "the-moon", "100-continue, x"))
        .as(
            (ifMatch, reason, type, query, changedContent, expect) -> {
              ObjectNode report = naturalResources2024();
              if (changedContent) {
                ((ObjectNode) report.at("/activeDisclosure")).put("licensing", 1343);
              }
              Map<String, String> headers = writeHeaders(type);
              if (!ifMatch.isEmpty()) {
                headers.put("If-Match", ifMatch);
              }
              if (!reason.isEmpty()) {
                headers.put("X-Change-Reason", asHeaderBytes(reason));
              }
              if (!expect.isEmpty()) {
                headers.put("Expect", expect);
              }
              return new Attempt(
                  "Expect "
                      + expect
                      + ", If-Match "
                      + ifMatch
                      + ", reason of "
                      + reason.length()
                      + ", "
                      + type
                      + " "
                      + query,
                  "PUT",
                  reportPath(agency, 2024) + query,
                  headers,
                  report.toString().getBytes(StandardCharsets.UTF_8),
                  0);
            });
  }

  /** A new agency's draft with one field hostile, missing or unknown. */
  private Arbitrary<Attempt> mutatedDrafts() {
    return Combinators.combine(
            Arbitraries.of(
                "code", "name", "divisionCode", "creditCode", "activeFrom", "activeTo", "extra"),
            Arbitraries.of("replace", "remove"),
            hostileValues())
        .as(
            (field, how, value) -> {
              ObjectNode draft = JsonNodeFactory.instance.objectNode();
              draft
                  .put("code", newAgencyCode("fuzz-draft"))
                  .put("name", "测试机关")
                  .put("divisionCode", DRAFTS);
              if (how.equals("remove")) {
                draft.remove(field);
              } else {
                draft.set(field, value);
              }
              return new Attempt(
                  "draft " + how + " " + field + " = " + brief(value),
                  "POST",
                  "/api/v1/agencies",
                  writeHeaders("application/json"),
                  json(draft).getBytes(StandardCharsets.UTF_8),
                  0);
            });
  }

  /** A merge patch of the fuzzed agency with one hostile field. */
  private Arbitrary<Attempt> mutatedPatches() {
    return Combinators.combine(
            Arbitraries.of(
                "code", "name", "divisionCode", "creditCode", "activeFrom", "activeTo", "extra"),
            hostileValues())
        .as(
            (field, value) -> {
              ObjectNode patch = JsonNodeFactory.instance.objectNode();
              patch.set(field, value);
              return new Attempt(
                  "patch " + field + " = " + brief(value),
                  "PATCH",
                  "/api/v1/agencies/" + agency,
                  writeHeaders("application/merge-patch+json"),
                  json(patch).getBytes(StandardCharsets.UTF_8),
                  0);
            });
  }

  /** Odd paths and query strings, percent-encoded as HTTP allows. */
  private Arbitrary<Attempt> oddTargets() {
    return Arbitraries.of(
            "/api/v1/agencies/x%00",
            "/api/v1/agencies/%C0%80",
            "/api/v1/agencies/%FF%FE",
            "/api/v1/agencies/%E4%B8",
            "/api/v1/agencies?page=2147483647&size=500",
            "/api/v1/agencies?page=-1",
            "/api/v1/agencies?size=0",
            "/api/v1/agencies?division=99",
            "/api/v1/agencies?division=%00",
            "/api/v1/reports?year=abc",
            "/api/v1/reports?year=99999999999",
            "/api/v1/reports?page=1e3",
            "/api/v1/agencies/AGENCY/reports/2007",
            "/api/v1/agencies/AGENCY/reports/99999999999",
            "/api/v1/agencies/AGENCY/reports/abc",
            "/api/v1/agencies/AGENCY/reports/2024/revisions/0",
            "/api/v1/agencies/AGENCY/reports/2024/revisions/-1",
            "/api/v1/agencies/AGENCY/reports/2024/revisions/99999999999",
            "/api/v1/regions/330106/rollups/2024?scope=%00",
            "/api/v1/regions/330106/rollups/2024?sort=x",
            "/api/v1/regions/330100/rollups?from=2024&to=2008",
            "/api/v1/regions/33010%00/rollups/2024",
            "/api/v1/" + "a".repeat(5_000),
            "/api/v1/agencies/%",
            "/api/v1/agencies/%zz/reports",
            "/api/v1/regions/{330106}/rollups/2024",
            "/api/v1/reports?year=" + "9".repeat(70_000))
        .map(
            target -> {
              String path = target.replace("AGENCY", agency);
              return new Attempt("GET " + path, "GET", path, new LinkedHashMap<>(), null, 0);
            });
  }

  /**
   * A published report's text, page or PDF, as it is or with bytes broken (flipped, NUL, invalid
   * UTF-8, cut), in UTF-8 or GB18030, read only or stored for the fuzzed agency.
   */
  private Arbitrary<Attempt> imports() {
    return Combinators.combine(
            Arbitraries.of(
                "identity-error.txt|text/plain; charset=utf-8",
                "trial-2020.txt|text/plain; charset=utf-8",
                "identity-error.txt|text/plain; charset=gb18030",
                "identity-error.txt|text/plain",
                "report.html|text/html; charset=utf-8",
                "report.html|text/html; charset=gb18030",
                "pdf/natural-resources-2024.pdf|application/pdf",
                "pdf/zhongwei-civil-affairs-2024.pdf|application/pdf",
                "identity-error.txt|application/pdf",
                "pdf/natural-resources-2024.pdf|text/plain; charset=utf-8"),
            Arbitraries.of("as is", "flip", "nul", "invalid utf-8", "cut", "flips"),
            Arbitraries.integers().between(0, Integer.MAX_VALUE),
            Arbitraries.of("", "?store=true&agency=AGENCY", "?agency=AGENCY", "?store=true"))
        .as(
            (source, how, at, query) -> {
              String[] parts = source.split("\\|");
              byte[] body = importBody(parts[0], parts[1]);
              int position = body.length == 0 ? 0 : at % body.length;
              ByteArrayOutputStream broken = new ByteArrayOutputStream();
              switch (how) {
                case "flip" -> body[position] ^= (byte) (1 << (at % 8));
                case "flips" -> {
                  Random flips = new Random(at);
                  for (int k = 0; k < 50; k++) {
                    body[flips.nextInt(body.length)] = (byte) flips.nextInt(256);
                  }
                }
                default -> {}
              }
              broken.write(body, 0, how.equals("cut") ? position : body.length);
              if (how.equals("nul") || how.equals("invalid utf-8")) {
                byte[] head = broken.toByteArray();
                broken.reset();
                broken.write(head, 0, position);
                broken.writeBytes(
                    how.equals("nul") ? new byte[] {0} : new byte[] {(byte) 0xC0, (byte) 0xAF});
                broken.write(head, position, head.length - position);
              }
              String target = "/api/v1/imports" + query.replace("AGENCY", agency);
              return new Attempt(
                  "import " + source + " " + how + " at " + position + " " + query,
                  "POST",
                  target,
                  writeHeaders(parts[1]),
                  broken.toByteArray(),
                  0);
            });
  }

  private static byte[] importBody(String resource, String contentType) {
    try (java.io.InputStream in = FuzzTest.class.getResourceAsStream("/imports/" + resource)) {
      byte[] bytes = in.readAllBytes();
      if (contentType.endsWith("gb18030") && !resource.endsWith(".pdf")) {
        return new String(bytes, StandardCharsets.UTF_8)
            .getBytes(java.nio.charset.Charset.forName("GB18030"));
      }
      return bytes;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Withdrawals: of the fuzzed report (accepted), of none, without a token, of odd years. */
  private Arbitrary<Attempt> deletions() {
    return Combinators.combine(
            Arbitraries.of(
                reportPathOf("2024"),
                reportPathOf("2023"),
                reportPathOf("2007"),
                reportPathOf("abc"),
                reportPathOf("99999999999"),
                "/api/v1/agencies/no-such-agency/reports/2024",
                reportPathOf("2024") + "/revisions/1"),
            Arbitraries.of(true, true, false))
        .as(
            (target, authorised) ->
                new Attempt(
                    "DELETE " + target + (authorised ? "" : " without a token"),
                    "DELETE",
                    target,
                    authorised ? writeHeaders("") : new LinkedHashMap<>(),
                    null,
                    0));
  }

  private String reportPathOf(String year) {
    return "/api/v1/agencies/" + agency + "/reports/" + year;
  }

  /** Tokens issued and revoked: valid, unknown, malformed ids, without authority. */
  private Arbitrary<Attempt> tokens() {
    return Combinators.combine(
            Arbitraries.of("POST", "DELETE", "DELETE", "GET"),
            Arbitraries.of("1", "0", "-1", "abc", "99999999999999999999", "2147483648", "%00"),
            Arbitraries.of(true, true, false))
        .as(
            (method, id, authorised) -> {
              String target =
                  "/api/v1/agencies/"
                      + agency
                      + "/tokens"
                      + (method.equals("DELETE") ? "/" + id : "");
              return new Attempt(
                  method + " " + target + (authorised ? "" : " without a token"),
                  method,
                  target,
                  authorised ? writeHeaders("") : new LinkedHashMap<>(),
                  null,
                  0);
            });
  }

  /** Reads with odd Accept and If-* headers: never a 500, every 4xx a problem. */
  private Arbitrary<Attempt> conditionalReads() {
    return Combinators.combine(
            Arbitraries.of(
                "REPORT",
                "REPORT/revisions/1",
                "/api/v1/regions/" + DIVISION + "/rollups/2024",
                "/api/v1/regions/" + DIVISION + "/rollups/2024/agencies",
                "/api/v1/regions/" + DIVISION + "/annual-report/2024",
                "/api/v1/reports.csv?year=2024&division=" + DIVISION,
                "/regions/" + DIVISION + "/2024",
                "/agencies/AGENCY/2024",
                "/api/v1/agencies"),
            Arbitraries.of(
                "",
                " ",
                ",",
                "text/html;q=abc",
                "*/*;q=0",
                "image/png",
                "text/csv",
                "text/*",
                "application/json;q=0.5, text/html",
                "\"",
                "a/b/c",
                "*/*;q=1.0001"),
            Arbitraries.of("If-None-Match", "If-Modified-Since", "If-Match", "If-Unmodified-Since"),
            Arbitraries.of(
                "",
                "*",
                "\"1\"",
                "W/\"1\"",
                "\"",
                "garbage",
                "Sun, 06 Nov 1994 08:49:37 GMT",
                "Fri, 31 Dec 9999 23:59:59 GMT",
                "-1",
                "\"1\", W/\"x\""))
        .as(
            (target, accept, condition, value) -> {
              String path =
                  target.replace("REPORT", reportPath(agency, 2024)).replace("AGENCY", agency);
              Map<String, String> headers = new LinkedHashMap<>();
              headers.put("Accept", accept);
              headers.put(condition, value);
              return new Attempt(
                  "GET " + path + " Accept '" + accept + "' " + condition + " '" + value + "'",
                  "GET",
                  path,
                  headers,
                  null,
                  0);
            });
  }

  private Arbitrary<JsonNode> hostileValues() {
    return Arbitraries.oneOf(
        Arbitraries.of(
                2147483647L,
                -2147483648L,
                2147483648L,
                4294967296L,
                100000001L,
                100000000L,
                -1L,
                0L,
                3985758L,
                9007199254740993L)
            .map(n -> (JsonNode) LongNode.valueOf(n)),
        Arbitraries.integers().between(-5, 150_000_000).map(n -> (JsonNode) LongNode.valueOf(n)),
        Arbitraries.of(1.5, -0.0, 1e308, 12.0).map(d -> (JsonNode) DoubleNode.valueOf(d)),
        hostileStrings().map(s -> (JsonNode) TextNode.valueOf(s)),
        Arbitraries.of(
            NullNode.instance,
            BooleanNode.TRUE,
            JsonNodeFactory.instance.arrayNode(),
            JsonNodeFactory.instance.objectNode(),
            deepArray(200)));
  }

  private static Arbitrary<String> hostileStrings() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "",
            " ",
            "12",
            " 12",
            "12 ",
            "12.5",
            "1e5",
            "0x10",
            "12\0",
            "\0",
            "\uDC00",
            "\uD800x",
            "NaN",
            "Infinity",
            "-0",
            "2025-01-20",
            "+5874898-01-01",
            "-999999999-01-01",
            "2025-01-20T00:00:00Z",
            "2025-02-30",
            "2023-12-31",
            "9999-12-31",
            "1." + "9".repeat(5_000),
            "%00",
            "机关\u202e",
            "\r\n",
            "110101",
            "119999",
            "000000",
            "11640500MB1F72538D",
            "zhongwei-civil-affairs",
            "a".repeat(70),
            "名".repeat(201)),
        Arbitraries.strings().withCharRange('\u0000', '\uFFFF').ofMaxLength(40),
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(30));
  }

  private static ArrayNode deepArray(int depth) {
    ArrayNode root = JsonNodeFactory.instance.arrayNode();
    ArrayNode current = root;
    for (int i = 0; i < depth; i++) {
      current = current.addArray();
    }
    return root;
  }

  /** 0 for a Content-Length body, else the chunk size of a chunked one. */
  private static Arbitrary<Integer> transfer() {
    return Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.of(1, 7, 1024, 65_536));
  }

  private Attempt put(String what, String body, int chunk, String query) {
    return new Attempt(
        what + (chunk > 0 ? " (chunked)" : ""),
        "PUT",
        reportPath(agency, 2024) + query,
        writeHeaders("application/json"),
        body.getBytes(StandardCharsets.UTF_8),
        chunk);
  }

  private static Map<String, String> writeHeaders(String contentType) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer " + adminToken());
    if (!contentType.isEmpty()) {
      headers.put("Content-Type", contentType);
    }
    return headers;
  }

  /** A header value as its UTF-8 bytes, one char per byte as RawHttp writes them. */
  private static String asHeaderBytes(String text) {
    return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  private static void collect(JsonNode node, String pointer, List<String> pointers) {
    if (!pointer.isEmpty()) {
      pointers.add(pointer);
    }
    node.fields()
        .forEachRemaining(
            field ->
                collect(
                    field.getValue(),
                    pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1"),
                    pointers));
  }

  private static void mutate(ObjectNode report, String pointer, String how, JsonNode value) {
    int slash = pointer.lastIndexOf('/');
    ObjectNode parent = (ObjectNode) report.at(pointer.substring(0, slash));
    String key = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
    switch (how) {
      case "remove" -> parent.remove(key);
      case "unknown" -> parent.set(key + "Extra", value);
      default -> parent.set(key, value);
    }
  }

  private static String json(JsonNode node) {
    try {
      return ESCAPING.writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String brief(JsonNode value) {
    String text = json(value);
    return text.length() > 60 ? text.substring(0, 60) + "…(" + text.length() + ")" : text;
  }
}
