package org.disclosurehub.rollup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * An agency registered this year is expected from this year on, until it files for an earlier year:
 * from then on it is expected in the years between too. A roll-up of such a year changes without a
 * report of its own year, so its tag must change with it (V29). The division, 青海's 同仁市 (632301), is
 * used by no other test.
 */
@QuarkusTest
class SpanMoveTagTest {
  private static final int THIS_YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
  private static final String DIVISION = "632301";

  @Test
  void aFirstReportForAnEarlierYearChangesTheTagOfTheYearsBetween() {
    registerAgency(DIVISION);
    String agency = registerAgency(DIVISION);
    int between = THIS_YEAR - 2;
    String url = "/api/v1/regions/" + DIVISION + "/rollups/" + between;
    Response before = given().get(url);
    assertThat(before.statusCode()).isEqualTo(200);
    int expectedBefore = before.jsonPath().getInt("completeness.expected");

    admin()
        .contentType("application/json")
        .body(naturalResources2024().toString())
        .put(reportPath(agency, THIS_YEAR - 3))
        .then()
        .statusCode(201);

    Response after = given().header("If-None-Match", before.header("ETag")).get(url);
    assertThat(after.statusCode()).as("a 304 would keep the old count").isEqualTo(200);
    assertThat(after.header("ETag")).isNotEqualTo(before.header("ETag"));
    assertThat(after.jsonPath().getInt("completeness.expected")).isEqualTo(expectedBefore + 1);
    assertThat(after.jsonPath().getList("completeness.missing.code")).contains(agency);
  }
}
