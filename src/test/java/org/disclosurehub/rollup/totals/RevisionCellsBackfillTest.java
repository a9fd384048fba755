package org.disclosurehub.rollup.totals;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.distinctCells2024;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.newAgencyCode;
import static org.disclosurehub.Fixtures.reportPath;
import static org.disclosurehub.Fixtures.zhongweiCivilAffairs2024;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.disclosurehub.MovableClock;
import org.junit.jupiter.api.Test;

/**
 * Revisions stored before V16 (in 随州市, 421300, which no other test uses): over three days two
 * agencies file, correct, withdraw and file again, and every live answer of a day is kept. Then
 * revision_cells is put back the way V16 left a database written before it: only each current
 * revision's row. As of those days the answers are then wrong; {@link RevisionCellsBackfill} keeps
 * the missing rows from the revisions' stored content, and every answer as of a day equals what was
 * answered live that day again.
 */
@QuarkusTest
class RevisionCellsBackfillTest {
  private static final String CITY = "421300";
  private static final String ZENGDU = "421303";
  private static final String SUIXIAN = "421321";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final MovableClock clock = new MovableClock();
  private final Map<String, Map<String, String>> liveByDay = new LinkedHashMap<>();

  @Inject DataSource database;
  @Inject RevisionCellsBackfill backfill;

  @Test
  void shouldKeepTheCellsOfRevisionsStoredBeforeTheHistory() throws Exception {
    QuarkusMock.installMockForType(clock, Clock.class);
    String x = newAgencyCode("pre16-x");
    String y = newAgencyCode("pre16-y");

    clock.at("2025-01-10T10:00");
    register(x, "曾都区甲局", ZENGDU);
    register(y, "随县乙局", SUIXIAN);
    file(x, 2023, naturalResources2024());
    file(x, 2024, naturalResources2024());
    file(y, 2024, zhongweiCivilAffairs2024());
    keepLive("2025-01-10");

    clock.at("2025-01-11T10:00");
    file(x, 2024, distinctCells2024());
    admin().delete(reportPath(y, 2024)).then().statusCode(200);
    keepLive("2025-01-11");

    clock.at("2025-01-12T10:00");
    file(x, 2024, naturalResources2024());
    file(y, 2024, naturalResources2024());
    keepLive("2025-01-12");

    clock.at("2025-01-20T12:00");

    int removed = asBeforeV16(x, y);
    assertThat(removed).isEqualTo(4); // x 2024 r1, r2; y r1 and its withdrawal (r2)
    assertThat(asOf(rollup(CITY), "2025-01-10"))
        .isNotEqualTo(liveByDay.get("2025-01-10").get(rollup(CITY)));

    assertThat(backfill.run()).isEqualTo(removed);
    assertThat(backfill.run()).isZero();

    for (var day : liveByDay.entrySet()) {
      for (var request : day.getValue().entrySet()) {
        assertThat(asOf(request.getKey(), day.getKey()))
            .as(request.getKey() + " as of " + day.getKey())
            .isEqualTo(request.getValue());
      }
    }
  }

  /**
   * Removes the agencies' revision_cells rows but those of their current revisions (not withdrawn):
   * what V16 kept of a database written before it. Answers how many were removed.
   */
  private int asBeforeV16(String... agencies) throws Exception {
    String codes = "'" + String.join("','", agencies) + "'";
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      statement.execute("alter table revision_cells disable trigger revision_cells_append_only");
      int removed =
          statement.executeUpdate(
              """
              delete from revision_cells c using report r, agency a
              where r.id = c.report_id and a.id = r.agency_id and a.code in (%s)
                and (c.revision <> r.current_revision or c.withdrawn)"""
                  .formatted(codes));
      statement.execute("alter table revision_cells enable trigger revision_cells_append_only");
      connection.commit();
      return removed;
    }
  }

  private void keepLive(String day) throws Exception {
    Map<String, String> answers = new LinkedHashMap<>();
    for (String path :
        List.of(
            rollup(CITY),
            rollup(CITY) + "/agencies",
            rollup(ZENGDU),
            "/api/v1/reports.csv?division=" + CITY + "&year=2024",
            "/api/v1/reports.csv?division=" + CITY + "&year=2023")) {
      answers.put(path, comparable(path, ok(given().get(path))));
    }
    liveByDay.put(day, answers);
  }

  private static String asOf(String path, String day) throws Exception {
    return comparable(
        path, ok(given().get(path + (path.contains("?") ? "&" : "?") + "asOf=" + day)));
  }

  private static String ok(Response response) {
    assertThat(response.statusCode()).isEqualTo(200);
    return response.asString();
  }

  private static String rollup(String region) {
    return "/api/v1/regions/" + region + "/rollups/2024";
  }

  /** The answer less its links, which carry the request's own asOf. */
  private static String comparable(String path, String body) throws Exception {
    if (path.contains("reports.csv")) {
      return body;
    }
    JsonNode json = JSON.readTree(body);
    if (json.has("links")) {
      ((ObjectNode) json).remove("links");
    }
    return json.toPrettyString();
  }

  private static void register(String code, String name, String division) {
    admin()
        .contentType("application/json")
        .body(Map.of("code", code, "name", name, "divisionCode", division, "activeFrom", 2023))
        .post("/api/v1/agencies")
        .then()
        .statusCode(201);
  }

  private static void file(String agency, int year, ObjectNode report) {
    int status =
        admin()
            .contentType("application/json")
            .body(report.put("publishedOn", "2025-01-05").toString())
            .put(reportPath(agency, year))
            .then()
            .extract()
            .statusCode();
    assertThat(status).isIn(200, 201);
  }
}
