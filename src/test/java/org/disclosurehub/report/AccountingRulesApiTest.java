package org.disclosurehub.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.at;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each blocking rule broken by a realistic report in exactly that rule, through the API: the 422
 * names rule, cell, expected and actual, and nothing is stored. The fixture's Table 三 outcome
 * totals are 84, 12, 1, 0, 3, 2 (102); received 104 + carried over 5 − 102 = 7 carried forward.
 */
@QuarkusTest
class AccountingRulesApiTest {

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Finding(String rule, String path, String expected, String actual) {}

  @Test
  void shouldRefuseARowWhoseTotalIsNotTheSumOfItsColumns() {
    ObjectNode report = naturalResources2024();
    // Two row totals one too high keep the balance; only ROW_TOTAL is broken.
    at(report, "/requests/newlyReceived").put("total", 105);
    at(report, "/requests/carriedForward").put("total", 8);

    assertRefused(
        report,
        new Finding("ROW_TOTAL", "/requests/newlyReceived/total", "104", "105"),
        new Finding("ROW_TOTAL", "/requests/carriedForward/total", "7", "8"));
  }

  @Test
  void shouldRefuseOutcomeTotalsThatAreNotTheSumOfTheOutcomeRows() {
    ObjectNode report = naturalResources2024();
    at(report, "/requests/outcomes/total").put("naturalPerson", 85).put("total", 103);
    at(report, "/requests/carriedForward").put("naturalPerson", 5).put("total", 6);

    assertRefused(
        report,
        new Finding("OUTCOME_TOTAL", "/requests/outcomes/total/naturalPerson", "84", "85"),
        new Finding("OUTCOME_TOTAL", "/requests/outcomes/total/total", "102", "103"));
  }

  @Test
  void shouldRefuseAReportThatDoesNotBalance() {
    ObjectNode report = naturalResources2024();
    at(report, "/requests/carriedForward").put("naturalPerson", 7).put("total", 8);

    assertRefused(
        report,
        new Finding("BALANCE", "/requests/carriedForward/naturalPerson", "6", "7"),
        new Finding("BALANCE", "/requests/carriedForward/total", "7", "8"));
  }

  @Test
  void shouldReportOneWrongTotalOnceAtTheCellThatIsWrong() {
    // A small bureau: 5 new requests (3 + 1 + 1), 3 granted, 2 carried forward; 总计 misprinted.
    ObjectNode report = naturalResources2024();
    for (String row : tableThreeRows(report)) {
      ObjectNode cells = at(report, row);
      cells.fieldNames().forEachRemaining(column -> cells.put(column, 0));
      cells.remove("total");
    }
    at(report, "/requests/newlyReceived")
        .put("naturalPerson", 3)
        .put("commercialEnterprise", 1)
        .put("legalServiceInstitution", 1)
        .put("total", 999);
    at(report, "/requests/outcomes/granted").put("naturalPerson", 2).put("commercialEnterprise", 1);
    at(report, "/requests/outcomes/total").put("naturalPerson", 2).put("commercialEnterprise", 1);
    at(report, "/requests/carriedForward")
        .put("naturalPerson", 1)
        .put("legalServiceInstitution", 1);

    // Before, BALANCE also answered "expected 996, actual 2" at carriedForward/total, a right cell.
    assertRefused(report, new Finding("ROW_TOTAL", "/requests/newlyReceived/total", "5", "999"));
  }

  @Test
  void shouldStillJudgeTheTotalColumnWhereEveryRowTotalHolds() {
    ObjectNode report = naturalResources2024();
    // 三(七) adds up across its columns, but not down its rows: 总计 is judged as every column.
    at(report, "/requests/outcomes/total").put("commercialEnterprise", 13).put("total", 103);

    assertRefused(
        report,
        new Finding("OUTCOME_TOTAL", "/requests/outcomes/total/commercialEnterprise", "12", "13"),
        new Finding("OUTCOME_TOTAL", "/requests/outcomes/total/total", "102", "103"),
        new Finding("BALANCE", "/requests/carriedForward/commercialEnterprise", "0", "1"),
        new Finding("BALANCE", "/requests/carriedForward/total", "6", "7"));
  }

  /** The JSON Pointers of every row of Table 三 in a report. */
  private static List<String> tableThreeRows(ObjectNode report) {
    List<String> rows = new java.util.ArrayList<>();
    collectRows(report.get("requests"), "/requests", rows);
    return rows;
  }

  private static void collectRows(
      com.fasterxml.jackson.databind.JsonNode node, String pointer, List<String> rows) {
    if (node.has("naturalPerson")) {
      rows.add(pointer);
      return;
    }
    node.fields()
        .forEachRemaining(e -> collectRows(e.getValue(), pointer + "/" + e.getKey(), rows));
  }

  @Test
  void shouldRefuseAReviewBlockWhoseTotalIsWrong() {
    ObjectNode report = naturalResources2024();
    at(report, "/reviews/administrativeReview").put("total", 6);

    assertRefused(
        report, new Finding("REVIEW_TOTAL", "/reviews/administrativeReview/total", "5", "6"));
  }

