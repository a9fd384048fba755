package org.disclosurehub.review;

import static io.restassured.RestAssured.given;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.as;
import static org.disclosurehub.Fixtures.issueToken;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.reportPath;
import static org.disclosurehub.review.ReviewFixture.agency;
import static org.disclosurehub.review.ReviewFixture.etag;
import static org.disclosurehub.review.ReviewFixture.jumping2023;
import static org.disclosurehub.review.ReviewFixture.review;
import static org.disclosurehub.review.ReviewFixture.reviewer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.disclosurehub.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The office's cycle through the API: roster with an exclusion, file, return with comments on
 * cells, correct, accept, correct again (changed since accepted), explain a warning and confirm it,
 * and what the notice says of every agency.
 */
@QuarkusTest
class ReviewCycleApiTest {

  @Test
  void shouldRunTheWholeCycle() {
    String bureau = agency("430602", "兰州市城关区自然资源局");
    String merged = agency("430603", "兰州市七里河区农机局");
    String silent = agency("430602", "兰州市城关区档案局");
    String bureauToken = issueToken(bureau);
    String reviewer = reviewer(ReviewFixture.CITY);
    String elsewhere = reviewer("630100");

    // The roster: 七里河区农机局 was merged into the bureau and is not expected for 2024.
    as(reviewer)
        .contentType("application/json")
        .body(
            Map.of(
                "expected",
                false,
                "cause",
                "merged",
                "mergedInto",
                bureau,
                "reason",
                "2024年机构改革并入城关区自然资源局"))
        .post("/api/v1/agencies/" + merged + "/roster/2024")
        .then()
        .statusCode(201)
        .body("expected", equalTo(false))
        .body("expectedBySpan", equalTo(true))
        .body("mergedInto", equalTo(bureau))
        .body("changes[0].author", containsString("reviewer:"));
    as(elsewhere)
        .contentType("application/json")
        .body(Map.of("expected", false, "cause", "abolished", "reason", "不属本辖区"))
        .post("/api/v1/agencies/" + silent + "/roster/2024")
        .then()
        .statusCode(403);
    given()
        .get("/api/v1/regions/430600/roster/2024")
        .then()
        .statusCode(200)
        .body("find { it.agency == '" + merged + "' }.cause", equalTo("merged"))
        .body("find { it.agency == '" + silent + "' }.expected", equalTo(true));

    // Filed: 2023 by the admin, 2024 by the bureau itself.
    admin()
        .contentType("application/json")
        .body(jumping2023().toString())
        .put(reportPath(bureau, 2023))
        .then()
        .statusCode(201);
    ObjectNode report = naturalResources2024();
    as(bureauToken)
        .contentType("application/json")
        .body(report.toString())
        .put(reportPath(bureau, 2024))
        .then()
        .statusCode(201);
    given()
        .get(review(bureau, 2024))
        .then()
        .statusCode(200)
        .header("ETag", equalTo("\"review-1\""))
        .body("state", equalTo("filed"))
        .body("revision", equalTo(1))
        .body("report.revision", equalTo(1));

    // Returned, with comments on a cell and on a section; only with the current ETag.
    Map<String, Object> returning =
        Map.of(
            "decision",
            "returned",
            "reason",
            "第三部分数据需核实",
            "comments",
            List.of(
                Map.of("pointer", "/requests/carriedForward/naturalPerson", "text", "结转下年度数据请核实"),
                Map.of("section", "problems", "text", "存在问题过于简略")));
    as(reviewer)
        .contentType("application/json")
        .body(returning)
        .post(review(bureau, 2024) + "/decisions")
        .then()
        .statusCode(428)
        .body("type", equalTo("/problems/precondition-required"));
    as(elsewhere)
        .contentType("application/json")
        .header("If-Match", "\"review-1\"")
        .body(returning)
        .post(review(bureau, 2024) + "/decisions")
        .then()
        .statusCode(403);
    as(bureauToken)
        .contentType("application/json")
        .header("If-Match", "\"review-1\"")
        .body(returning)
        .post(review(bureau, 2024) + "/decisions")
        .then()
        .statusCode(403);
    as(reviewer)
        .contentType("application/json")
        .header("If-Match", "\"review-1\"")
        .body(returning)
        .post(review(bureau, 2024) + "/decisions")
        .then()
        .statusCode(201)
        .header("ETag", equalTo("\"review-2\""))
        .body("state", equalTo("returned"))
        .body("returned.reason", equalTo("第三部分数据需核实"))
        .body("returned.comments[0].pointer", equalTo("/requests/carriedForward/naturalPerson"))
        .body("returned.comments[1].section", equalTo("problems"));
    // A second decision made on what the first one changed is refused.
    as(reviewer)
        .contentType("application/json")
        .header("If-Match", "\"review-1\"")
        .body(Map.of("decision", "accepted"))
        .post(review(bureau, 2024) + "/decisions")
        .then()
        .statusCode(412);
    as(reviewer)
        .contentType("application/json")
        .header("If-Match", "\"review-2\"")
        .body(Map.of("decision", "accepted"))
        .post(review(bureau, 2024) + "/decisions")
        .then()
        .statusCode(409)
        .body("type", equalTo("/problems/review-state"));

    // Corrected: filed again, what was asked stays visible; then accepted.
    Fixtures.at(report, "/activeDisclosure").put("penalties", 88);
    as(bureauToken)
        .contentType("application/json")
        .body(report.toString())
        .put(reportPath(bureau, 2024))
        .then()
        .statusCode(200);
    given()
        .get(review(bureau, 2024))
        .then()
        .body("state", equalTo("filed"))
        .body("revision", equalTo(2))
        .body("returned.reason", equalTo("第三部分数据需核实"))
        .body("changedSinceAccepted", equalTo(false));
    as(reviewer)
        .contentType("application/json")
        .header("If-Match", etag(bureau, 2024))
        .body(Map.of("decision", "accepted"))
        .post(review(bureau, 2024) + "/decisions")
        .then()
        .statusCode(201)
        .body("state", equalTo("accepted"))
        .body("acceptedRevision", equalTo(2))
        .body("returned", nullValue());

    // Corrected after acceptance: filed, changed since accepted, the cell named.
    Fixtures.at(report, "/activeDisclosure").put("penalties", 90);
    as(bureauToken)
        .contentType("application/json")
        .body(report.toString())
        .put(reportPath(bureau, 2024))
        .then()
        .statusCode(200);
    given()
        .get(review(bureau, 2024))
        .then()
        .body("state", equalTo("filed"))
        .body("changedSinceAccepted", equalTo(true))
        .body("acceptedRevision", equalTo(2))
        .body("changedCells", contains("/activeDisclosure/penalties"));

    // The YEAR_JUMP in 行政许可, explained by the bureau and confirmed by the reviewer.
    Map<String, Object> explanation =
        Map.of(
            "action", "explained",
            "rule", "YEAR_JUMP",
            "path", "/activeDisclosure/licensing",
            "text", "2024年承接市级下放的审批事项，许可决定大幅增加");
    given()
        .get(review(bureau, 2024))
        .then()
        .body(
            "warnings.find { it.rule == 'YEAR_JUMP' && it.path == '/activeDisclosure/licensing' }.status",
            equalTo("open"));
    as(bureauToken)
        .contentType("application/json")
        .header("If-Match", etag(bureau, 2024))
        .body(
            Map.of(
                "action", "confirmed", "rule", "YEAR_JUMP", "path", "/activeDisclosure/licensing"))
        .post(review(bureau, 2024) + "/warnings")
        .then()
        .statusCode(403);
    as(bureauToken)
        .contentType("application/json")
        .header("If-Match", etag(bureau, 2024))
        .body(explanation)
        .post(review(bureau, 2024) + "/warnings")
        .then()
        .statusCode(201)
        .body(
            "warnings.find { it.rule == 'YEAR_JUMP' && it.path == '/activeDisclosure/licensing' }.status",
            equalTo("explained"));
    as(reviewer)
        .contentType("application/json")
        .header("If-Match", etag(bureau, 2024))
        .body(
            Map.of(
                "action", "confirmed",
                "rule", "YEAR_JUMP",
                "path", "/activeDisclosure/licensing",
                "text", "情况属实"))
        .post(review(bureau, 2024) + "/warnings")
        .then()
        .statusCode(201)
        .body(
            "warnings.find { it.rule == 'YEAR_JUMP' && it.path == '/activeDisclosure/licensing' }.status",
            equalTo("confirmed"))
        .body(
            "warnings.find { it.rule == 'YEAR_JUMP' && it.path == '/activeDisclosure/licensing' }.explanation",
            equalTo("2024年承接市级下放的审批事项，许可决定大幅增加"));
    as(reviewer)
        .contentType("application/json")
        .header("If-Match", etag(bureau, 2024))
        .body(Map.of("decision", "accepted"))
        .post(review(bureau, 2024) + "/decisions")
        .then()
        .statusCode(201)
        .body("acceptedRevision", equalTo(3));

    // A correction of the explained cell reopens the warning.
    Fixtures.at(report, "/activeDisclosure").put("licensing", 1343);
    as(bureauToken)
        .contentType("application/json")
        .body(report.toString())
        .put(reportPath(bureau, 2024))
        .then()
        .statusCode(200);
    given()
        .get(review(bureau, 2024))
        .then()
        .body("changedCells", hasItem("/activeDisclosure/licensing"))
        .body(
            "warnings.find { it.rule == 'YEAR_JUMP' && it.path == '/activeDisclosure/licensing' }.status",
            equalTo("reopened"));

    given()
        .get(review(bureau, 2024) + "/history")
        .then()
        .statusCode(200)
        .body(
            "kind",
            contains(
                "filed",
                "returned",
                "filed",
                "accepted",
                "filed",
                "explained",
                "confirmed",
                "accepted",
                "filed",
                "reopened"))
        .body("[1].author", containsString("reviewer:"))
        .body("[5].author", containsString("token:"));

    // The merged bureau files anyway, late: its report is kept and readable, but the region's
    // figures leave it out; the notice lists it apart, and every agency with its state.
    ObjectNode filedAnyway = Fixtures.distinctCells2024();
    filedAnyway.put("publishedOn", "2025-03-01");
    as(issueToken(merged))
        .contentType("application/json")
        .body(filedAnyway.toString())
        .put(reportPath(merged, 2024))
        .then()
        .statusCode(201);
    given().get(reportPath(merged, 2024)).then().statusCode(200).body("revision", equalTo(1));
    given()
        .queryParam("format", "json")
        .get("/api/v1/regions/" + ReviewFixture.CITY + "/inspection/2024")
        .then()
        .statusCode(200)
        .body("rows.find { it.agency == '" + bureau + "' }.reviewState", equalTo("filed"))
        .body("rows.find { it.agency == '" + bureau + "' }.timeliness", equalTo("按时"))
        .body("rows.find { it.agency == '" + silent + "' }.timeliness", equalTo("未报送"))
        .body("rows.find { it.agency == '" + merged + "' }", nullValue())
        .body("excluded.find { it.agency == '" + merged + "' }.timeliness", equalTo("逾期"))
        .body(
            "excluded.find { it.agency == '" + merged + "' }.rosterNote",
            containsString("2024年机构改革并入城关区自然资源局"));
    given()
        .get("/api/v1/regions/430603/rollups/2024")
        .then()
        .statusCode(200)
        .body("completeness.outsideRoster.code", hasItem(merged))
        .body("completeness.missing.code", org.hamcrest.Matchers.not(hasItem(merged)));
    given()
        .get("/api/v1/regions/430603/rollups/2024/agencies")
        .then()
        .statusCode(200)
        .body("items.find { it.code == '" + merged + "' }.expected", equalTo(false))
        .body("items.find { it.code == '" + merged + "' }.mergedInto", equalTo(bureau));
  }

