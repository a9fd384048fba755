package org.disclosurehub.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApiIndexTest {
  @Test
  void shouldLinkToTheCollections() {
    given()
        .get("/api/v1")
        .then()
        .statusCode(200)
        .body("agencies", equalTo("/api/v1/agencies"))
        .body("reports", equalTo("/api/v1/reports"));
  }
}
