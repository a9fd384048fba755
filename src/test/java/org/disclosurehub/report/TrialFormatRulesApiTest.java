package org.disclosurehub.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.at;
import static org.disclosurehub.Fixtures.carryingOver2020;
import static org.disclosurehub.Fixtures.marketRegulation2020Trial;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;
import static org.disclosurehub.report.AccountingRulesApiTest.submit;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.disclosurehub.report.AccountingRulesApiTest.Finding;
import org.junit.jupiter.api.Test;

/**
 * The accounting rules on a report in the 2019 trial format, through the API. The fixture's Table 三
 * outcome totals are 118, 18, 2, 1, 4, 2 (145), its single row 三(六) 其他处理 3, 0, 0, 1, 0, 0 (4);
 * received 148 + carried over 7 − 145 = 10 carried forward (8, 1, 0, 0, 0, 1).
 */
@QuarkusTest
class TrialFormatRulesApiTest {

  @Test
  void shouldAcceptNegativeChangesOfTheYear() {
    ObjectNode report = marketRegulation2020Trial();
    at(report, "/activeDisclosure2019/penalties").put("change", -9);
    at(report, "/activeDisclosure2019/fees").put("change", -4);

    submit(registerAgency("330200"), 2020, report)
        .statusCode(201)
        .body("violations.size()", equalTo(0))
        .body("report.activeDisclosure2019.penalties.change", equalTo(-9));
  }

  @Test
  void shouldRefuseNegativeCountsAndAmountsOfTable2() {
    ObjectNode report = marketRegulation2020Trial();
    at(report, "/activeDisclosure2019/penalties").put("decisions", -112);
    at(report, "/activeDisclosure2019/regulations").put("publishedTotal", -9);
    at(report, "/activeDisclosure2019/procurement").put("totalAmount", "-1263850.36");

    submit(registerAgency("330200"), 2020, report)
        .statusCode(400)
        .body("type", equalTo("/problems/invalid-field"))
        .body(
            "errors.pointer",
            containsInAnyOrder(
                "/activeDisclosure2019/regulations/publishedTotal",
                "/activeDisclosure2019/penalties/decisions",
                "/activeDisclosure2019/procurement/totalAmount"));
  }

  @Test
  void shouldRefuseARowWhoseTotalIsNotTheSumOfItsColumns() {
    ObjectNode report = marketRegulation2020Trial();
    // Two row totals one too high keep the balance; only ROW_TOTAL is broken.
    at(report, "/requests/newlyReceived").put("total", 149);
    at(report, "/requests/carriedForward").put("total", 11);

    assertRefused(
        report,
        new Finding("ROW_TOTAL", "/requests/newlyReceived/total", "148", "149"),
        new Finding("ROW_TOTAL", "/requests/carriedForward/total", "10", "11"));
  }

  @Test
  void shouldCountTheSingleOtherHandlingRowInTheOutcomeTotal() {
    ObjectNode report = marketRegulation2020Trial();
    at(report, "/requests/outcomes/otherHandling/other").put("naturalPerson", 4).put("total", 5);

    assertRefused(
        report,
        new Finding("OUTCOME_TOTAL", "/requests/outcomes/total/naturalPerson", "119", "118"),
        new Finding("OUTCOME_TOTAL", "/requests/outcomes/total/total", "146", "145"));
  }

  @Test
  void shouldRefuseAReportThatDoesNotBalance() {
    ObjectNode report = marketRegulation2020Trial();
    at(report, "/requests/carriedForward").put("naturalPerson", 9).put("total", 11);

    assertRefused(
        report,
        new Finding("BALANCE", "/requests/carriedForward/naturalPerson", "8", "9"),
        new Finding("BALANCE", "/requests/carriedForward/total", "10", "11"));
  }

  @Test
  void shouldRefuseAReviewBlockWhoseTotalIsWrong() {
    ObjectNode report = marketRegulation2020Trial();
    at(report, "/reviews/litigationAfterReview").put("total", 3);

    assertRefused(
        report, new Finding("REVIEW_TOTAL", "/reviews/litigationAfterReview/total", "2", "3"));
  }

  @Test
  void shouldCarryOverAcrossTheChangeOfFormat() {
    String agency = registerAgency("330200");
    submit(agency, 2020, marketRegulation2020Trial()).statusCode(201);

    // 2021 in the national format carries over exactly what 2020 carried forward.
    ObjectNode matching = carryingOver2020(naturalResources2024());
    submit(agency, 2021, matching).statusCode(201).body("warnings.size()", equalTo(0));

    // The 2021 report as it was: 4, 1, 0, 0, 0, 0 (5) carried over. No IN_FORCE: the 2019 format
    // counts no documents in force.
    submit(agency, 2021, naturalResources2024()).statusCode(200);
    List<Finding> warnings =
        given()
            .get(reportPath(agency, 2021))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("warnings", Finding.class);
    assertThat(warnings)
        .containsExactlyInAnyOrder(
            new Finding("CARRY_OVER", "/requests/carriedOver/naturalPerson", "8", "4"),
            new Finding("CARRY_OVER", "/requests/carriedOver/otherOrganization", "1", "0"),
            new Finding("CARRY_OVER", "/requests/carriedOver/total", "10", "5"));
  }

  private static void assertRefused(ObjectNode report, Finding... expected) {
    AccountingRulesApiTest.assertRefused("330200", 2020, report, expected);
  }
}
