package org.disclosurehub.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.adminToken;
import static org.disclosurehub.Fixtures.as;
import static org.disclosurehub.Fixtures.at;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.newAgencyCode;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;
import static org.disclosurehub.Fixtures.withOverview;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Who wrote each revision and why, receipts (Repr-Digest), and withdrawal. */
@QuarkusTest
class AuditTrailTest {

  @Test
  void shouldRecordAuthorTimeReasonAndHashOnEveryRevision() {
    String agency = registerAgency("340404");
    Response issued = admin().post("/api/v1/agencies/" + agency + "/tokens");
    String token = issued.jsonPath().getString("token");
    int tokenId = issued.jsonPath().getInt("id");
    ObjectNode report = naturalResources2024();

    String first =
        as(token)
            .contentType("application/json")
            .header("X-Change-Reason", "annual filing")
            .body(report.toString())
            .put(reportPath(agency, 2024))
            .then()
            .statusCode(201)
            .extract()
            .path("contentSha256");
    at(report, "/activeDisclosure").put("penalties", 88);
    String second =
        admin()
            .contentType("application/json")
            .body(report.toString())
            .put(reportPath(agency, 2024))
            .then()
            .statusCode(200)
            .extract()
            .path("contentSha256");

    given()
        .get(reportPath(agency, 2024) + "/revisions")
        .then()
        .statusCode(200)
        .body("", hasSize(2))
        .body("[0].author", equalTo("token:" + tokenId))
        .body("[0].reason", equalTo("annual filing"))
        .body("[0].contentSha256", equalTo(first))
        .body("[0].submittedAt", containsString("T"))
        .body("[0].withdrawn", equalTo(false))
        .body("[1].author", equalTo("admin"))
        .body("[1].reason", nullValue())
        .body("[1].contentSha256", equalTo(second));
  }

  @Test
  void shouldKeepAReasonSentAsUtf8() throws Exception {
    String agency = registerAgency("340405");
    byte[] body = naturalResources2024().toString().getBytes(StandardCharsets.UTF_8);
    // HTTP carries header bytes; curl sends a Chinese reason as its UTF-8 bytes, so does this.
    try (Socket socket = new Socket("localhost", RestAssured.port)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("PUT "
                  + reportPath(agency, 2024)
                  + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                  + "Authorization: Bearer "
                  + adminToken()
                  + "\r\nContent-Type: application/json\r\nContent-Length: "
                  + body.length
                  + "\r\nX-Change-Reason: 更正第三部分数据\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      out.write(body);
      out.flush();
      String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.UTF_8);
      assertThat(status).isEqualTo("HTTP/1.1 201");
    }

    given()
        .get(reportPath(agency, 2024) + "/revisions")
        .then()
        .body("[0].reason", equalTo("更正第三部分数据"));
  }

  /**
   * Java's HttpClient (like Node's fetch and Python's urllib) refuses a header value outside
   * ISO-8859-1, so a Chinese reason is sent percent-encoded or in RFC 8187's form: both are stored
   * as the text, and a literal % that starts no escape stays as it is.
   */
  @Test
  void shouldStoreAPercentEncodedReasonSentByJavasHttpClientAsItsText() throws Exception {
    String agency = registerAgency("320382");
    String encoded = URLEncoder.encode("更正第三部分数据", StandardCharsets.UTF_8);
    var client = HttpClient.newHttpClient();
    for (String reason : new String[] {encoded, "UTF-8''" + encoded, "utf-8'zh'" + encoded}) {
      ObjectNode report = withOverview(naturalResources2024(), "更正 " + reason);
      HttpResponse<String> answer =
          client.send(
              HttpRequest.newBuilder(
                      URI.create(
                          RestAssured.baseURI + ":" + RestAssured.port + reportPath(agency, 2024)))
                  .PUT(HttpRequest.BodyPublishers.ofString(report.toString()))
                  .header("Content-Type", "application/json")
                  .header("Authorization", "Bearer " + adminToken())
                  .header("X-Change-Reason", reason)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).isIn(200, 201);
    }
    admin()
        .contentType("application/json")
        .header("X-Change-Reason", "50% done, %zz kept")
        .body(withOverview(naturalResources2024(), "literal").toString())
        .put(reportPath(agency, 2024))
        .then()
        .statusCode(200);

    given()
        .get(reportPath(agency, 2024) + "/revisions")
        .then()
        .body("reason", contains("更正第三部分数据", "更正第三部分数据", "更正第三部分数据", "50% done, %zz kept"));
  }

