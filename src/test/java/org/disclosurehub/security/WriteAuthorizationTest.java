package org.disclosurehub.security;

import static io.restassured.RestAssured.given;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.as;
import static org.disclosurehub.Fixtures.at;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.newAgencyCode;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;
import static org.disclosurehub.Fixtures.text;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
    UNKNOWN_TOKEN,
    /** A reviewer of the own agency's city (320300; the agency is in 320311). */
    REVIEWER_OF_DIVISION,
    /** A reviewer of another city. */
    REVIEWER_ELSEWHERE
  }

  enum Endpoint {
    AGENCY_POST,
    AGENCY_PATCH,
    REPORT_PUT,
    REPORT_DELETE,
    TOKEN_POST,
    TOKEN_GET,
    TOKEN_DELETE,
    IMPORT_STORE,
    REVIEWER_POST,
    REVIEWER_GET,
    REVIEWER_DELETE,
    REVIEW_DECISION,
    WARNING_EXPLAIN,
    ROSTER_CHANGE
  }

  /** Expected statuses, in the order of {@link Caller}. */
  private static final Map<Endpoint, List<Integer>> EXPECTED =
      Map.ofEntries(
          Map.entry(Endpoint.AGENCY_POST, List.of(401, 403, 403, 201, 401, 401, 403, 403)),
          Map.entry(Endpoint.AGENCY_PATCH, List.of(401, 403, 403, 200, 401, 401, 403, 403)),
          Map.entry(Endpoint.REPORT_PUT, List.of(401, 201, 403, 201, 401, 401, 403, 403)),
          Map.entry(Endpoint.REPORT_DELETE, List.of(401, 403, 403, 200, 401, 401, 403, 403)),
          Map.entry(Endpoint.TOKEN_POST, List.of(401, 403, 403, 201, 401, 401, 403, 403)),
          Map.entry(Endpoint.TOKEN_GET, List.of(401, 403, 403, 200, 401, 401, 403, 403)),
          Map.entry(Endpoint.TOKEN_DELETE, List.of(401, 403, 403, 204, 401, 401, 403, 403)),
          Map.entry(Endpoint.IMPORT_STORE, List.of(401, 200, 403, 200, 401, 401, 403, 403)),
          Map.entry(Endpoint.REVIEWER_POST, List.of(401, 403, 403, 201, 401, 401, 403, 403)),
          Map.entry(Endpoint.REVIEWER_GET, List.of(401, 403, 403, 200, 401, 401, 403, 403)),
          Map.entry(Endpoint.REVIEWER_DELETE, List.of(401, 403, 403, 204, 401, 401, 403, 403)),
          Map.entry(Endpoint.REVIEW_DECISION, List.of(401, 403, 403, 201, 401, 401, 201, 403)),
          Map.entry(Endpoint.WARNING_EXPLAIN, List.of(401, 201, 403, 201, 401, 401, 201, 403)),
          Map.entry(Endpoint.ROSTER_CHANGE, List.of(401, 403, 403, 201, 401, 401, 201, 403)));

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
    World world = worldFor(endpoint, expected);
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

  /**
   * The world the cases that change nothing share: every refusal (each one asserts it changed
   * nothing, so the next case finds the world as it was) and the accepted reads.
   */
  private static World unchanging;

  /**
   * A world of its own for a case whose write is accepted (it changes the world), the shared one
   * otherwise: 19 worlds are built instead of 112.
   */
  private static World worldFor(Endpoint endpoint, int expected) {
    boolean reads = endpoint == Endpoint.TOKEN_GET || endpoint == Endpoint.REVIEWER_GET;
    if (expected < 400 && !reads) {
      return new World();
    }
    if (unchanging == null) {
      unchanging = new World();
    }
    return unchanging;
  }

  /** Two agencies of their own, with tokens, a report and a token to revoke. */
  static final class World {
    final String own = registerAgency("320311");
    final String other = registerAgency("320312");
    final String ownToken = Issued.of(own).token();
    final String otherToken = Issued.of(other).token();
    final String revokedToken;
    final long targetTokenId = Issued.of(own).id();
    final String newCode = newAgencyCode("new");
    final String reviewerToken = Reviewer.of("320300").token();
    final String elsewhereToken = Reviewer.of("620100").token();
    final long targetReviewerId = Reviewer.of("320300").id();
    final String newReviewerName = "新审核人 " + newCode;

    World() {
      Issued revoked = Issued.of(own);
      admin().delete(tokens(own) + "/" + revoked.id()).then().statusCode(204);
      revokedToken = revoked.token();
      // 2022 with 134 licensing decisions, 2023 with 1342: a YEAR_JUMP to explain.
      ObjectNode jumping = naturalResources2024();
      jumping.put("publishedOn", "2023-01-20");
      at(jumping, "/activeDisclosure").put("licensing", 134);
      admin()
          .contentType("application/json")
          .body(jumping.toString())
          .put(reportPath(own, 2022))
          .then()
          .statusCode(201);
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
        case REVIEWER_OF_DIVISION -> as(reviewerToken);
        case REVIEWER_ELSEWHERE -> as(elsewhereToken);
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
                .post("/api/v1/imports?store=true&year=2021&agency=" + own);
        case REVIEWER_POST ->
            request
                .contentType("application/json")
                .body(Map.of("divisionCode", "320300", "name", newReviewerName))
                .post("/api/v1/reviewers");
        case REVIEWER_GET -> request.get("/api/v1/reviewers");
        case REVIEWER_DELETE -> request.delete("/api/v1/reviewers/" + targetReviewerId);
        case REVIEW_DECISION ->
            request
                .contentType("application/json")
                .header("If-Match", "\"review-1\"")
                .body(Map.of("decision", "returned", "reason", "请核实第三部分"))
                .post(reportPath(own, 2023) + "/review/decisions");
        case WARNING_EXPLAIN ->
            request
                .contentType("application/json")
                .header("If-Match", "\"review-1\"")
                .body(
                    Map.of(
                        "action", "explained",
                        "rule", "YEAR_JUMP",
                        "path", "/activeDisclosure/licensing",
                        "text", "承接下放审批事项"))
                .post(reportPath(own, 2023) + "/review/warnings");
        case ROSTER_CHANGE ->
            request
                .contentType("application/json")
                .body(Map.of("expected", false, "cause", "abolished", "reason", "机构撤销"))
                .post("/api/v1/agencies/" + own + "/roster/2023");
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
        case IMPORT_STORE -> given().get(reportPath(own, 2021)).then().statusCode(404);
        case REVIEWER_POST ->
            admin()
                .get("/api/v1/reviewers")
                .then()
                .body("findAll { it.name == '" + newReviewerName + "' }", hasSize(0));
        case REVIEWER_GET -> {}
        case REVIEWER_DELETE ->
            admin()
                .get("/api/v1/reviewers")
                .then()
                .body("find { it.id == " + targetReviewerId + " }.revokedAt", nullValue());
        case REVIEW_DECISION, WARNING_EXPLAIN ->
            given()
                .get(reportPath(own, 2023) + "/review/history")
                .then()
                .body("kind", contains("filed"));
        case ROSTER_CHANGE ->
            given()
                .get("/api/v1/regions/320311/roster/2023")
                .then()
                .body("find { it.agency == '" + own + "' }.changes", hasSize(0));
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

  record Reviewer(long id, String token) {
    static Reviewer of(String division) {
      Response issued =
          admin()
              .contentType("application/json")
              .body(Map.of("divisionCode", division, "name", "政务公开办 " + division))
              .post("/api/v1/reviewers");
      issued.then().statusCode(201);
      return new Reviewer(issued.jsonPath().getLong("id"), issued.jsonPath().getString("token"));
    }
  }

  static String tokens(String agency) {
    return "/api/v1/agencies/" + agency + "/tokens";
  }
}
