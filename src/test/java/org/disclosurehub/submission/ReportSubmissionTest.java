package org.disclosurehub.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.JSON;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.at;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.newAgencyCode;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;
import static org.disclosurehub.Fixtures.zhongweiCivilAffairs2024;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReportSubmissionTest {

  @Test
  void shouldStoreTheSeedReportAndReadItBackCellForCell() throws Exception {
    String agency = registerAgency("320500");
    ObjectNode seed = zhongweiCivilAffairs2024();

    admin()
        .contentType("application/json")
        .body(seed.toString())
        .put(reportPath(agency, 2024))
        .then()
        .statusCode(201)
        .header("Location", endsWith(reportPath(agency, 2024)))
        .header("ETag", "\"1\"")
        .body("agency", equalTo(agency))
        .body("year", equalTo(2024))
        .body("revision", equalTo(1))
        .body("contentSha256", matchesPattern("[0-9a-f]{64}"))
        .body("violations", empty())
        .body("warnings", empty());

    Response read = given().get(reportPath(agency, 2024));
    read.then().statusCode(200).header("ETag", "\"1\"");
    JsonNode stored = JSON.readTree(read.asString()).get("report");
    assertThat(stored).isEqualTo(seed);
    assertThat(stored.at("/activeDisclosure/licensing").intValue()).isEqualTo(11);
    assertThat(stored.at("/activeDisclosure/normativeDocuments/repealed").intValue()).isEqualTo(1);
    assertThat(stored.at("/publishedItems/total").intValue()).isEqualTo(117);
  }

  @Test
  void shouldKeepEveryNonZeroCellOfARealisticReport() throws Exception {
    String agency = registerAgency("320506");
    ObjectNode report = naturalResources2024();

    admin()
        .contentType("application/json")
        .body(report.toString())
        .put(reportPath(agency, 2024))
        .then()
        .statusCode(201);

    JsonNode stored = JSON.readTree(given().get(reportPath(agency, 2024)).asString());
    assertThat(stored.get("report")).isEqualTo(report);
    assertThat(stored.at("/report/requests/outcomes/unableToProvide/notHeld/total").intValue())
        .isEqualTo(16);
    assertThat(stored.at("/report/activeDisclosure/feesAmount").textValue()).isEqualTo("356.4821");
  }

  @Test
  void shouldComputeOmittedTotals() throws Exception {
    String agency = registerAgency("320507");
    ObjectNode report = naturalResources2024();
    ObjectNode expected = report.deepCopy();
    at(report, "/requests/newlyReceived").remove("total");
    at(report, "/requests/outcomes").remove("total");
    at(report, "/reviews/administrativeReview").remove("total");

    String body =
        admin()
            .contentType("application/json")
            .body(report.toString())
            .put(reportPath(agency, 2024))
            .then()
            .statusCode(201)
            .extract()
            .asString();

    JsonNode stored = JSON.readTree(body).get("report");
    assertThat(stored.at("/requests/newlyReceived/total").intValue()).isEqualTo(104);
    assertThat(stored.at("/requests/outcomes/total"))
        .isEqualTo(expected.at("/requests/outcomes/total"));
    assertThat(stored.at("/reviews/administrativeReview/total").intValue()).isEqualTo(5);
    assertThat(stored).isEqualTo(expected);
  }

  @Test
  void shouldAddARevisionOnlyWhenTheContentChanges() throws Exception {
    String agency = registerAgency("320100");
    ObjectNode report = naturalResources2024();
    String first = put(agency, report, null).then().statusCode(201).extract().path("contentSha256");

    // The same content again, in another key order: the same revision, nothing stored.
    ObjectNode reordered = JSON.createObjectNode();
    reordered.set("reviews", report.get("reviews"));
    reordered.set("requests", report.get("requests"));
    reordered.set("activeDisclosure", report.get("activeDisclosure"));
    report.fieldNames().forEachRemaining(f -> reordered.set(f, report.get(f)));
    put(agency, reordered, null)
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("revision", equalTo(1))
        .body("contentSha256", equalTo(first));

    at(report, "/activeDisclosure").put("penalties", 88);
    put(agency, report, "\"1\"")
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("revision", equalTo(2))
        .body("report.activeDisclosure.penalties", equalTo(88));

    given()
        .get(reportPath(agency, 2024) + "/revisions")
        .then()
        .statusCode(200)
        .body("", hasSize(2))
        .body("[0].revision", equalTo(1))
        .body("[0].contentSha256", equalTo(first))
        .body("[1].revision", equalTo(2));
    given()
        .get(reportPath(agency, 2024) + "/revisions/1")
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("report.activeDisclosure.penalties", equalTo(87));
    given()
        .get(reportPath(agency, 2024))
        .then()
        .body("revision", equalTo(2))
        .body("report.activeDisclosure.penalties", equalTo(88));
    given()
        .get(reportPath(agency, 2024) + "/revisions/3")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", containsString("the current one is 2"));
  }

  @Test
  void shouldRefuseAStaleIfMatchAndStoreNothing() {
    String agency = registerAgency("320100");
    ObjectNode report = naturalResources2024();
    put(agency, report, null).then().statusCode(201);
    at(report, "/activeDisclosure").put("penalties", 90);
    put(agency, report, "\"1\"").then().statusCode(200).header("ETag", "\"2\"");

    at(report, "/activeDisclosure").put("penalties", 91);
    put(agency, report, "\"1\"")
        .then()
        .statusCode(412)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/precondition-failed"))
        .body("detail", containsString("\"2\""));

    given().get(reportPath(agency, 2024) + "/revisions").then().body("", hasSize(2));
    given()
        .get(reportPath(agency, 2024))
        .then()
        .body("report.activeDisclosure.penalties", equalTo(90));
  }

  @Test
  void shouldRefuseCreateOnlyWhenTheReportExists() {
    String agency = registerAgency("320100");
    ObjectNode report = naturalResources2024();
    admin()
        .contentType("application/json")
        .header("If-None-Match", "*")
        .body(report.toString())
        .put(reportPath(agency, 2024))
        .then()
        .statusCode(201);

    at(report, "/activeDisclosure").put("penalties", 1);
    admin()
        .contentType("application/json")
        .header("If-None-Match", "*")
        .body(report.toString())
        .put(reportPath(agency, 2024))
        .then()
        .statusCode(412)
        .body("type", equalTo("/problems/precondition-failed"));
    given().get(reportPath(agency, 2024)).then().body("revision", equalTo(1));
  }

  @Test
  void shouldRefuseIfMatchWhenThereIsNoReportYet() {
    String agency = registerAgency("320100");
    put(agency, naturalResources2024(), "\"1\"").then().statusCode(412);
    given().get(reportPath(agency, 2024)).then().statusCode(404);
  }

  @Test
  void shouldAnswerADryRunWithoutStoring() {
    String agency = registerAgency("320100");
    admin()
        .contentType("application/json")
        .queryParam("dryRun", true)
        .body(naturalResources2024().toString())
        .put(reportPath(agency, 2024))
        .then()
        .statusCode(200)
        .body("dryRun", equalTo(true))
        .body("wouldBecomeRevision", equalTo(1))
        .body("report.requests.carriedForward.total", equalTo(7));
    given().get(reportPath(agency, 2024)).then().statusCode(404);
  }

  @Test
  void shouldListCurrentReportsByYearAndDivisionWithTheTotalCount() {
    // A county code no other test uses (扬中市), so that no other test's reports fall within it.
    String first = registerAgency("321182", newAgencyCode("a"));
    String second = registerAgency("321182", newAgencyCode("b"));
    String elsewhere = registerAgency("320509");
    ObjectNode report = naturalResources2024();
    put(second, report, null).then().statusCode(201);
    put(first, report, null).then().statusCode(201);
    put(elsewhere, report, null).then().statusCode(201);
    at(report, "/activeDisclosure").put("penalties", 3);
    put(first, report, null).then().statusCode(200);

    given()
        .queryParam("year", 2024)
        .queryParam("division", "321182")
        .queryParam("size", 1)
        .get("/api/v1/reports")
        .then()
        .statusCode(200)
        .body("total", equalTo(2))
        .body("items", hasSize(1))
        .body("items[0].agency", equalTo(first))
        .body("items[0].revision", equalTo(2));
    given()
        .queryParams(Map.of("year", 2024, "division", "321182", "size", 1, "page", 1))
        .get("/api/v1/reports")
        .then()
        .body("items[0].agency", equalTo(second))
        .body("items[0].revision", equalTo(1));
  }

  static Response put(String agency, JsonNode report, String ifMatch) {
    var request = admin().contentType("application/json").body(report.toString());
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return request.put(reportPath(agency, 2024));
  }
}
