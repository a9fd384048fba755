package org.disclosurehub.review;

import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.newAgencyCode;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import java.util.Map;
import org.disclosurehub.Fixtures;

/**
 * Agencies, reviewers and reports of the review tests. Province 62 (甘肃) belongs to them: 兰州
 * (430600) with its districts 城关区 (430602) and 七里河区 (430603).
 */
public final class ReviewFixture {
  static final String CITY = "430600";

  private ReviewFixture() {}

  /** An agency expected to report from 2020 on (so it is on every roster this test reads). */
  static String agency(String division, String name) {
    String code = newAgencyCode("review");
    admin()
        .contentType("application/json")
        .body(Map.of("code", code, "name", name, "divisionCode", division, "activeFrom", 2020))
        .post("/api/v1/agencies")
        .then()
        .statusCode(201);
    return code;
  }

  /** A reviewer token for the division. */
  public static String reviewer(String division) {
    return issueReviewer(division).jsonPath().getString("token");
  }

  static Response issueReviewer(String division) {
    Response issued =
        admin()
            .contentType("application/json")
            .body(Map.of("divisionCode", division, "name", "政务公开办 " + division))
            .post("/api/v1/reviewers");
    issued.then().statusCode(201);
    return issued;
  }

  /** The 2023 report whose 2024 successor jumps in 行政许可 (134 → 1342): a YEAR_JUMP. */
  static ObjectNode jumping2023() {
    ObjectNode report = Fixtures.naturalResources2024();
    report.put("publishedOn", "2024-01-20");
    Fixtures.at(report, "/activeDisclosure").put("licensing", 134);
    return report;
  }

  static String review(String agency, int year) {
    return Fixtures.reportPath(agency, year) + "/review";
  }

  static String etag(String agency, int year) {
    return io.restassured.RestAssured.given()
        .get(review(agency, year))
        .then()
        .statusCode(200)
        .extract()
        .header("ETag");
  }
}
