package org.disclosurehub;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/** ContractValidation is installed for every test and fails an answer the document lacks. */
@QuarkusTest
class ContractValidationTest {

  @Test
  void shouldBeInstalledForEveryTestWithoutBeingAsked() {
    assertThat(RestAssured.filters()).hasAtLeastOneElementOfType(ContractValidation.class);
  }

  @Test
  void shouldPassAnAnswerTheDocumentDescribes() {
    given().get("/api/v1/agencies").then().statusCode(200);
  }

  @Test
  void shouldFailAnAnswerTheDocumentDoesNotDescribe() {
    // A request target over HttpGate's limit is answered 414, which no operation documents.
    assertThatThrownBy(() -> given().queryParam("nonsense", "x".repeat(5_000)).get("/api/v1"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("getApiIndex does not document status 414")
        .hasMessageContaining("-Dopenapi.write=true");
  }
}
