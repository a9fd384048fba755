package org.disclosurehub;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.LogConfig;
import org.junit.jupiter.api.Test;

/** A failed validation still logs its request and answer; the answer is not pretty-printed. */
@QuarkusTest
class PlainFailureLogTest {

  @Test
  void shouldLogAFailedValidationWithoutPrettyPrintingEveryAnswer() {
    LogConfig log = RestAssured.config().getLogConfig();
    assertThat(log.isLoggingOfRequestAndResponseIfValidationFailsEnabled()).isTrue();
    assertThat(log.isPrettyPrintingEnabled()).isFalse();
  }
}
