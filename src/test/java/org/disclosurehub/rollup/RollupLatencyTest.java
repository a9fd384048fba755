package org.disclosurehub.rollup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RollupLatencyTest {
  @Inject RollupLatency latency;

  @Test
  void shouldPublishRollupTimingsByView() {
    latency.record("latency-test", Duration.ofMillis(3));

    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    assertThat(metrics)
        .containsPattern("(?m)^hub_rollup_seconds_count\\{[^}]*view=\"latency-test\"[^}]*} 1")
        .contains("hub_rollup_seconds_bucket");
  }

  @Test
  void shouldTimeTheRollupsTheApiComputes() {
    // A county of its own (合肥市包河区), so that no other test's reports fall within it.
    String agency = registerAgency("340111");
    admin()
        .contentType("application/json")
        .body(naturalResources2024().toString())
        .put(reportPath(agency, 2024))
        .then()
        .statusCode(201);
    given().get("/api/v1/regions/340111/rollups/2024").then().statusCode(200);
    given().get("/api/v1/regions/340111/rollups/2024/agencies").then().statusCode(200);

    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    assertThat(metrics)
        .containsPattern("(?m)^hub_rollup_seconds_count\\{[^}]*view=\"region-year\"[^}]*} [1-9]")
        .containsPattern("(?m)^hub_rollup_seconds_count\\{[^}]*view=\"agencies\"[^}]*} [1-9]");
  }
}
