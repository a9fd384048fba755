package org.disclosurehub.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.at;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SubmissionMetricsTest {

  @Test
  void shouldCountSubmissionsByOutcomeAndRejectionsByRule() {
    String agency = registerAgency("320311");
    ObjectNode report = naturalResources2024();
    double accepted = metric("hub_submissions_total", "outcome", "accepted");
    double unchanged = metric("hub_submissions_total", "outcome", "unchanged");
    double rejected = metric("hub_submissions_total", "outcome", "rejected");
    double reviewTotal = metric("hub_submission_rejections_total", "rule", "REVIEW_TOTAL");
    double balance = metric("hub_submission_rejections_total", "rule", "BALANCE");

    put(agency, report, false).then().statusCode(201);
    put(agency, report, false).then().statusCode(200);
    ObjectNode broken = report.deepCopy();
    at(broken, "/reviews/administrativeReview").put("total", 6);
    put(agency, broken, false).then().statusCode(422);
    put(agency, broken, true).then().statusCode(200);

    // The first submission and the inconsistent one kept as published.
    assertThat(metric("hub_submissions_total", "outcome", "accepted")).isEqualTo(accepted + 2);
    assertThat(metric("hub_submissions_total", "outcome", "unchanged")).isEqualTo(unchanged + 1);
    assertThat(metric("hub_submissions_total", "outcome", "rejected")).isEqualTo(rejected + 1);
    assertThat(metric("hub_submission_rejections_total", "rule", "REVIEW_TOTAL"))
        .isEqualTo(reviewTotal + 1);
    assertThat(metric("hub_submission_rejections_total", "rule", "BALANCE")).isEqualTo(balance);
  }

  @Test
  void shouldNotCountDryRuns() {
    String agency = registerAgency("320312");
    double accepted = metric("hub_submissions_total", "outcome", "accepted");

    admin()
        .contentType("application/json")
        .queryParam("dryRun", true)
        .body(naturalResources2024().toString())
        .put(reportPath(agency, 2024))
        .then()
        .statusCode(200);

    assertThat(metric("hub_submissions_total", "outcome", "accepted")).isEqualTo(accepted);
  }

  private static io.restassured.response.Response put(
      String agency, ObjectNode report, boolean acceptInconsistent) {
    return admin()
        .contentType("application/json")
        .queryParam("acceptInconsistent", acceptInconsistent)
        .body(report.toString())
        .put(reportPath(agency, 2024));
  }

  /** One sample of the Prometheus exposition at /q/metrics (0 if the series is absent). */
  static double metric(String name, String label, String value) {
    String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
    Matcher sample =
        Pattern.compile(
                "(?m)^"
                    + Pattern.quote(name)
                    + "\\{[^}]*"
                    + Pattern.quote(label + "=\"" + value + "\"")
                    + "[^}]*} ([0-9.eE+-]+)$")
            .matcher(text);
    return sample.find() ? Double.parseDouble(sample.group(1)) : 0;
  }
}