  @Test
  void shouldAcceptAReportThatBreaksAnAccountingRuleOnlyWithAReason() {
    String bureau = agency("430603", "兰州市七里河区民政局");
    String reviewer = reviewer("430000");
    ObjectNode report = naturalResources2024();
    Fixtures.at(report, "/requests/carriedForward").put("naturalPerson", 999);
    admin()
        .contentType("application/json")
        .body(report.toString())
        .put(reportPath(bureau, 2024) + "?acceptInconsistent=true")
        .then()
        .statusCode(201);
    as(reviewer)
        .contentType("application/json")
        .header("If-Match", etag(bureau, 2024))
        .body(Map.of("decision", "accepted"))
        .post(review(bureau, 2024) + "/decisions")
        .then()
        .statusCode(422)
        .body("type", equalTo("/problems/report-inconsistent"))
        .body("violations.rule", hasItem("BALANCE"));
    given().get(review(bureau, 2024)).then().body("state", equalTo("filed"));
    as(reviewer)
        .contentType("application/json")
        .header("If-Match", etag(bureau, 2024))
        .body(Map.of("decision", "accepted", "reason", "经核实，系原始台账口径差异，予以认可"))
        .post(review(bureau, 2024) + "/decisions")
        .then()
        .statusCode(201)
        .body("state", equalTo("accepted"));
  }

