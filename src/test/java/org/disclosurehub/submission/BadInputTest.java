package org.disclosurehub.submission;

import static io.restassured.RestAssured.given;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.at;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every kind of bad input gets an RFC 9457 problem that names the field, and changes nothing: the
 * agency's report stays at revision 1 with its original content.
 */
@QuarkusTest
class BadInputTest {
  private String agency;

  @BeforeEach
  void fileRevisionOne() {
    agency = registerAgency("320300");
    put(naturalResources2024().toString()).statusCode(201);
  }

  @Test
  void shouldRefuseMalformedJson() {
    put("{\"formatVersion\": \"2021\", \"activeDisclosure\": {")
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/malformed-json"))
        .body("title", equalTo("Request body is not valid JSON"))
        .body("status", equalTo(400))
        .body("instance", equalTo(reportPath(agency, 2024)))
        .body("detail", containsString("line"));
    assertUnchanged();
  }

  @Test
  void shouldRefuseACountSentAsAString() {
    ObjectNode report = naturalResources2024();
    at(report, "/activeDisclosure").put("licensing", "1342");
    assertInvalidField(report, "/activeDisclosure/licensing", "must be a whole number");
  }

  @Test
  void shouldRefuseAFractionalCount() {
    ObjectNode report = naturalResources2024();
    at(report, "/requests/newlyReceived").put("naturalPerson", 86.5);
    assertInvalidField(report, "/requests/newlyReceived/naturalPerson", "must be a whole number");
  }

  @Test
  void shouldRefuseAnUnknownField() {
    ObjectNode report = naturalResources2024();
    at(report, "/requests/outcomes/denied").put("classified", 1);
    assertInvalidField(report, "/requests/outcomes/denied/classified", "unknown field");
  }

  @Test
  void shouldRefuseAMissingSection() {
    ObjectNode report = naturalResources2024();
    report.remove("reviews");
    assertInvalidField(report, "/reviews", "is required");
  }

  @Test
  void shouldRefuseAMissingCell() {
    ObjectNode report = naturalResources2024();
    at(report, "/requests/carriedOver").remove("socialWelfareOrganization");
    assertInvalidField(report, "/requests/carriedOver/socialWelfareOrganization", "is required");
  }

  @Test
  void shouldRefuseAnAmountWithMoreThanSixDecimals() {
    ObjectNode report = naturalResources2024();
    at(report, "/activeDisclosure").put("feesAmount", "356.4821503");
    assertInvalidField(report, "/activeDisclosure/feesAmount", "at most 6 decimals");
  }

  @Test
  void shouldRefuseAnAmountSentAsANumber() {
    ObjectNode report = naturalResources2024();
    at(report, "/activeDisclosure").put("feesAmount", 356.4821);
    assertInvalidField(report, "/activeDisclosure/feesAmount", "decimal string");
  }

  @Test
  void shouldRefuseAnUnknownFormatVersion() {
    ObjectNode report = naturalResources2024();
    report.put("formatVersion", "2020");
    assertInvalidField(report, "/formatVersion", "must be \"2021\" or \"2019\"");
  }

  @Test
  void shouldRefuseAYearBeforeTheRegulations() {
    assertBadYear(2007);
  }

  @Test
  void shouldRefuseAYearThatHasNotBegun() {
    assertBadYear(LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + 1);
  }

  @Test
  void shouldRefuseAnUnknownAgency() {
    admin()
        .contentType("application/json")
        .body(naturalResources2024().toString())
        .put(reportPath("no-such-agency", 2024))
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/not-found"))
        .body("detail", containsString("no-such-agency"));
  }

  @Test
  void shouldRefuseABodyOverOneMebibyte() {
    ObjectNode report = naturalResources2024();
    at(report, "/narrative").put("overview", "公开".repeat(200_000));
    put(report.toString())
        .statusCode(413)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/payload-too-large"))
        .body("detail", containsString("1048576"));
    assertUnchanged();
  }

  @Test
  void shouldRefuseAnEmptyBody() {
    put("").statusCode(400).contentType("application/problem+json");
    assertUnchanged();
  }

  @Test
  void shouldRefuseAnotherMediaType() {
    admin()
        .contentType("text/plain")
        .body(naturalResources2024().toString())
        .put(reportPath(agency, 2024))
        .then()
        .statusCode(415)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/unsupported-media-type"));
    assertUnchanged();
  }

  @Test
  void shouldAnswerUnknownPathsWithAProblem() {
    given()
        .get("/api/v1/no-such-thing")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/not-found"));
  }

  private void assertBadYear(int year) {
    admin()
        .contentType("application/json")
        .body(naturalResources2024().toString())
        .put(reportPath(agency, year))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/invalid-parameter"))
        .body("errors[0].pointer", equalTo("year"))
        .body("errors[0].message", containsString("2008"));
    given().get(reportPath(agency, year)).then().statusCode(404);
  }

  private void assertInvalidField(ObjectNode report, String pointer, String message) {
    put(report.toString())
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/invalid-field"))
        .body("errors[0].pointer", equalTo(pointer))
        .body("errors[0].message", containsString(message))
        .body("detail", containsString(pointer));
    assertUnchanged();
  }

  private void assertUnchanged() {
    given()
        .get(reportPath(agency, 2024))
        .then()
        .statusCode(200)
        .body("revision", equalTo(1))
        .body("report.activeDisclosure.licensing", equalTo(1342));
  }

  private ValidatableResponse put(String body) {
    return admin().contentType("application/json").body(body).put(reportPath(agency, 2024)).then();
  }
}
