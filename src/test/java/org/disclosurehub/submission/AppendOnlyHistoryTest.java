package org.disclosurehub.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.at;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.disclosurehub.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Revisions and imported sources are append-only in the database itself (V9), not only because the
 * service never changes them: the user the service connects as (here the superuser the tests use)
 * can neither update, delete nor truncate them, and the history read through the API is what it was
 * before each try.
 */
@QuarkusTest
class AppendOnlyHistoryTest {
  @Inject DataSource database;

  @Test
  void shouldRefuseToChangeOrRemoveARevisionOrItsSource() throws SQLException {
    String agency = registerAgency("320581");
    byte[] text = Fixtures.text("/imports/identity-error.txt").getBytes(StandardCharsets.UTF_8);
    admin()
        .contentType("text/plain; charset=utf-8")
        .body(text)
        .post("/api/v1/imports?store=true&agency=" + agency)
        .then()
        .statusCode(200);
    ObjectNode corrected = naturalResources2024();
    at(corrected, "/activeDisclosure").put("penalties", 1);
    admin()
        .contentType("application/json")
        .queryParam("acceptInconsistent", true)
        .body(corrected.toString())
        .put(reportPath(agency, 2024))
        .then()
        .statusCode(200);
    admin().delete(reportPath(agency, 2024)).then().statusCode(200);
    String history = given().get(reportPath(agency, 2024) + "/revisions").asString();
    String source = given().get(reportPath(agency, 2024) + "/revisions/1/source").asString();

    String ofTheReport =
        " where report_id = (select r.id from report r join agency a on a.id = r.agency_id"
            + " where a.code = '"
            + agency
            + "')";
    String sources = " where revision_id in (select id from report_revision" + ofTheReport + ")";
    List<String> attempts =
        List.of(
            "update report_revision set content = '{}'" + ofTheReport,
            "update report_revision set withdrawn = false" + ofTheReport,
            "update report_revision set author = 'admin'" + ofTheReport,
            "delete from report_revision" + ofTheReport,
            "delete from report_revision" + ofTheReport + " and revision = 3",
            "update report_revision_source set content = 'x'::bytea" + sources,
            "delete from report_revision_source" + sources,
            "truncate report_revision_source",
            "truncate report_revision cascade");
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true); // each attempt on its own: one refusal aborts no other
      for (String attempt : attempts) {
        assertThatThrownBy(() -> statement.execute(attempt))
            .as(attempt)
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("append-only");
      }
      // What the service does keep working: a new revision is an insert.
      assertThat(statement.execute("select 1")).isTrue();
    }
    assertThat(given().get(reportPath(agency, 2024) + "/revisions").asString()).isEqualTo(history);
    assertThat(given().get(reportPath(agency, 2024) + "/revisions/1/source").asString())
        .isEqualTo(source);
    admin()
        .contentType("application/json")
        .body(naturalResources2024().toString())
        .put(reportPath(agency, 2024))
        .then()
        .statusCode(201);
  }
}
