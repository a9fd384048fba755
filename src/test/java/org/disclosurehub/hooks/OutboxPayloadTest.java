package org.disclosurehub.hooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.at;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.disclosurehub.Fixtures;
import org.disclosurehub.sql.Rows;
import org.junit.jupiter.api.Test;

/**
 * A report event tells what the revision it announces holds: a filing's event is made from what the
 * filing wrote (nothing read back), so each field is compared with the stored revision and agency,
 * for every kind a filing makes (filed, corrected with a reason and violations, refiled, imported)
 * and for a withdrawal. In 呼和浩特 新城区 (150102), which no other test uses.
 */
@QuarkusTest
class OutboxPayloadTest {
  private static final String DIVISION = "150102";

  @Test
  void shouldAnnounceEachRevisionAsStored() throws Exception {
    String agency = registerAgency(DIVISION);
    put(agency, naturalResources2024(), null, false).then().statusCode(201);
    ObjectNode inconsistent = naturalResources2024();
    at(inconsistent, "/requests/carriedForward").put("naturalPerson", 7).put("total", 8);
    put(agency, inconsistent, "carried forward as published", true).then().statusCode(200);
    admin().delete(reportPath(agency, 2024)).then().statusCode(200);
    put(agency, naturalResources2024(), "filed again", false).then().statusCode(201);

    String page =
        given()
            .accept("text/html")
            .get(reportPath(agency, 2024))
            .then()
            .statusCode(200)
            .extract()
            .asString();
    String copy = registerAgency(DIVISION);
    admin()
        .contentType("text/html; charset=utf-8")
        .body(page.getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/imports?store=true&agency=" + copy + "&year=2024")
        .then()
        .statusCode(200);

    assertThat(announced(agency))
        .containsExactly("report.filed", "report.corrected", "report.withdrawn", "report.refiled");
    assertThat(announced(copy)).containsExactly("report.imported");
  }

  private static io.restassured.response.Response put(
      String agency, ObjectNode report, String reason, boolean inconsistent) {
    var request =
        admin().contentType("application/json").queryParam("acceptInconsistent", inconsistent);
    if (reason != null) {
      request = request.header("X-Change-Reason", reason);
    }
    return request.body(report.toString()).put(reportPath(agency, 2024));
  }

  /**
   * The types of the report's events in order, each checked against the revision it names as stored
   * (its columns, the agency's name and division, its kind from the revision before).
   */
  private static List<String> announced(String agency) throws Exception {
    List<Rows.Row> events =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    Rows.select(
                            """
                            select type, division_code, at, payload::text
                            from hub_event where report_key = :key order by id""")
                        .set("key", agency + "/2024")
                        .rows());
    for (Rows.Row event : events) {
      JsonNode payload = Fixtures.JSON.readTree((String) event.get("payload"));
      JsonNode data = payload.get("data");
      int revision = data.get("revision").intValue();
      Rows.Row stored =
          QuarkusTransaction.requiringNew()
              .call(
                  () ->
                      Rows.select(
                              """
                              select a.code, a.name, a.division_code, v.submitted_at, v.author,
                                     v.reason, v.content_sha256, v.violation_count, v.withdrawn,
                                     v.imported,
                                     coalesce((select p.withdrawn from report_revision p
                                               where p.report_id = v.report_id
                                                 and p.revision = v.revision - 1), false)
                                       as after_withdrawal
                              from agency a join report r on r.agency_id = a.id
                                   join report_revision v on v.report_id = r.id
                              where a.code = :agency and r.year = 2024
                                and v.revision = :revision""")
                          .set("agency", agency)
                          .set("revision", revision)
                          .row());
      String at = ((Timestamp) stored.get("submitted_at")).toInstant().toString();
      String kind =
          EventPayloads.kind(
              (Boolean) stored.get("withdrawn"),
              (Boolean) stored.get("imported"),
              revision,
              (Boolean) stored.get("after_withdrawal"));
      String what = event.get("type") + " of revision " + revision;
      assertThat(event.get("type")).as(what).isEqualTo("report." + kind);
      assertThat(event.get("division_code")).as(what).isEqualTo(stored.get("division_code"));
      assertThat(((Timestamp) event.get("at")).toInstant().toString()).as(what).isEqualTo(at);
      assertThat(payload.get("timestamp").textValue()).as(what).isEqualTo(at);
      Map<String, Object> expected = new java.util.LinkedHashMap<>();
      expected.put("agency", stored.get("code"));
      expected.put("agencyName", stored.get("name"));
      expected.put("divisionCode", stored.get("division_code"));
      expected.put("year", 2024);
      expected.put("revision", revision);
      expected.put("kind", kind);
      expected.put("author", stored.get("author"));
      expected.put("reason", stored.get("reason"));
      expected.put("at", at);
      expected.put("contentSha256", stored.get("content_sha256"));
      expected.put("violationCount", ((Number) stored.get("violation_count")).intValue());
      String path = reportPath(agency, 2024);
      expected.put(
          "links",
          Map.of(
              "report",
              path,
              "revision",
              path + "/revisions/" + revision,
              "content",
              path + "/revisions/" + revision + "/content"));
      assertThat(Fixtures.JSON.convertValue(data, Map.class)).as(what).isEqualTo(expected);
    }
    return events.stream().map(e -> (String) e.get("type")).toList();
  }
}
