package org.disclosurehub.rollup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A conditional read repeated within the second its tag is kept (a dashboard polling) is answered
 * before the framework (EarlyNotModified): with the 304 the resource itself gives, counted under
 * the endpoint's template, and never with the tag of another representation. Works in 640324 in
 * 2019, which no other test uses.
 */
@QuarkusTest
class EarlyNotModifiedTest {
  private static final String URL = "/api/v1/regions/640324/rollups/2019";
  private static final String OLD_DATE = "Sat, 01 Jan 2000 00:00:00 GMT";
  private static final List<String> FIELDS =
      List.of("ETag", "Last-Modified", "Cache-Control", "Vary", "X-Content-Type-Options");

  @Test
  void shouldAnswerAsTheResourceDoesWithOneETag() {
    RollupFixture.registerAgency("640324", "early", 2019);
    String tag = given().get(URL).then().statusCode(200).extract().header("ETag");

    Response early = given().header("If-None-Match", tag).get(URL);
    // Another precondition sends the request on to the resource, which answers it (If-None-Match
    // decides before If-Modified-Since).
    Response resource =
        given().header("If-None-Match", tag).header("If-Modified-Since", OLD_DATE).get(URL);

    for (Response answer : List.of(early, resource)) {
      answer.then().statusCode(304);
      assertThat(answer.headers().getValues("ETag")).containsExactly(tag);
      assertThat(answer.header("Content-Type")).isNull();
      assertThat(answer.body().asByteArray()).isEmpty();
    }
    for (String field : FIELDS) {
      assertThat(early.headers().getValues(field))
          .as(field)
          .isEqualTo(resource.headers().getValues(field))
          .isNotEmpty();
    }
  }

  @Test
  void shouldNotAnswerAnotherRepresentationWithThisTag() {
    RollupFixture.registerAgency("640324", "variant", 2019);
    String json = given().get(URL).then().statusCode(200).extract().header("ETag");
    given().header("If-None-Match", json).get(URL).then().statusCode(304);

    given()
        .header("If-None-Match", json)
        .accept("text/csv")
        .get(URL)
        .then()
        .statusCode(200)
        .contentType("text/csv");
    given().header("If-None-Match", json).get(URL + "?scope=own").then().statusCode(200);
    given().header("If-None-Match", json).get(URL + "?format=csv").then().statusCode(200);
  }

  @Test
  void shouldCountItsAnswersUnderTheEndpointsTemplate() {
    RollupFixture.registerAgency("640324", "counted", 2019);
    String tag = given().get(URL).then().statusCode(200).extract().header("ETag");
    double before = notModifiedCount();
    for (int i = 0; i < 5; i++) {
      given().header("If-None-Match", tag).get(URL).then().statusCode(304);
    }
    assertThat(notModifiedCount()).isEqualTo(before + 5);
    assertThat(metrics()).doesNotContain("uri=\"" + URL + "\"");
  }

  private static final Pattern NOT_MODIFIED =
      Pattern.compile(
          "http_server_requests_seconds_count\\{method=\"GET\",outcome=\"REDIRECTION\","
              + "status=\"304\",uri=\"/api/v1/regions/\\{code}/rollups/\\{year}\"} ([0-9.E]+)");

  private static double notModifiedCount() {
    Matcher m = NOT_MODIFIED.matcher(metrics());
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  private static String metrics() {
    return given().get("/q/metrics").then().statusCode(200).extract().asString();
  }
}
