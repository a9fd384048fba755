package org.disclosurehub;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.config.LogConfig;
import io.restassured.filter.log.LogDetail;

/**
 * Keeps Quarkus' log of a failed REST Assured validation (the request and the answer, printed when
 * a {@code then()} fails) but writes the answer's body as it came, not pretty-printed. REST Assured
 * writes that log for every request, to print it only if the validation fails: pretty-printing
 * every JSON and HTML answer (a roll-up, an agency list, a page parsed as XML) was a large part of
 * the tests' own processor time.
 *
 * <p>Quarkus' own set-up of that log, which pretty-prints and is made again for every test, is
 * switched off ({@code quarkus.test.rest-assured.enable-logging-on-failure=false} in
 * application.properties); this callback sets the same log up before every {@code @QuarkusTest}
 * method (META-INF/services), and Quarkus keeps it (it changes only the client's timeouts).
 */
public final class PlainFailureLog implements QuarkusTestBeforeEachCallback {
  @Override
  public void beforeEach(QuarkusTestMethodContext context) {
    RestAssured.config =
        RestAssured.config()
            .logConfig(
                LogConfig.logConfig()
                    .enableLoggingOfRequestAndResponseIfValidationFails(LogDetail.ALL)
                    .enablePrettyPrinting(false));
  }
}
