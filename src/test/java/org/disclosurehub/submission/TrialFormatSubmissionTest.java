package org.disclosurehub.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.JSON;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.at;
import static org.disclosurehub.Fixtures.marketRegulation2020Trial;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reports in the 2019 trial format are stored with their own Table 二 and read back cell for cell; a
 * report whose tables do not match its formatVersion is a 400 naming the field, and stores nothing.
 */
@QuarkusTest
class TrialFormatSubmissionTest {

  @Test
  void shouldStoreA2019ReportAndReadItBackCellForCell() throws Exception {
    String agency = registerAgency("330100");
    ObjectNode sent = marketRegulation2020Trial();

    admin()
        .contentType("application/json")
        .body(sent.toString())
        .put(reportPath(agency, 2020))
        .then()
        .statusCode(201)
        .body("violations.size()", equalTo(0));

    JsonNode stored =
        JSON.readTree(
                given().get(reportPath(agency, 2020)).then().statusCode(200).extract().asString())
            .get("report");
    assertEveryCellEqual(sent, stored, "");
    // Rows 三(六)1 and 三(六)2 do not exist in the 2019 format: they are stored as zeros.
    assertThat(stored.at("/requests/outcomes/otherHandling/overdueCorrection/total").intValue())
        .isZero();
    assertThat(stored.at("/requests/outcomes/otherHandling/overdueFee/total").intValue()).isZero();
    assertThat(stored.has("activeDisclosure")).isFalse();
    assertThat(stored.at("/activeDisclosure2019/licensing/change").intValue()).isEqualTo(-2);
    assertThat(stored.at("/activeDisclosure2019/procurement/totalAmount").textValue())
        .isEqualTo("1263850.36");
    assertThat(stored.at("/activeDisclosure2019/procurement/unit").textValue()).isEqualTo("元");

    // The canonical content of the revision is the same report.
    JsonNode content =
        JSON.readTree(
            given()
                .get(reportPath(agency, 2020) + "/revisions/1/content")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    assertThat(content).isEqualTo(stored);
  }

  @Test
  void shouldStoreTheSameReportOnlyOnce() {
    String agency = registerAgency("330100");
    String body = marketRegulation2020Trial().toString();
    admin()
        .contentType("application/json")
        .body(body)
        .put(reportPath(agency, 2020))
        .then()
        .statusCode(201);
    admin()
        .contentType("application/json")
        .body(body)
        .put(reportPath(agency, 2020))
        .then()
        .statusCode(200)
        .body("revision", equalTo(1));
  }

  @Test
  void shouldRefuseA2019ReportWithoutItsTable2() {
    ObjectNode report = marketRegulation2020Trial();
    report.set("activeDisclosure", naturalResources2024().get("activeDisclosure"));
    report.remove("activeDisclosure2019");

    assertRefused(report)
        .body(
            "errors.pointer",
            equalTo(java.util.List.of("/activeDisclosure", "/activeDisclosure2019")))
        .body(
            "errors[0].message",
            equalTo(
                "is Table 二 of the 2021 format; a report in formatVersion \"2019\" gives activeDisclosure2019"))
        .body("errors[1].message", equalTo("is required with formatVersion \"2019\""));
  }

  @Test
  void shouldRefuseThe2019Table2InA2021Report() {
    ObjectNode report = naturalResources2024();
    report.set("activeDisclosure2019", marketRegulation2020Trial().get("activeDisclosure2019"));

    assertRefused(report)
        .body("errors.size()", equalTo(1))
        .body("errors[0].pointer", equalTo("/activeDisclosure2019"))
        .body(
            "errors[0].message",
            equalTo("is Table 二 of the 2019 trial format; give it with formatVersion \"2019\""));
  }

  @Test
  void shouldRefuseA2021ReportWithoutRows6Point1And6Point2() {
    ObjectNode report = naturalResources2024();
    at(report, "/requests/outcomes/otherHandling").remove("overdueFee");

    assertRefused(report)
        .body("errors[0].pointer", equalTo("/requests/outcomes/otherHandling/overdueFee"))
        .body("errors[0].message", equalTo("is required"));
  }

  @Test
  void shouldRefuseRequestsInARowThe2019FormatDoesNotHave() {
    ObjectNode report = marketRegulation2020Trial();
    ObjectNode row = at(report, "/requests/outcomes/otherHandling").putObject("overdueCorrection");
    row.put("naturalPerson", 1).put("commercialEnterprise", 0).put("researchInstitution", 0);
    row.put("socialWelfareOrganization", 0).put("legalServiceInstitution", 0);
    row.put("otherOrganization", 0).put("total", 1);

    assertRefused(report)
        .body("errors[0].pointer", equalTo("/requests/outcomes/otherHandling/overdueCorrection"))
        .body(
            "errors[0].message",
            equalTo(
                "does not exist in the 2019 trial format, whose single row 三(六) 其他处理 is"
                    + " otherHandling.other; omit it"));
  }

  @Test
  void shouldRefuseAnAmountInYuanBelowTheFen() {
    ObjectNode report = marketRegulation2020Trial();
    at(report, "/activeDisclosure2019/procurement").put("totalAmount", "1263850.365");

    assertRefused(report)
        .body("errors[0].pointer", equalTo("/activeDisclosure2019/procurement/totalAmount"))
        .body("errors[0].message", equalTo("at most 2 decimal places in 元 (one fen)"));
  }

  @Test
  void shouldRefuseAnUnknownUnit() {
    ObjectNode report = marketRegulation2020Trial();
    at(report, "/activeDisclosure2019/procurement").put("unit", "千元");

    assertRefused(report)
        .body("errors[0].pointer", equalTo("/activeDisclosure2019/procurement/unit"))
        .body("errors[0].message", equalTo("must be \"万元\" or \"元\""));
  }

  /** 400 invalid-field, and the agency still has no report. */
  private static ValidatableResponse assertRefused(ObjectNode report) {
    String agency = registerAgency("330100");
    int year = report.get("formatVersion").textValue().equals("2019") ? 2020 : 2024;
    ValidatableResponse response =
        admin()
            .contentType("application/json")
            .body(report.toString())
            .put(reportPath(agency, year))
            .then()
            .statusCode(400)
            .contentType("application/problem+json")
            .body("type", equalTo("/problems/invalid-field"))
            .body("instance", equalTo(reportPath(agency, year)));
    given().get(reportPath(agency, year)).then().statusCode(404);
    return response;
  }

  /** Every field sent is stored with the same value (the stored report may add computed ones). */
  private static void assertEveryCellEqual(JsonNode sent, JsonNode stored, String pointer) {
    if (!sent.isObject()) {
      assertThat(stored).as(pointer).isEqualTo(sent);
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = sent.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      assertEveryCellEqual(
          field.getValue(), stored.path(field.getKey()), pointer + "/" + field.getKey());
    }
  }
}