  @Test
  void shouldRefuseNegativeCountsAsUnstorableEvenWhenAccepted() {
    // A negative cell is no inconsistency to keep as published: 400 with its pointer (issue 22).
    ObjectNode report = naturalResources2024();
    at(report, "/activeDisclosure").put("licensing", -3);
    at(report, "/activeDisclosure").put("feesAmount", "-1.5");
    String agency = registerAgency("320200");

    admin()
        .contentType("application/json")
        .queryParam("acceptInconsistent", true)
        .body(report.toString())
        .put(reportPath(agency, 2024))
        .then()
        .statusCode(400)
        .body("type", equalTo("/problems/invalid-field"))
        .body(
            "errors.pointer",
            containsInAnyOrder("/activeDisclosure/licensing", "/activeDisclosure/feesAmount"));
    given().get(reportPath(agency, 2024)).then().statusCode(404);
  }

  @Test
  void shouldListEveryViolationAtOnce() {
    ObjectNode report = naturalResources2024();
    at(report, "/requests/carriedForward").put("naturalPerson", 7).put("total", 8);
    at(report, "/reviews/litigationDirect").put("total", 3);

    assertRefused(
        report,
        new Finding("REVIEW_TOTAL", "/reviews/litigationDirect/total", "4", "3"),
        new Finding("BALANCE", "/requests/carriedForward/naturalPerson", "6", "7"),
        new Finding("BALANCE", "/requests/carriedForward/total", "7", "8"));
  }

  @Test
  void shouldKeepAnInconsistentReportWhenAskedWithItsViolations() {
    String agency = registerAgency("320200");
    ObjectNode report = naturalResources2024();
    at(report, "/requests/carriedForward").put("naturalPerson", 7).put("total", 8);

    admin()
        .contentType("application/json")
        .queryParam("acceptInconsistent", true)
        .body(report.toString())
        .put(reportPath(agency, 2024))
        .then()
        .statusCode(201)
        .body("violations", hasSize(2))
        .body("violations[0].rule", equalTo("BALANCE"))
        .body("report.requests.carriedForward.naturalPerson", equalTo(7));

    given()
        .get(reportPath(agency, 2024))
        .then()
        .statusCode(200)
        .body("violations", hasSize(2))
        .body("violations[0].path", equalTo("/requests/carriedForward/naturalPerson"));
    given()
        .get(reportPath(agency, 2024) + "/revisions")
        .then()
        .body("[0].violationCount", equalTo(2));
  }

  @Test
  void shouldWarnAcrossYearsAndReevaluateWhenThePreviousYearIsCorrected() {
    String agency = registerAgency("320200");
    // 2023 carried forward 6 natural persons (7 in all) and had 37 normative documents in force.
    ObjectNode previous = naturalResources2024();
    submit(agency, 2023, previous).statusCode(201);
    // 2024 says 4 (5) were carried over, and 37 + 5 issued − 2 repealed is not 37.
    submit(agency, 2024, naturalResources2024()).statusCode(201);

    List<Finding> warnings =
        given()
            .get(reportPath(agency, 2024))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("warnings", Finding.class);
    assertThat(warnings)
        .containsExactlyInAnyOrder(
            new Finding("CARRY_OVER", "/requests/carriedOver/naturalPerson", "6", "4"),
            new Finding("CARRY_OVER", "/requests/carriedOver/total", "7", "5"),
            new Finding("IN_FORCE", "/activeDisclosure/normativeDocuments/inForce", "40", "37"));

    // Correct 2023: two more granted, so 4 (5) carried forward; 34 documents in force.
    at(previous, "/requests/outcomes/granted").put("naturalPerson", 43).put("total", 52);
    at(previous, "/requests/outcomes/total").put("naturalPerson", 86).put("total", 104);
    at(previous, "/requests/carriedForward").put("naturalPerson", 4).put("total", 5);
    at(previous, "/activeDisclosure/normativeDocuments").put("inForce", 34);
    submit(agency, 2023, previous).statusCode(200).body("revision", equalTo(2));

    given().get(reportPath(agency, 2024)).then().body("warnings", hasSize(0));
  }

  static ValidatableResponse submit(String agency, int year, ObjectNode report) {
    return admin()
        .contentType("application/json")
        .body(report.toString())
        .put(reportPath(agency, year))
        .then();
  }

  private static void assertRefused(ObjectNode report, Finding... expected) {
    assertRefused("320200", 2024, report, expected);
  }

  /**
   * The report, filed for a new agency of the division, is refused with exactly these findings and
   * nothing is stored.
   */
  static void assertRefused(String division, int year, ObjectNode report, Finding... expected) {
    String agency = registerAgency(division);
    var response =
        submit(agency, year, report)
            .statusCode(422)
            .contentType("application/problem+json")
            .body("type", equalTo("/problems/report-inconsistent"))
            .body("status", equalTo(422))
            .extract()
            .jsonPath();
    assertThat(response.getList("violations", Finding.class)).containsExactlyInAnyOrder(expected);
    assertThat(response.getList("violations.message", String.class)).allMatch(m -> !m.isBlank());
    given().get(reportPath(agency, year)).then().statusCode(404);
  }
}
