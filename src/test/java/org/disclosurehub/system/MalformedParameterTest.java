package org.disclosurehub.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A number query parameter that is not a number is a 400 naming it, on every endpoint. */
@QuarkusTest
class MalformedParameterTest {

  @ParameterizedTest
  @CsvSource({
    "/api/v1/agencies?page=x, page",
    "/api/v1/agencies?size=ten, size",
    "/api/v1/reports?year=abc, year",
    "/api/v1/reports?page=1.5, page",
    "/api/v1/reports.csv?year=abc, year",
    "/api/v1/regions/640500/rollups?from=abc, from",
    "/api/v1/regions/640500/rollups?to=2024x, to",
    "/api/v1/regions/640500/rollups/2024/agencies?page=x, page",
  })
  void shouldAnswerInvalidParameterNotNotFound(String url, String parameter) {
    given()
        .get(url)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/invalid-parameter"))
        .body("title", equalTo("Request parameter is invalid"))
        .body("errors[0].pointer", equalTo(parameter))
        .body("errors[0].message", equalTo("must be a whole number"))
        .body("instance", equalTo(url.substring(0, url.indexOf('?'))));
  }
}
