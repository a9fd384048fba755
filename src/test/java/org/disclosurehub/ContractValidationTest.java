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
    // The index answers 200 only: a 400 for an unknown parameter is not in the document.
    assertThatThrownBy(() -> given().queryParam("nonsense", "1").get("/api/v1"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("getApiIndex does not document status 400")
        .hasMessageContaining("-Dopenapi.write=true");
  }
}
