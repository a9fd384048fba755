package org.disclosurehub.rollup;

import static io.restassured.RestAssured.given;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Expectations that fit reality: who is expected when, what a year without reports shows, which
 * years a trend covers, and regions by name. Agencies here lie in 甘肃 (62), which no other test
 * uses, so that the counts are this test's own.
 */
@QuarkusTest
class ExpectationsTest {
  private static final int THIS_YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

  @Test
  void shouldExpectAnAgencyWithoutActiveFromFromItsRegistrationYearOrItsFirstReport() {
    String agency = registerAgency("620102"); // 兰州市城关区, registered this year
    int reportYear = THIS_YEAR - 3;

    rollup("620102", THIS_YEAR - 1)
        .body("completeness.expected", equalTo(0))
        .body("completeness.missing", empty());
    rollup("620102", THIS_YEAR)
        .body("completeness.expected", equalTo(1))
        .body("completeness.missing.code", equalTo(List.of(agency)));

    // A report for an earlier year: the agency existed then, so it is expected from that year.
    admin()
        .contentType("application/json")
        .body(naturalResources2024().toString())
        .put(reportPath(agency, reportYear))
        .then()
        .statusCode(201);
    rollup("620102", reportYear - 1).body("completeness.expected", equalTo(0));
    rollup("620102", reportYear)
        .body("completeness.expected", equalTo(1))
        .body("completeness.reported", equalTo(1));
    rollup("620102", reportYear + 1)
        .body("completeness.expected", equalTo(1))
        .body("completeness.missing.code", equalTo(List.of(agency)));
  }

  @Test
  void shouldShowNullSumsInTrendYearsWithoutAReport() {
    String agency = registerAgency("620103");
    int reportYear = THIS_YEAR - 2;
    admin()
        .contentType("application/json")
        .body(naturalResources2024().toString())
        .put(reportPath(agency, reportYear))
        .then()
        .statusCode(201);

    given()
        .queryParam("from", reportYear - 1)
        .queryParam("to", reportYear)
        .get("/api/v1/regions/620103/rollups")
        .then()
        .statusCode(200)
        .body("years[0].year", equalTo(reportYear - 1))
        .body("years[0].reported", equalTo(0))
        .body("years[0].newlyReceived", nullValue())
        .body("years[0].totalHandled", nullValue())
        .body("years[0].feesAmount", nullValue())
        .body("years[0].indicators.disclosureRate", nullValue())
        .body("years[1].newlyReceived", equalTo(104))
        .body("years[1].totalHandled", equalTo(102));
  }

  @Test
  void shouldEndTheDefaultTrendWithTheLastYearWhoseDeadlineHasPassed() {
    registerAgency("620104");
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    // The report for year Y is due by 31 January of Y + 1.
    int lastDue =
        MonthDay.from(today).isAfter(MonthDay.of(1, 31))
            ? today.getYear() - 1
            : today.getYear() - 2;

    given()
        .get("/api/v1/regions/620104/rollups")
        .then()
        .statusCode(200)
        .body("to", equalTo(lastDue))
        .body("from", equalTo(lastDue - 4))
        .body(
            "years.year",
            equalTo(List.of(lastDue - 4, lastDue - 3, lastDue - 2, lastDue - 1, lastDue)));
  }

  @Test
  void shouldNameTheRegionInRollupsBreakdownsAndTrends() {
    String agency = registerAgency("620105");

    rollup("620100", THIS_YEAR)
        .body("region.code", equalTo("620100"))
        .body("region.name", equalTo("兰州市"))
        .body("region.level", equalTo("city"))
        .body("region.parents.name", equalTo(List.of("甘肃省")));
    given()
        .get("/api/v1/regions/620105/rollups/" + THIS_YEAR + "/agencies")
        .then()
        .statusCode(200)
        .body("items.find { it.code == '" + agency + "' }.divisionName", equalTo("安宁区"));
    given()
        .get("/api/v1/regions/620105/rollups")
        .then()
        .statusCode(200)
        .body("region.name", equalTo("安宁区"))
        .body("region.parents.name", equalTo(List.of("甘肃省", "兰州市")));
    String csv =
        given()
            .accept("text/csv")
            .get("/api/v1/regions/620105/rollups/" + THIS_YEAR + "/agencies")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    org.assertj.core.api.Assertions.assertThat(csv).contains(agency).contains("安宁区");
  }

  private static io.restassured.response.ValidatableResponse rollup(String region, int year) {
    return given().get("/api/v1/regions/" + region + "/rollups/" + year).then().statusCode(200);
  }
}