  /** Two reviewers decide at once on what they both read: one decision applies, one is 412. */
  @Test
  void shouldApplyOnlyOneOfTwoConcurrentDecisions() throws Exception {
    String bureau = agency("430602", "兰州市城关区司法局");
    String first = reviewer(ReviewFixture.CITY);
    String second = reviewer("430000");
    admin()
        .contentType("application/json")
        .body(naturalResources2024().toString())
        .put(reportPath(bureau, 2024))
        .then()
        .statusCode(201);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
      for (String[] decision :
          List.of(new String[] {first, "returned"}, new String[] {second, "accepted"})) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  Map<String, Object> body = new java.util.HashMap<>();
                  body.put("decision", decision[1]);
                  body.put("reason", "同时审核");
                  return as(decision[0])
                      .contentType("application/json")
                      .header("If-Match", "\"review-1\"")
                      .body(body)
                      .post(review(bureau, 2024) + "/decisions")
                      .statusCode();
                }));
      }
      start.countDown();
      List<Integer> statuses = new java.util.ArrayList<>();
      for (java.util.concurrent.Future<Integer> answer : answers) {
        statuses.add(answer.get());
      }
      org.assertj.core.api.Assertions.assertThat(statuses).containsExactlyInAnyOrder(201, 412);
    } finally {
      pool.shutdownNow();
    }
    given()
        .get(review(bureau, 2024) + "/history")
        .then()
        .body("kind", org.hamcrest.Matchers.hasSize(2))
        .body("kind[0]", equalTo("filed"));
  }

  @Test
  void shouldRefuseCommentsThatNameNoCell() {
    String bureau = agency("430602", "兰州市城关区民政局");
    String reviewer = reviewer(ReviewFixture.CITY);
    admin()
        .contentType("application/json")
        .body(naturalResources2024().toString())
        .put(reportPath(bureau, 2024))
        .then()
        .statusCode(201);
    as(reviewer)
        .contentType("application/json")
        .header("If-Match", "\"review-1\"")
        .body(
            Map.of(
                "decision",
                "returned",
                "reason",
                "请核实",
                "comments",
                List.of(Map.of("pointer", "/requests/nowhere", "text", "?"))))
        .post(review(bureau, 2024) + "/decisions")
        .then()
        .statusCode(400)
        .body("errors[0].pointer", equalTo("/comments/0/pointer"));
    given().get(review(bureau, 2024) + "/history").then().body("kind", contains("filed"));
  }
}
