package org.disclosurehub.security;

import static io.restassured.RestAssured.given;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.as;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.newAgencyCode;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;
import static org.disclosurehub.Fixtures.text;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may write what: every caller against every write endpoint, with the status each must get. A
 * refused write answers a problem and changes nothing.
 */
@QuarkusTest
class WriteAuthorizationTest {

  enum Caller {
    ANONYMOUS,
    OWN_AGENCY,
    OTHER_AGENCY,
    ADMIN,
    REVOKED_TOKEN,
    UNKNOWN_TOKEN
  }

  enum Endpoint {
    AGENCY_POST,
    AGENCY_PATCH,
    REPORT_PUT,
    REPORT_DELETE,
    TOKEN_POST,
    TOKEN_GET,
    TOKEN_DELETE,
    IMPORT_STORE
  }

  /** Expected statuses, in the order of {@link Caller}. */
  private static final Map<Endpoint, List<Integer>> EXPECTED =
      Map.of(
          Endpoint.AGENCY_POST, List.of(401, 403, 403, 201, 401, 401),
          Endpoint.AGENCY_PATCH, List.of(401, 403, 403, 200, 401, 401),
          Endpoint.REPORT_PUT, List.of(401, 201, 403, 201, 401, 401),
          Endpoint.REPORT_DELETE, List.of(401, 403, 403, 200, 401, 401),
          Endpoint.TOKEN_POST, List.of(401, 403, 403, 201, 401, 401),
          Endpoint.TOKEN_GET, List.of(401, 403, 403, 200, 401, 401),
          Endpoint.TOKEN_DELETE, List.of(401, 403, 403, 204, 401, 401),
          Endpoint.IMPORT_STORE, List.of(401, 200, 403, 200, 401, 401));

  static Stream<Arguments> matrix() {
    List<Arguments> cases = new ArrayList<>();
    for (Endpoint endpoint : Endpoint.values()) {
      for (Caller caller : Caller.values()) {
        cases.add(Arguments.of(endpoint, caller, EXPECTED.get(endpoint).get(caller.ordinal())));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} by {1} → {2}")
  @MethodSource("matrix")
  void shouldAnswerEveryCallerOfEveryWriteEndpointAsTheRulesSay(
      Endpoint endpoint, Caller caller, int expected) {
    World world = new World();
    Response response = world.call(endpoint, world.request(caller));

    response.then().statusCode(expected);
    if (expected == 401) {
      response
          .then()
          .contentType("application/problem+json")
          .header("WWW-Authenticate", startsWith("Bearer realm=\"disclosure-hub\""))
          .body("status", equalTo(401))
          .body(
              "type",
              equalTo(
                  caller == Caller.ANONYMOUS
                      ? "/problems/unauthorized"
                      : "/problems/invalid-token"));
    }
    if (expected == 403) {
      response
          .then()
          .contentType("application/problem+json")
          .body("type", equalTo("/problems/forbidden"))
          .body("status", equalTo(403))
          .body("title", equalTo("Not allowed for this token"));
    }
    if (expected >= 400) {
      world.assertUnchanged(endpoint);
    }
  }

  /** Two agencies of their own, with tokens, a report and a token to revoke, for each case. */
  static final class World {
    final String own = registerAgency("320311");
    final String other = registerAgency("320312");
    final String ownToken = Issued.of(own).token();
    final String otherToken = Issued.of(other).token();
    final String revokedToken;
    final long targetTokenId = Issued.of(own).id();
    final String newCode = newAgencyCode("new");

    World() {
      Issued revoked = Issued.of(own);
      admin().delete(tokens(own) + "/" + revoked.id()).then().statusCode(204);
      revokedToken = revoked.token();
      admin()
          .contentType("application/json")
          .body(naturalResources2024().toString())
          .put(reportPath(own, 2023))
          .then()
          .statusCode(201);
    }

    RequestSpecification request(Caller caller) {
      return switch (caller) {
        case ANONYMOUS -> given();
        case OWN_AGENCY -> as(ownToken);
        case OTHER_AGENCY -> as(otherToken);
        case ADMIN -> admin();
        case REVOKED_TOKEN -> as(revokedToken);
        case UNKNOWN_TOKEN -> as("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
      };
    }

    Response call(Endpoint endpoint, RequestSpecification request) {
      return switch (endpoint) {
        case AGENCY_POST ->
            request
                .contentType("application/json")
                .body(Map.of("code", newCode, "name", "新机关", "divisionCode", "320311"))
                .post("/api/v1/agencies");
        case AGENCY_PATCH ->
            request
                .contentType("application/merge-patch+json")
                .body("{\"name\": \"改名\"}")
                .patch("/api/v1/agencies/" + own);
        case REPORT_PUT ->
            request
                .contentType("application/json")
                .body(naturalResources2024().toString())
                .put(reportPath(own, 2024));
        case REPORT_DELETE -> request.delete(reportPath(own, 2023));
        case TOKEN_POST -> request.post(tokens(own));
        case TOKEN_GET -> request.get(tokens(own));
        case TOKEN_DELETE -> request.delete(tokens(own) + "/" + targetTokenId);
        case IMPORT_STORE ->
            request
                .contentType("text/plain; charset=utf-8")
                .body(text("/reports/zhongwei-civil-affairs-2024.txt"))
                .post("/api/v1/imports?store=true&year=2022&agency=" + own);
      };
    }

    /** A refused write left everything as it was. */
    void assertUnchanged(Endpoint endpoint) {
      switch (endpoint) {
        case AGENCY_POST -> given().get("/api/v1/agencies/" + newCode).then().statusCode(404);
        case AGENCY_PATCH ->
            given().get("/api/v1/agencies/" + own).then().body("name", equalTo("测试机关 " + own));
        case REPORT_PUT -> given().get(reportPath(own, 2024)).then().statusCode(404);
        case REPORT_DELETE ->
            given().get(reportPath(own, 2023)).then().statusCode(200).body("revision", equalTo(1));
        case TOKEN_POST -> admin().get(tokens(own)).then().body("", hasSize(3));
        case TOKEN_GET -> {}
        case IMPORT_STORE -> given().get(reportPath(own, 2022)).then().statusCode(404);
        case TOKEN_DELETE ->
            admin()
                .get(tokens(own))
                .then()
                .body("find { it.id == " + targetTokenId + " }.revokedAt", nullValue());
      }
    }
  }

  record Issued(long id, String token) {
    static Issued of(String agency) {
      Response issued = admin().post(tokens(agency));
      issued.then().statusCode(201);
      return new Issued(issued.jsonPath().getLong("id"), issued.jsonPath().getString("token"));
    }
  }

  static String tokens(String agency) {
    return "/api/v1/agencies/" + agency + "/tokens";
  }
}
