package org.disclosurehub.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.adminToken;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disclosurehub.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Empty and odd {@code Accept} headers, sent byte for byte to every read endpoint (issue 22): one
 * that says no more than an absent header gets what an absent header gets, one that nothing matches
 * gets a 406 problem, never a 500, and every endpoint answers alike.
 */
@QuarkusTest
class AcceptHeaderTest {
  private static final String DIVISION = "320205";

  /** Values that name no media type, or only invalid ones: the same as no header. */
  private static final List<String> LIKE_NONE =
      List.of("", " ", ",", " , ,", "text/html;q=abc", "html", "*/html", "text/", ";q=1", "\"");

  /** Values that accept anything. */
  private static final List<String> LIKE_ANY =
      List.of("*/*", "*/*;q=0.5", "*/* , ", "image/png, */*;q=0.1", "*/*;q=abc, */*");

  /** Values that nothing here is served in. */
  private static final List<String> NOTHING =
      List.of("image/png", "image/*", "image/png;q=abc, image/gif", "*/*;q=0", "*/*;q=0.000");

  private String agency;

  @BeforeEach
  void fileAReport() {
    agency = registerAgency(DIVISION);
    admin()
        .contentType("application/json")
        .body(naturalResources2024().toString())
        .put(reportPath(agency, 2024))
        .then()
        .statusCode(201);
  }

  private List<String> readEndpoints() {
    String report = reportPath(agency, 2024);
    return List.of(
        "/api/v1",
        "/api/v1/agencies",
        "/api/v1/agencies/" + agency,
        "/api/v1/agencies/" + agency + "/tokens",
        report,
        report + "/revisions",
        report + "/revisions/1",
        report + "/revisions/1/content",
        "/api/v1/reports?year=2024",
        "/api/v1/reports.csv?year=2024&division=" + DIVISION,
        "/api/v1/report-layout",
        "/api/v1/regions/" + DIVISION,
        "/api/v1/regions/" + DIVISION + "/rollups/2024",
        "/api/v1/regions/" + DIVISION + "/rollups/2024/agencies",
        "/api/v1/regions/" + DIVISION + "/rollups?from=2023&to=2024",
        "/api/v1/regions/" + DIVISION + "/annual-report/2024",
        "/",
        "/regions/" + DIVISION + "/2024",
        "/agencies/" + agency + "/2024");
  }

  @Test
  void shouldAnswerAnEmptyOrInvalidAcceptAsIfThereWereNone() {
    List<String> differences = new ArrayList<>();
    for (String target : readEndpoints()) {
      RawHttp.Answer none = get(target, null);
      assertThat(none.status()).as(target + " " + none).isEqualTo(200);
      for (String accept : concat(LIKE_NONE, LIKE_ANY)) {
        RawHttp.Answer answer = get(target, accept);
        if (answer.status() != none.status()
            || !mediaType(answer).equals(mediaType(none))
            || !answer.text().equals(none.text())) {
          differences.add(
              target
                  + " with Accept '"
                  + accept
                  + "': "
                  + answer.status()
                  + " "
                  + mediaType(answer)
                  + " instead of "
                  + none.status()
                  + " "
                  + mediaType(none));
        }
      }
    }
    assertThat(differences).isEmpty();
  }

  @Test
  void shouldRefuseWhatNothingMatchesWith406ProblemEverywhere() {
    List<String> answered = new ArrayList<>();
    for (String target : readEndpoints()) {
      for (String accept : NOTHING) {
        RawHttp.Answer answer = get(target, accept);
        if (answer.status() != 406) {
          answered.add(target + " with Accept '" + accept + "': " + answer.status());
        } else {
          answer.problem(406, "/problems/not-acceptable");
        }
      }
    }
    assertThat(answered).isEmpty();
  }

  @Test
  void shouldIgnoreADateConditionThatIsNoDate() {
    List<String> failed = new ArrayList<>();
    for (String target : readEndpoints()) {
      for (String header : List.of("If-Modified-Since", "If-Unmodified-Since")) {
        for (String value : List.of("garbage", "\"1\", W/\"x\"", "", "-1")) {
          Map<String, String> headers = new LinkedHashMap<>();
          headers.put("Authorization", "Bearer " + adminToken());
          headers.put(header, value);
          RawHttp.Answer answer = RawHttp.send("GET " + target + " HTTP/1.1", headers, null);
          if (answer.status() != 200) {
            failed.add(target + " " + header + " '" + value + "': " + answer.status());
          }
        }
      }
    }
    assertThat(failed).isEmpty();
  }

  @Test
  void shouldHonourAValidPreferenceAmongInvalidElements() {
    String report = reportPath(agency, 2024);
    RawHttp.Answer html = get(report, ",text/html;q=abc, text/html, ,");
    assertThat(html.status()).isEqualTo(200);
    assertThat(mediaType(html)).isEqualTo("text/html");
    RawHttp.Answer csv =
        get("/api/v1/regions/" + DIVISION + "/rollups/2024", "text/csv;q=x, TEXT/CSV");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(mediaType(csv)).isEqualTo("text/csv");
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static String mediaType(RawHttp.Answer answer) {
    String type = answer.header("Content-Type");
    return type == null ? "" : type.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
  }

  private static RawHttp.Answer get(String target, String accept) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer " + adminToken());
    if (accept != null) {
      headers.put("Accept", accept);
    }
    return RawHttp.send("GET " + target + " HTTP/1.1", headers, null);
  }
}
