package org.disclosurehub.submission;

import static io.restassured.RestAssured.given;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.at;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP as clients expect it of reports (issue 13, part 6): dry runs, retries, conditional reads.
 */
@QuarkusTest
class HttpSemanticsTest {
  private String agency;

  @BeforeEach
  void fileRevisionOne() {
    agency = registerAgency("320300");
    admin()
        .contentType("application/json")
        .body(naturalResources2024().toString())
        .put(reportPath(agency, 2024))
        .then()
        .statusCode(201);
  }

  @Test
  void shouldSayADryRunIsOne() {
    admin()
        .contentType("application/json")
        .body(corrected().toString())
        .put(reportPath(agency, 2024) + "?dryRun=true")
        .then()
        .statusCode(200)
        .header("ETag", nullValue())
        .header("Repr-Digest", nullValue())
        .body("dryRun", equalTo(true))
        .body("wouldBecomeRevision", equalTo(2))
        .body("unchanged", equalTo(false))
        .body("$", not(hasKey("revision")))
        .body("$", not(hasKey("submittedAt")))
        .body("report.activeDisclosure.licensing", equalTo(1343));
    given().get(reportPath(agency, 2024)).then().body("revision", equalTo(1));
  }

  @Test
  void shouldAnswerARetriedCorrectionWithTheRevisionItMade() {
    String body = corrected().toString();
    admin()
        .contentType("application/json")
        .header("If-Match", "\"1\"")
        .body(body)
        .put(reportPath(agency, 2024))
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"");
    // The answer was lost; the agency's system sends the same request again.
    admin()
        .contentType("application/json")
        .header("If-Match", "\"1\"")
        .body(body)
        .put(reportPath(agency, 2024))
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("revision", equalTo(2));
    given().get(reportPath(agency, 2024) + "/revisions").then().body("size()", equalTo(2));
  }

  @Test
  void shouldStillRefuseOtherContentWithAStaleTag() {
    admin()
        .contentType("application/json")
        .body(corrected().toString())
        .put(reportPath(agency, 2024))
        .then()
        .statusCode(200);
    ObjectNode other = naturalResources2024();
    at(other, "/activeDisclosure").put("licensing", 1344);
    admin()
        .contentType("application/json")
        .header("If-Match", "\"1\"")
        .body(other.toString())
        .put(reportPath(agency, 2024))
        .then()
        .statusCode(412)
        .body("type", equalTo("/problems/precondition-failed"));
    given().get(reportPath(agency, 2024)).then().body("revision", equalTo(2));
  }

  @Test
  void shouldAnswerConditionalReadsOfAReportWith304() {
    for (String path :
        new String[] {
          reportPath(agency, 2024),
          reportPath(agency, 2024) + "/revisions",
          reportPath(agency, 2024) + "/revisions/1",
          reportPath(agency, 2024) + "/revisions/1/content"
        }) {
      String tag =
          given()
              .get(path)
              .then()
              .statusCode(200)
              .header("Cache-Control", not(emptyOrNullString()))
              .extract()
              .header("ETag");
      given()
          .header("If-None-Match", tag)
          .get(path)
          .then()
          .statusCode(304)
          .header("ETag", tag)
          .header("Cache-Control", not(emptyOrNullString()));
      given().header("If-None-Match", "\"99\"").get(path).then().statusCode(200);
    }
  }

  @Test
  void shouldAnswerIfNoneMatchStarOnAnyExistingResourceWith304() {
    for (String path :
        new String[] {
          reportPath(agency, 2024),
          reportPath(agency, 2024) + "/revisions",
          "/api/v1/agencies/" + agency,
          "/api/v1/agencies?division=320300",
          "/api/v1/regions/320300/rollups/2024",
          "/api/v1/regions/320300/rollups/2024/agencies",
          "/api/v1/regions/320300/rollups?from=2023&to=2024",
          "/api/v1/reports.csv?division=320300&year=2024"
        }) {
      given().header("If-None-Match", "*").get(path).then().statusCode(304);
    }
    given().header("If-None-Match", "*").get(reportPath(agency, 2023)).then().statusCode(404);
  }

  private static ObjectNode corrected() {
    ObjectNode report = naturalResources2024();
    at(report, "/activeDisclosure").put("licensing", 1343);
    return report;
  }
}
