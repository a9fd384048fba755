package org.disclosurehub.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.adminToken;
import static org.disclosurehub.Fixtures.at;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.disclosurehub.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reports built to break the service (issue 11's classes of defect): each is refused with a 400
 * problem naming the field, and the agency's report stays at revision 1 as it was.
 */
@QuarkusTest
class HostileReportTest {
  private String agency;

  @BeforeEach
  void fileRevisionOne() {
    agency = registerAgency("320300");
    put(naturalResources2024().toString()).statusCode(201);
  }

  @Test
  void shouldRefuseARowWhoseSumWouldOverflow() {
    ObjectNode report = naturalResources2024();
    for (String row : new String[] {"newlyReceived", "outcomes/granted"}) {
      ObjectNode cells = at(report, "/requests/" + row);
      cells.put("naturalPerson", 2147483647).put("commercialEnterprise", 2147483647);
      cells.put("researchInstitution", 2).remove("total");
    }
    at(report, "/requests/outcomes").remove("total");
    assertInvalidField(report, "/requests/newlyReceived/commercialEnterprise", "at most 100000000");
  }

  @Test
  void shouldRefuseACellOverTheMaximum() {
    ObjectNode report = naturalResources2024();
    at(report, "/activeDisclosure").put("penalties", 100_000_001);
    assertInvalidField(report, "/activeDisclosure/penalties", "at most 100000000");
  }

  @Test
  void shouldRefuseANumberBeyondAnInt() {
    ObjectNode report = naturalResources2024();
    at(report, "/activeDisclosure").put("licensing", 4_000_000_000L);
    assertInvalidField(report, "/activeDisclosure/licensing", "out of range");
  }

  @Test
  void shouldRefuseAComputedTotalOverTheMaximum() {
    ObjectNode report = naturalResources2024();
    ObjectNode row = at(report, "/requests/carriedOver");
    row.put("naturalPerson", 60_000_000).put("commercialEnterprise", 60_000_000).remove("total");
    assertInvalidField(report, "/requests/carriedOver/total", "over the maximum");
  }

  @Test
  void shouldRefuseNulInTheNarrative() {
    ObjectNode report = naturalResources2024();
    at(report, "/narrative").put("overview", "总体情况\u0000");
    assertInvalidField(report, "/narrative/overview", "U+0000");
  }

  @Test
  void shouldRefuseALoneSurrogateInTheNarrative() {
    String body =
        naturalResources2024()
            .toString()
            .replaceFirst("\"overview\":\"", "\"overview\":\"机关\\\\uDC00\\\\uDC00");
    put(body)
        .statusCode(400)
        .body("type", equalTo("/problems/invalid-field"))
        .body("errors[0].pointer", equalTo("/narrative/overview"));
    assertUnchanged();
  }

  @Test
  void shouldRefuseNulInACategoryName() {
    ObjectNode report = naturalResources2024();
    at(report, "/publishedItems").putObject("byCategory").put("部门\u0000公告", 11);
    put(report.toString())
        .statusCode(400)
        .body("type", equalTo("/problems/invalid-field"))
        .body("errors[0].pointer", containsString("/publishedItems/byCategory"));
    assertUnchanged();
  }

  @Test
  void shouldRefuseBodiesThatAreNotUtf8() {
    byte[][] invalid = {
      {(byte) 0xC0, (byte) 0x80}, // overlong NUL
      {(byte) 0xC0, (byte) 0xAF}, // overlong '/'
      {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, // overlong '/'
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // an encoded surrogate
      {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80} // above U+10FFFF
    };
    for (byte[] bytes : invalid) {
      var answer =
          RawHttp.send(
              "PUT " + reportPath(agency, 2024) + " HTTP/1.1",
              Map.of("Content-Type", "application/json", "Authorization", "Bearer " + adminToken()),
              withNarrativeBytes(bytes));
      assertThat(answer.problem(400, "/problems/malformed-json").path("detail").asText())
          .contains("UTF-8");
    }
    assertUnchanged();
  }

  @Test
  void shouldRefuseAnAmountWithANulRatherThanTrimIt() {
    ObjectNode report = naturalResources2024();
    at(report, "/activeDisclosure").put("feesAmount", "12\u0000");
    assertInvalidField(report, "/activeDisclosure/feesAmount", "decimal string");
  }

  @Test
  void shouldRefuseAMegabyteAmountAsFastAsAnyMegabyteBody() {
    // Parsing "1." and a million digits took 18.7 s (quadratic); refused by its length it costs
    // what reading any body of that size costs. Compared with one, so that load does not matter.
    ObjectNode control = naturalResources2024();
    at(control, "/activeDisclosure").put("feesAmountNote", "1".repeat(1_000_000));
    long started = System.nanoTime();
    assertInvalidField(control, "/activeDisclosure/feesAmountNote", "unknown field");
    long controlMillis = (System.nanoTime() - started) / 1_000_000;
    ObjectNode report = naturalResources2024();
    at(report, "/activeDisclosure").put("feesAmount", "1." + "1".repeat(1_000_000));
    started = System.nanoTime();
    assertInvalidField(report, "/activeDisclosure/feesAmount", "decimal string");
    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(3 * controlMillis + 2_000);
  }

  @Test
  void shouldRefuseDatesThatAreNotPlainCalendarDates() {
    for (String date :
        new String[] {
          "+5874898-01-01",
          "-999999999-01-01",
          "2025-01-20T00:00:00Z",
          "-5000-01-01",
          "2025-02-30",
          "2025-1-20",
          "20250120"
        }) {
      ObjectNode report = naturalResources2024();
      report.put("publishedOn", date);
      assertInvalidField(report, "/publishedOn", "YYYY-MM-DD");
    }
    // Nothing of them was stored, so later valid writes still work: the year before, a move.
    ObjectNode previousYear = naturalResources2024();
    previousYear.put("publishedOn", "2024-01-25");
    admin()
        .contentType("application/json")
        .body(previousYear.toString())
        .put(reportPath(agency, 2023))
        .then()
        .statusCode(201);
    admin()
        .contentType("application/merge-patch+json")
        .body("{\"divisionCode\": \"320382\"}")
        .patch("/api/v1/agencies/" + agency)
        .then()
        .statusCode(200);
  }

  @Test
  void shouldNotEchoRawBytesInAProblem() {
    ObjectNode report = naturalResources2024();
    at(report, "/narrative").put("bad\u0000\u001b[31m" + "x".repeat(10_000), "y");
    String pointer =
        put(report.toString())
            .statusCode(400)
            .body("type", equalTo("/problems/invalid-field"))
            .extract()
            .path("errors[0].pointer");
    assertThat(pointer).doesNotContain("\u0000").doesNotContain("\u001b").hasSizeLessThan(260);
    assertThat(pointer).startsWith("/narrative/bad\\u0000\\u001B");
    assertUnchanged();
  }

  @Test
  void shouldRefuseAPublicationDateOutsideTheReportsYears() {
    String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    for (String date : new String[] {"2023-12-31", "9999-01-01"}) {
      ObjectNode report = naturalResources2024();
      report.put("publishedOn", date);
      assertInvalidField(report, "/publishedOn", "must not be");
    }
    ObjectNode late = naturalResources2024();
    late.put("publishedOn", today);
    put(late.toString()).statusCode(200).body("report.publishedOn", equalTo(today));
  }

  @Test
  void shouldRefuseNanInItsOwnWords() {
    String body =
        naturalResources2024().toString().replace("\"licensing\":1342", "\"licensing\":NaN");
    put(body)
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/malformed-json"))
        .body("detail", containsString("NaN"))
        .body("detail", not(containsString("JsonReadFeature")))
        .body("detail", not(containsString("`")));
    assertUnchanged();
  }

  @Test
  void shouldValidateADryRunAsAPut() {
    String tooLong = "更".repeat(501);
    admin()
        .contentType("application/json")
        .header("X-Change-Reason", tooLong)
        .body(changed().toString())
        .put(reportPath(agency, 2024) + "?dryRun=true")
        .then()
        .statusCode(400)
        .body("errors[0].pointer", equalTo("X-Change-Reason"));
    ObjectNode report = changed();
    at(report, "/narrative").put("overview", "\u0000");
    admin()
        .contentType("application/json")
        .body(report.toString())
        .put(reportPath(agency, 2024) + "?dryRun=true")
        .then()
        .statusCode(400)
        .body("errors[0].pointer", equalTo("/narrative/overview"));
    assertUnchanged();
  }

  @Test
  void shouldReadBooleansOnlyAsTrueOrFalse() {
    admin()
        .contentType("application/json")
        .body(changed().toString())
        .put(reportPath(agency, 2024) + "?acceptInconsistent=yes")
        .then()
        .statusCode(400)
        .body("type", equalTo("/problems/invalid-parameter"))
        .body("errors[0].pointer", equalTo("acceptInconsistent"));
    admin()
        .contentType("application/json")
        .body(changed().toString())
        .put(reportPath(agency, 2024) + "?dryRun=1")
        .then()
        .statusCode(400)
        .body("errors[0].pointer", equalTo("dryRun"));
    assertUnchanged();
  }

  /** Revision 1 with the licensing count changed: valid, and a different content. */
  private static ObjectNode changed() {
    ObjectNode report = naturalResources2024();
    at(report, "/activeDisclosure").put("licensing", 1343);
    return report;
  }

  private static byte[] withNarrativeBytes(byte[] bytes) {
    String[] parts = naturalResources2024().toString().split("\"overview\":\"", 2);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes((parts[0] + "\"overview\":\"").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(bytes);
    body.writeBytes(parts[1].getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  private void assertInvalidField(ObjectNode report, String pointer, String message) {
    put(report.toString())
        .statusCode(400)
        .contentType("application/problem+json")
        .header("X-Content-Type-Options", "nosniff")
        .body("type", equalTo("/problems/invalid-field"))
        .body("errors[0].pointer", equalTo(pointer))
        .body("errors[0].message", containsString(message));
    assertUnchanged();
  }

  private void assertUnchanged() {
    given()
        .get(reportPath(agency, 2024) + "/revisions")
        .then()
        .statusCode(200)
        .body("size()", equalTo(1));
    given()
        .get(reportPath(agency, 2024))
        .then()
        .statusCode(200)
        .body("revision", equalTo(1))
        .body("report.activeDisclosure.licensing", equalTo(1342));
  }

  private ValidatableResponse put(String body) {
    return admin().contentType("application/json").body(body).put(reportPath(agency, 2024)).then();
  }
}
