package org.disclosurehub.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.at;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** PostgreSQL going away and coming back, through a proxy the test cuts and restores. */
@QuarkusTest
@TestProfile(ProxiedDatabaseProfile.class)
class DatabaseOutageTest {
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @AfterEach
  void restoreTheDatabase() {
    ProxiedDatabaseProfile.databaseReachable(true);
  }

  @Test
  void shouldTurnUnreadyAndRefuseWritesWith503WhileTheDatabaseIsUnreachableThenRecoverEverything() {
    String agency = registerAgency("320412");
    Map<Integer, String> acknowledged = new LinkedHashMap<>();
    for (int year = 2019; year <= 2022; year++) {
      ObjectNode report = report(year);
      String sha = put(agency, year, report).then().statusCode(201).extract().path("contentSha256");
      acknowledged.put(year, sha);
    }

    ProxiedDatabaseProfile.databaseReachable(false);
    awaitReadiness(503, "DOWN");
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    put(agency, 2023, report(2023))
        .then()
        .statusCode(503)
        .header("Retry-After", "5")
        .contentType(ProblemMappers.PROBLEM_JSON)
        .body("type", equalTo("/problems/service-unavailable"))
        .body("status", equalTo(503))
        .body("instance", equalTo(reportPath(agency, 2023)));
    given().get(reportPath(agency, 2019)).then().statusCode(503).header("Retry-After", "5");

    ProxiedDatabaseProfile.databaseReachable(true);
    awaitReadiness(200, "UP");
    // The refused write was not stored: sent again, it creates the report.
    put(agency, 2023, report(2023)).then().statusCode(201).body("revision", equalTo(1));
    acknowledged.forEach(
        (year, sha) ->
            given()
                .get(reportPath(agency, year))
                .then()
                .statusCode(200)
                .body("revision", equalTo(1))
                .body("contentSha256", equalTo(sha)));
  }

  /** A valid report that differs by year, so that each write is its own content. */
  private static ObjectNode report(int year) {
    ObjectNode report = naturalResources2024();
    at(report, "/activeDisclosure").put("penalties", year);
    return report;
  }

  private static Response put(String agency, int year, ObjectNode report) {
    return admin()
        .contentType("application/json")
        .body(report.toString())
        .put(reportPath(agency, year));
  }

  private static void awaitReadiness(int status, String health) {
    Instant deadline = Instant.now().plus(PATIENCE);
    Response ready;
    do {
      ready = given().get("/q/health/ready");
      if (ready.statusCode() == status) {
        break;
      }
      sleep();
    } while (Instant.now().isBefore(deadline));
    assertThat(ready.statusCode()).as("readiness after %s", PATIENCE).isEqualTo(status);
    assertThat(ready.jsonPath().getString("status")).isEqualTo(health);
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
