package org.disclosurehub.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RollupLatencyTest {
  @Inject RollupLatency latency;

  @Test
  void shouldPublishRollupTimingsByView() {
    String answer = latency.time("latency-test", () -> "sums");

    assertThat(answer).isEqualTo("sums");
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    assertThat(metrics)
        .containsPattern("(?m)^hub_rollup_seconds_count\\{[^}]*view=\"latency-test\"[^}]*} 1")
        .contains("hub_rollup_seconds_bucket");
  }
}
