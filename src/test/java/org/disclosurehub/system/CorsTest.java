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
  void shouldNotAllowAnotherOriginAndSayWhy() {
    given()
        .header("Origin", "https://elsewhere.example.com")
        .get("/api/v1/reports")
        .then()
        .header("Access-Control-Allow-Origin", nullValue())
        .statusCode(equalTo(403))
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/origin-not-allowed"))
        .body("detail", containsString("https://elsewhere.example.com"));
  }

  @Test
  void shouldAllowADashboardOnLocalhostOnAnyPort() {
    // The dev profile allows http://localhost:* (application.properties); so does the test one.
    for (String origin : new String[] {"http://localhost:3000", "http://localhost:5173"}) {
      given()
          .header("Origin", origin)
          .get("/api/v1/reports")
          .then()
          .statusCode(200)
          .header("Access-Control-Allow-Origin", origin);
    }
    given()
        .header("Origin", "http://localhost.evil.example:3000")
        .get("/api/v1/reports")
        .then()
        .statusCode(403);
  }

  @Test
  void shouldRefuseACrossOriginWriteInAPreflightWithAProblem() {
    given()
        .header("Origin", ALLOWED)
        .header("Access-Control-Request-Method", "PUT")
        .options("/api/v1/reports")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .header("Access-Control-Allow-Origin", nullValue());
  }
}
