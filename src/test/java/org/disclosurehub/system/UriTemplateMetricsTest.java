package org.disclosurehub.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.as;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The HTTP metrics count every request under its endpoint's URI template, also when the resource
 * method is never reached (authentication refused, nothing acceptable), so that dashboards and
 * alerts keyed on {@code uri} see them and the label never takes a raw path; and {@link
 * DeferredUriTemplate} names that template only for such requests.
 */
@QuarkusTest
class UriTemplateMetricsTest {
  private static final String REPORT = "/api/v1/agencies/{code}/reports/{year}";
  private static final String ROLLUP = "/api/v1/regions/{code}/rollups/{year}";

  @Inject DeferredUriTemplate deferred;

  @Test
  void shouldTakeOverTheDefaultAuthFailureHandlerAfterAuthentication() {
    given().get("/api/v1").then().statusCode(200);

    // Before authentication it would find no handler to take over, and Quarkus REST's filter
    // would go on matching every request's path.
    assertThat(deferred.replacedOnce()).isTrue();
  }

  @Test
  void shouldCountARefusedWriteUnderItsTemplate() {
    String path = reportPath(registerAgency("320311"), 2024);
    double before = count("PUT", 401, REPORT);

    as("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
        .contentType("application/json")
        .body(naturalResources2024())
        .put(path)
        .then()
        .statusCode(401)
        .contentType("application/problem+json");

    assertThat(count("PUT", 401, REPORT)).isEqualTo(before + 1);
    assertThat(metrics()).doesNotContain("uri=\"" + path + "\"");
  }

  @Test
  void shouldCountAnUnacceptableReadUnderItsTemplate() {
    String path = "/api/v1/regions/320311/rollups/2024";
    double before = count("GET", 406, ROLLUP);

    given().accept("image/png").get(path).then().statusCode(406);

    assertThat(count("GET", 406, ROLLUP)).isEqualTo(before + 1);
    assertThat(metrics()).doesNotContain("uri=\"" + path + "\"");
  }

  @Test
  void shouldCountAnAnsweredReadUnderItsTemplate() {
    String path = reportPath(registerAgency("320311"), 2024);
    double before = count("GET", 404, REPORT);

    given().get(path).then().statusCode(404);

    assertThat(count("GET", 404, REPORT)).isEqualTo(before + 1);
  }

  private static double count(String method, int status, String template) {
    Pattern line =
        Pattern.compile(
            "http_server_requests_seconds_count\\{method=\""
                + method
                + "\",outcome=\"CLIENT_ERROR\",status=\""
                + status
                + "\",uri=\""
                + Pattern.quote(template)
                + "\"} ([0-9.E]+)");
    Matcher m = line.matcher(metrics());
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  private static String metrics() {
    return given().get("/q/metrics").then().statusCode(200).extract().asString();
  }
}
