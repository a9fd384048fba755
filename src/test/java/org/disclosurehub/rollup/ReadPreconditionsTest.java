package org.disclosurehub.rollup;

import static io.restassured.RestAssured.given;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;
import static org.disclosurehub.Fixtures.zhongweiCivilAffairs2024;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** A read whose If-Match or If-Unmodified-Since fails answers a 412 problem, never a bare 412. */
@QuarkusTest
class ReadPreconditionsTest {
  private static final String DIVISION = "430121";

  @Test
  void shouldAnswerAFailedPreconditionOnRegionReadsWithAProblem() {
    String agency = registerAgency(DIVISION);
    admin()
        .contentType(ContentType.JSON)
        .body(zhongweiCivilAffairs2024().toString())
        .put(reportPath(agency, 2024))
        .then()
        .statusCode(201);
    for (String path :
        new String[] {
          "/api/v1/regions/" + DIVISION + "/rollups/2024",
          "/api/v1/regions/" + DIVISION + "/rollups/2024?format=csv",
          "/api/v1/regions/" + DIVISION + "/annual-report/2024",
        }) {
      given()
          .header("If-Match", "\"not-the-tag\"")
          .get(path)
          .then()
          .statusCode(412)
          .contentType(startsWith("application/problem+json"))
          .body("type", equalTo("/problems/precondition-failed"));
      given()
          .header("If-Unmodified-Since", "Sun, 06 Nov 1994 08:49:37 GMT")
          .get(path)
          .then()
          .statusCode(412)
          .contentType(startsWith("application/problem+json"))
          .body("status", equalTo(412));
    }
    given()
        .header("If-Match", "\"not-the-tag\"")
        .get("/regions/" + DIVISION + "/2024")
        .then()
        .statusCode(412);
  }
}
