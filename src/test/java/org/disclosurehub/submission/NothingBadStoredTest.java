package org.disclosurehub.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.at;
import static org.disclosurehub.Fixtures.marketRegulation2020Trial;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.disclosurehub.report.ReportLayout;
import org.junit.jupiter.api.Test;

/**
 * What must never become a revision (issue 22): a negative count or amount, however small, with or
 * without {@code acceptInconsistent}; and a PUT with {@code If-None-Match: *} over an existing
 * report, whatever its body.
 */
@QuarkusTest
class NothingBadStoredTest {

  @Test
  void shouldRefuseATinyNegativeAmountEvenWhenInconsistenciesAreAccepted() {
    for (String pointer :
        List.of("/activeDisclosure/feesAmount", "/narrative/processingFeesAmount")) {
      for (String amount : List.of("-0.00001", "-0.000001", "-1", "-0")) {
        for (boolean accept : List.of(false, true)) {
          ObjectNode report = naturalResources2024();
          int slash = pointer.lastIndexOf('/');
          at(report, pointer.substring(0, slash)).put(pointer.substring(slash + 1), amount);
          String agency = registerAgency("320200");
          if (amount.equals("-0")) {
            // Zero is not negative: "-0" is the amount 0.
            put(agency, 2024, report, accept).then().statusCode(201);
            continue;
          }
          assertRefusedAt(put(agency, 2024, report, accept), pointer);
          given().get(reportPath(agency, 2024)).then().statusCode(404);
        }
      }
    }
  }

  @Test
  void shouldRefuseANegativeCountInEveryCellOfEveryTableEvenWhenAccepted() {
    String agency = registerAgency("320200");
    ObjectNode valid = naturalResources2024();
    int refused = 0;
    for (ReportLayout.Cell cell : ReportLayout.CELLS) {
      ObjectNode report = valid.deepCopy();
      int slash = cell.pointer().lastIndexOf('/');
      ObjectNode parent = at(report, cell.pointer().substring(0, slash));
      String field = cell.pointer().substring(slash + 1);
      if (!parent.has(field)) {
        continue; // a total the service computes
      }
      if (cell.type() == ReportLayout.CellType.amount) {
        parent.put(field, "-0.5");
      } else {
        parent.put(field, -1);
      }
      assertRefusedAt(put(agency, 2024, report, true), cell.pointer());
      refused++;
    }
    assertThat(refused).isGreaterThan(100);
    given().get(reportPath(agency, 2024)).then().statusCode(404);
  }

  @Test
  void shouldStillStoreTheNegativeChangesOfThe2019Format() {
    ObjectNode report = marketRegulation2020Trial();
    at(report, "/activeDisclosure2019/penalties").put("change", -9);
    put(registerAgency("330200"), 2020, report, false).then().statusCode(201);
  }

  @Test
  void shouldRefuseIfNoneMatchStarOverAnExistingReportWhateverTheBody() {
    String agency = registerAgency("320100");
    ObjectNode report = naturalResources2024();
    put(agency, 2024, report, false).then().statusCode(201);
    for (String ifNoneMatch : List.of("*", " * ", "\"1\"", "\"7\", \"1\"")) {
      // The same content, which a plain PUT answers 200 as already stored.
      ifNoneMatch(agency, report, ifNoneMatch)
          .then()
          .statusCode(412)
          .body("type", equalTo("/problems/precondition-failed"));
      ObjectNode changed = report.deepCopy();
      at(changed, "/activeDisclosure").put("penalties", 1);
      ifNoneMatch(agency, changed, ifNoneMatch).then().statusCode(412);
    }
    // A tag that is not current is no reason to refuse.
    ifNoneMatch(agency, report, "\"2\"").then().statusCode(200);
    given().get(reportPath(agency, 2024) + "/revisions").then().body("size()", equalTo(1));
  }

  private static io.restassured.response.Response ifNoneMatch(
      String agency, ObjectNode report, String header) {
    return admin()
        .contentType("application/json")
        .header("If-None-Match", header)
        .body(report.toString())
        .put(reportPath(agency, 2024));
  }

  private static io.restassured.response.Response put(
      String agency, int year, ObjectNode report, boolean accept) {
    return admin()
        .contentType("application/json")
        .queryParam("acceptInconsistent", accept)
        .body(report.toString())
        .put(reportPath(agency, year));
  }

  private static void assertRefusedAt(io.restassured.response.Response response, String pointer) {
    JsonPath problem =
        response
            .then()
            .statusCode(400)
            .contentType("application/problem+json")
            .body("type", equalTo("/problems/invalid-field"))
            .extract()
            .jsonPath();
    List<Map<String, String>> errors = problem.getList("errors");
    assertThat(errors).as(pointer).extracting(e -> e.get("pointer")).contains(pointer);
  }
}
