package org.disclosurehub.rollup;

import static io.restassured.RestAssured.given;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A withdrawn report leaves the roll-ups at once; filed again, it counts once. */
@QuarkusTest
class WithdrawalRollupTest {
  // A county of its own (合肥市庐阳区), so that no other test's reports fall within it.
  private static final String COUNTY = "340103";
  private static final String ROLLUP = "/api/v1/regions/" + COUNTY + "/rollups/2024";

  @Test
  void shouldTakeAWithdrawnReportOutOfTheRollupAndCountItOnceWhenFiledAgain() {
    String agency = registerAgency(COUNTY);
    file(agency, 201);
    String filed = assertRollup(1, 104);

    admin().delete(reportPath(agency, 2024)).then().statusCode(200);
    String withdrawn = assertRollup(0, 0);
    given()
        .get(ROLLUP)
        .then()
        .body("completeness.missing.code", org.hamcrest.Matchers.hasItem(agency))
        .header("ETag", not(equalTo(filed)));

    file(agency, 201);
    String refiled = assertRollup(1, 104);
    given().header("If-None-Match", withdrawn).get(ROLLUP).then().statusCode(200);
    given().header("If-None-Match", refiled).get(ROLLUP).then().statusCode(304);
  }

  private static void file(String agency, int status) {
    admin()
        .contentType("application/json")
        .body(naturalResources2024().toString())
        .put(reportPath(agency, 2024))
        .then()
        .statusCode(status);
  }

  private static String assertRollup(int reported, int newlyReceived) {
    return given()
        .get(ROLLUP)
        .then()
        .statusCode(200)
        .body("completeness.reported", equalTo(reported))
        .body("requests.newlyReceived.total", equalTo(newlyReceived))
        .extract()
        .header("ETag");
  }
}