  @Test
  void shouldRefuseAnRfc8187ReasonThatIsNotUtf8() {
    String agency = registerAgency("320382");
    admin()
        .contentType("application/json")
        .header("X-Change-Reason", "UTF-8''%E6%9B")
        .body(naturalResources2024().toString())
        .put(reportPath(agency, 2024))
        .then()
        .statusCode(400)
        .body("errors[0].pointer", equalTo("X-Change-Reason"));
  }

  @Test
  void shouldRefuseAReasonLongerThan500Characters() {
    String agency = registerAgency("340406");
    admin()
        .contentType("application/json")
        .header("X-Change-Reason", "x".repeat(501))
        .body(naturalResources2024().toString())
        .put(reportPath(agency, 2024))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/invalid-parameter"))
        .body("errors[0].pointer", equalTo("X-Change-Reason"));
    given().get(reportPath(agency, 2024)).then().statusCode(404);
  }

  @Test
  void shouldAnswerAReprDigestOfTheStoredCanonicalReport() throws Exception {
    String agency = registerAgency("340421");
    Response stored =
        admin()
            .contentType("application/json")
            .body(naturalResources2024().toPrettyString())
            .put(reportPath(agency, 2024));
    stored.then().statusCode(201);
    String digest = stored.header("Repr-Digest");
    String sha256 = stored.jsonPath().getString("contentSha256");

    byte[] canonical =
        given()
            .get(reportPath(agency, 2024) + "/revisions/1/content")
            .then()
            .statusCode(200)
            .contentType("application/json")
            .header("Repr-Digest", digest)
            .extract()
            .asByteArray();
    byte[] recomputed = MessageDigest.getInstance("SHA-256").digest(canonical);
    assertThat(digest)
        .isEqualTo("sha-256=:" + Base64.getEncoder().encodeToString(recomputed) + ":");
    assertThat(HexFormat.of().formatHex(recomputed)).isEqualTo(sha256);

    // The identical content again is the same stored report: the same receipt.
    admin()
        .contentType("application/json")
        .body(naturalResources2024().toString())
        .put(reportPath(agency, 2024))
        .then()
        .statusCode(200)
        .header("Repr-Digest", digest);
  }

  @Test
  void shouldWithdrawAReportKeepingItsHistory() {
    String division = "340422";
    String agency = registerAgency(division, newAgencyCode("withdrawn"));
    ObjectNode report = naturalResources2024();
    admin()
        .contentType("application/json")
        .body(report.toString())
        .put(reportPath(agency, 2022))
        .then()
        .statusCode(201);

    admin()
        .header("X-Change-Reason", "filed for the wrong agency")
        .delete(reportPath(agency, 2022))
        .then()
        .statusCode(200)
        .body("revision", equalTo(2))
        .body("withdrawn", equalTo(true))
        .body("author", equalTo("admin"))
        .body("reason", equalTo("filed for the wrong agency"));

    given()
        .get(reportPath(agency, 2022))
        .then()
        .statusCode(410)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/report-withdrawn"))
        .body("detail", containsString("withdrawn in revision 2"));
    given()
        .queryParams("year", 2022, "division", division)
        .get("/api/v1/reports")
        .then()
        .body("total", equalTo(0));
    given()
        .get(reportPath(agency, 2022) + "/revisions")
        .then()
        .body("", hasSize(2))
        .body("[1].withdrawn", equalTo(true));
    given()
        .get(reportPath(agency, 2022) + "/revisions/1")
        .then()
        .statusCode(200)
        .body("report.activeDisclosure.penalties", equalTo(87));
    given().get(reportPath(agency, 2022) + "/revisions/2").then().statusCode(410);

    // Withdrawing again stores nothing.
    admin().delete(reportPath(agency, 2022)).then().statusCode(200).body("revision", equalTo(2));

    // The same content filed again is a new revision, and the report is back.
    admin()
        .contentType("application/json")
        .body(report.toString())
        .put(reportPath(agency, 2022))
        .then()
        .statusCode(201)
        .body("revision", equalTo(3));
    given().get(reportPath(agency, 2022)).then().statusCode(200).body("revision", equalTo(3));
    given()
        .queryParams("year", 2022, "division", division)
        .get("/api/v1/reports")
        .then()
        .body("total", equalTo(1));
  }

  @Test
  void shouldAnswerNotFoundWhenWithdrawingAReportThatDoesNotExist() {
    String agency = registerAgency("340102");
    admin()
        .delete(reportPath(agency, 2024))
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/not-found"))
        .body("detail", equalTo("Agency '" + agency + "' has no report for 2024"));
  }
}
