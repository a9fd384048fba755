package org.disclosurehub.agency;

import static io.restassured.RestAssured.given;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.newAgencyCode;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AgencyApiTest {

  @Test
  void shouldRegisterAnAgencyAndReadItBack() {
    String code = newAgencyCode("civil-affairs");
    register(
            Map.of(
                "code", code,
                "name", "中卫市民政局",
                "divisionCode", "350200",
                "creditCode", "11640500MB1F72538D",
                "activeFrom", 2010))
        .statusCode(201)
        .header("Location", endsWith("/api/v1/agencies/" + code))
        .body("code", equalTo(code))
        .body("name", equalTo("中卫市民政局"))
        .body("activeTo", nullValue());

    given()
        .get("/api/v1/agencies/" + code)
        .then()
        .statusCode(200)
        .body("divisionCode", equalTo("350200"))
        .body("creditCode", equalTo("11640500MB1F72538D"))
        .body("activeFrom", equalTo(2010));
  }

  @Test
  void shouldRefuseADuplicateCode() {
    String code = registerAgency("350200");
    register(Map.of("code", code, "name", "另一个机关", "divisionCode", "350200"))
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/conflict"))
        .body("detail", containsString(code));
  }

  @Test
  void shouldRefuseADivisionThatIsNotAGbT2260Code() {
    assertInvalid(Map.of("divisionCode", "990100"), "/divisionCode");
    assertInvalid(Map.of("divisionCode", "64050"), "/divisionCode");
  }

  @Test
  void shouldRefuseACreditCodeWithAWrongCheckCharacter() {
    assertInvalid(Map.of("creditCode", "11640500MB1F72538X"), "/creditCode");
  }

  @Test
  void shouldRefuseAMissingName() {
    Map<String, Object> draft = draft(Map.of());
    draft.remove("name");
    register(draft)
        .statusCode(400)
        .body("type", equalTo("/problems/invalid-field"))
        .body("errors[0].pointer", equalTo("/name"));
  }

  @Test
  void shouldListAgenciesByDivisionPrefix() {
    String cityBureau = registerAgency("350300");
    String district = registerAgency("350303");
    String county = registerAgency("350322");
    String otherCity = registerAgency("350400");

    given()
        .queryParam("division", "350300")
        .queryParam("size", 500)
        .get("/api/v1/agencies")
        .then()
        .statusCode(200)
        .body("items.code", hasItems(cityBureau, district, county))
        .body("items.code", not(hasItems(otherCity)));
    given()
        .queryParam("division", "350000")
        .queryParam("size", 500)
        .get("/api/v1/agencies")
        .then()
        .body("items.code", hasItems(cityBureau, district, county, otherCity));
    given()
        .queryParam("division", "350322")
        .get("/api/v1/agencies")
        .then()
        .body("items.code", hasItems(county))
        .body("items.code", not(hasItems(cityBureau, district)));
  }

  @Test
  void shouldPageThroughAgenciesWithTheTotalCount() {
    for (int i = 0; i < 3; i++) {
      registerAgency("350581");
    }
    given()
        .queryParams(Map.of("division", "350581", "size", 2, "page", 1))
        .get("/api/v1/agencies")
        .then()
        .body("total", equalTo(3))
        .body("page", equalTo(1))
        .body("items", hasSize(1));
    given()
        .queryParams(Map.of("division", "350581", "size", 0))
        .get("/api/v1/agencies")
        .then()
        .statusCode(400)
        .body("type", equalTo("/problems/invalid-parameter"))
        .body("errors[0].pointer", equalTo("size"));
  }

  @Test
  void shouldRenameAnAgencyAndEndItsActivityKeepingItsReports() {
    String code = registerAgency("350200");
    admin()
        .contentType("application/json")
        .body(naturalResources2024().toString())
        .put(reportPath(code, 2024))
        .then()
        .statusCode(201);

    admin()
        .contentType("application/merge-patch+json; charset=utf-8")
        .body(Map.of("name", "厦门市自然资源和规划局", "activeTo", 2024))
        .patch("/api/v1/agencies/" + code)
        .then()
        .statusCode(200)
        .body("name", equalTo("厦门市自然资源和规划局"))
        .body("activeTo", equalTo(2024))
        .body("divisionCode", equalTo("350200"));

    given().get(reportPath(code, 2024)).then().statusCode(200).body("revision", equalTo(1));
    admin()
        .contentType("application/json")
        .body(naturalResources2024().toString())
        .put(reportPath(code, 2025))
        .then()
        .statusCode(422)
        .body("type", equalTo("/problems/agency-inactive"));
  }

  @Test
  void shouldRefuseAPatchThatChangesTheCodeOrAddsUnknownFields() {
    String code = registerAgency("350200");
    patch(code, Map.of("code", "renamed"))
        .statusCode(400)
        .body("errors[0].pointer", equalTo("/code"));
    patch(code, Map.of("nickname", "x"))
        .statusCode(400)
        .body("type", equalTo("/problems/invalid-field"))
        .body("errors[0].pointer", equalTo("/nickname"));
    patch(code, Map.of("activeFrom", 2020, "activeTo", 2019))
        .statusCode(400)
        .body("errors[0].pointer", equalTo("/activeTo"));
    given().get("/api/v1/agencies/" + code).then().body("activeFrom", nullValue());
  }

  @Test
  void shouldAnswerAnUnknownAgencyWithAProblem() {
    given()
        .get("/api/v1/agencies/no-such-agency")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/not-found"))
        .body("detail", containsString("no-such-agency"));
  }

  private static ValidatableResponse patch(String code, Map<String, Object> body) {
    return admin()
        .contentType("application/merge-patch+json; charset=utf-8")
        .body(body)
        .patch("/api/v1/agencies/" + code)
        .then();
  }

  private static void assertInvalid(Map<String, Object> override, String pointer) {
    register(draft(override))
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/invalid-field"))
        .body("errors[0].pointer", equalTo(pointer));
  }

  private static Map<String, Object> draft(Map<String, Object> override) {
    Map<String, Object> draft = new HashMap<>();
    draft.put("code", newAgencyCode("draft"));
    draft.put("name", "测试机关");
    draft.put("divisionCode", "350200");
    draft.putAll(override);
    return draft;
  }

  private static ValidatableResponse register(Map<String, Object> body) {
    return admin().contentType("application/json").body(body).post("/api/v1/agencies").then();
  }
}
