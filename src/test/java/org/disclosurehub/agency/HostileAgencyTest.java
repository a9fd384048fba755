package org.disclosurehub.agency;

import static io.restassured.RestAssured.given;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.adminToken;
import static org.disclosurehub.Fixtures.newAgencyCode;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.disclosurehub.RawHttp;
import org.junit.jupiter.api.Test;

/** Agency drafts PostgreSQL could not store as sent: refused with 400, nothing registered. */
@QuarkusTest
class HostileAgencyTest {

  @Test
  void shouldRefuseNulInANameWithAFieldProblemNotAConflict() {
    String code = newAgencyCode("nul");
    admin()
        .contentType("application/json")
        .body(Map.of("code", code, "name", "中卫市\u0000民政局", "divisionCode", "350200"))
        .post("/api/v1/agencies")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/invalid-field"))
        .body("errors[0].pointer", equalTo("/name"));
    given().get("/api/v1/agencies/" + code).then().statusCode(404);
  }

  @Test
  void shouldRefuseAControlCharacterInAName() {
    String code = newAgencyCode("ctl");
    admin()
        .contentType("application/json")
        .body(Map.of("code", code, "name", "中卫市\n民政局", "divisionCode", "350200"))
        .post("/api/v1/agencies")
        .then()
        .statusCode(400)
        .body("errors[0].pointer", equalTo("/name"));
    given().get("/api/v1/agencies/" + code).then().statusCode(404);
  }

  @Test
  void shouldRefuseNamesThatAreNotUtf8() {
    String code = newAgencyCode("utf");
    byte[][] invalid = {
      {(byte) 0xC0, (byte) 0x80},
      {(byte) 0xC0, (byte) 0xAF},
      {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}
    };
    for (byte[] bytes : invalid) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      body.writeBytes(
          ("{\"code\":\"" + code + "\",\"divisionCode\":\"350200\",\"name\":\"机关")
              .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(bytes);
      body.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
      var answer =
          RawHttp.send(
              "POST /api/v1/agencies HTTP/1.1",
              Map.of("Content-Type", "application/json", "Authorization", "Bearer " + adminToken()),
              body.toByteArray());
      answer.problem(400, "/problems/malformed-json");
    }
    given().get("/api/v1/agencies/" + code).then().statusCode(404);
  }

  @Test
  void shouldRefuseNulInAnAgencyPath() {
    given()
        .urlEncodingEnabled(false)
        .get("/api/v1/agencies/x%00")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/malformed-request"));
  }
}
