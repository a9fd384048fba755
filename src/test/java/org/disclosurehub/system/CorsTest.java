package org.disclosurehub.system;

import static io.restassured.RestAssured.given;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Browser dashboards on the allowed origin (test profile: https://dashboard.example.org) read. */
@QuarkusTest
class CorsTest {
  private static final String ALLOWED = "https://dashboard.example.org";

  @Test
  void shouldAllowAReadFromAnAllowedOrigin() {
    String agency = registerAgency("340104");
    given()
        .header("Origin", ALLOWED)
        .get("/api/v1/agencies/" + agency)
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", ALLOWED)
        .header("Access-Control-Expose-Headers", containsString("ETag"));
  }

  @Test
  void shouldAnswerAPreflightForReadsOnly() {
    given()
        .header("Origin", ALLOWED)
        .header("Access-Control-Request-Method", "GET")
        .options("/api/v1/reports")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", ALLOWED)
        .header("Access-Control-Allow-Methods", containsString("GET"))
        .header("Access-Control-Allow-Methods", not(containsString("PUT")));
  }

  @Test
  void shouldNotAllowAnotherOrigin() {
    given()
        .header("Origin", "https://elsewhere.example.com")
        .get("/api/v1/reports")
        .then()
        .header("Access-Control-Allow-Origin", nullValue())
        .statusCode(equalTo(403));
  }
}
