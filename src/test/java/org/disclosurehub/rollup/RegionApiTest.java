package org.disclosurehub.rollup;

import static io.restassured.RestAssured.given;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.newAgencyCode;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Agencies registered here lie in 福建 (35), away from the roll-up tests' province 64. */
@QuarkusTest
class RegionApiTest {

  @Test
  void shouldNameACountyWithItsCityAndProvince() {
    given()
        .get("/api/v1/regions/640521")
        .then()
        .statusCode(200)
        .body("code", equalTo("640521"))
        .body("name", equalTo("中宁县"))
        .body("level", equalTo("county"))
        .body("parents.code", equalTo(java.util.List.of("640000", "640500")))
        .body("parents.name", equalTo(java.util.List.of("宁夏回族自治区", "中卫市")))
        .body("parents.level", equalTo(java.util.List.of("province", "city")))
        .body("children", hasSize(0));
  }

  @Test
  void shouldListACitysDistrictsAndCounties() {
    given()
        .get("/api/v1/regions/640500")
        .then()
        .statusCode(200)
        .body("name", equalTo("中卫市"))
        .body("level", equalTo("city"))
        .body("parents.code", equalTo(java.util.List.of("640000")))
        .body("children.code", equalTo(java.util.List.of("640502", "640521", "640522")))
        .body("children.name", equalTo(java.util.List.of("沙坡头区", "中宁县", "海原县")));
  }

  @Test
  void shouldListAProvincesCitiesAndTheCountiesItAdministersDirectly() {
    given()
        .get("/api/v1/regions/640000")
        .then()
        .statusCode(200)
        .body("name", equalTo("宁夏回族自治区"))
        .body("parents", hasSize(0))
        .body(
            "children.code",
            equalTo(java.util.List.of("640100", "640200", "640300", "640400", "640500")));
    // 仙桃市 is county-level and lies in 湖北省 directly; Beijing's districts in 北京市.
    given()
        .get("/api/v1/regions/420000")
        .then()
        .statusCode(200)
        .body("children.name", hasItems("武汉市", "仙桃市"));
    given()
        .get("/api/v1/regions/429004")
        .then()
        .body("parents.code", equalTo(java.util.List.of("420000")));
    given()
        .get("/api/v1/regions/110101")
        .then()
        .body("parents.name", equalTo(java.util.List.of("北京市")));
  }

  @Test
  void shouldAnswer404ForACodeNotInTheList() {
    given()
        .get("/api/v1/regions/640599")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/not-found"))
        .body("detail", containsString("640599"));
  }

  @Test
  void shouldRefuseToRegisterAnAgencyInACodeNotInTheList() {
    String code = newAgencyCode("no-such-county");
    admin()
        .contentType("application/json")
        .body(Map.of("code", code, "name", "不存在县民政局", "divisionCode", "350599"))
        .post("/api/v1/agencies")
        .then()
        .statusCode(400)
        .body("type", equalTo("/problems/invalid-field"))
        .body("detail", containsString("350599"))
        .body("errors[0].pointer", equalTo("/divisionCode"));
    given().get("/api/v1/agencies/" + code).then().statusCode(404);
  }

  @Test
  void shouldRefuseToMoveAnAgencyToACodeNotInTheList() {
    String code = registerAgency("350524");
    admin()
        .contentType("application/merge-patch+json")
        .body(Map.of("divisionCode", "350599"))
        .patch("/api/v1/agencies/" + code)
        .then()
        .statusCode(400)
        .body("detail", containsString("350599"))
        .body("errors[0].pointer", equalTo("/divisionCode"));
    given().get("/api/v1/agencies/" + code).then().body("divisionCode", equalTo("350524"));
  }
}
