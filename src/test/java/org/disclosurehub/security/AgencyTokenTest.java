package org.disclosurehub.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.adminToken;
import static org.disclosurehub.Fixtures.as;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AgencyTokenTest {
  @Inject AgroalDataSource database;

  @Test
  void shouldIssueA256BitUrlSafeTokenShownOnce() {
    String agency = registerAgency("320321");
    Response issued = admin().post(tokens(agency));
    issued
        .then()
        .statusCode(201)
        .header("Cache-Control", "no-store")
        .body("agency", equalTo(agency))
        .body("id", notNullValue())
        .body("createdAt", notNullValue())
        // 32 bytes in base64url without padding.
        .body("token", matchesPattern("[A-Za-z0-9_-]{43}"));
    assertThat(issued.header("Location"))
        .endsWith(tokens(agency) + "/" + issued.jsonPath().getLong("id"));

    admin()
        .get(tokens(agency))
        .then()
        .statusCode(200)
        .body("", hasSize(1))
        .body("[0].id", equalTo(issued.jsonPath().getInt("id")))
        .body("[0].token", nullValue())
        .body("[0].lastUsedAt", nullValue())
        .body("[0].revokedAt", nullValue());
  }

  @Test
  void shouldStoreNoTokenInClearText() throws Exception {
    String agency = registerAgency("320322");
    Response issued = admin().post(tokens(agency));
    String token = issued.jsonPath().getString("token");
    long id = issued.jsonPath().getLong("id");

    List<String> row = new ArrayList<>();
    String sha256;
    try (Connection connection = database.getConnection();
        PreparedStatement select =
            connection.prepareStatement("select * from agency_token where id = ?")) {
      select.setLong(1, id);
      try (ResultSet result = select.executeQuery()) {
        assertThat(result.next()).isTrue();
        ResultSetMetaData columns = result.getMetaData();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
          row.add(result.getString(i));
        }
        sha256 = result.getString("token_sha256");
      }
    }
    assertThat(row).noneMatch(value -> value != null && value.contains(token));
    assertThat(sha256)
        .isEqualTo(
            HexFormat.of()
                .formatHex(
                    MessageDigest.getInstance("SHA-256")
                        .digest(token.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void shouldNeverLogAToken() {
    List<String> logged = new ArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            logged.add(String.valueOf(new SimpleFormatter().formatMessage(record)));
            if (record.getThrown() != null) {
              logged.add(String.valueOf(record.getThrown()));
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger root = Logger.getLogger("");
    root.addHandler(capture);
    try {
      String agency = registerAgency("340403");
      Response issued = admin().post(tokens(agency));
      String token = issued.jsonPath().getString("token");
      as(token).contentType("application/json").body("{").put(reportPath(agency, 2024));
      admin().delete(tokens(agency) + "/" + issued.jsonPath().getLong("id"));
      as(token).contentType("application/json").body("{}").put(reportPath(agency, 2024));

      Logger.getLogger(AgencyTokenTest.class.getName()).warning("the capture works");
      assertThat(logged).contains("the capture works");
      assertThat(logged).noneMatch(line -> line.contains(token));
      assertThat(logged).noneMatch(line -> line.contains(adminToken()));
    } finally {
      root.removeHandler(capture);
    }
  }

  @Test
  void shouldRecordTheLastUseOfAToken() {
    String agency = registerAgency("320381");
    String token = admin().post(tokens(agency)).jsonPath().getString("token");

    as(token)
        .contentType("application/json")
        .body(naturalResources2024().toString())
        .put(reportPath(agency, 2024))
        .then()
        .statusCode(201);

    admin().get(tokens(agency)).then().body("[0].lastUsedAt", notNullValue());
  }

  @Test
  void shouldRefuseARevokedTokenOnTheNextRequest() {
    String agency = registerAgency("320324");
    Response issued = admin().post(tokens(agency));
    String token = issued.jsonPath().getString("token");
    as(token)
        .contentType("application/json")
        .body(naturalResources2024().toString())
        .put(reportPath(agency, 2024))
        .then()
        .statusCode(201);

    admin().delete(tokens(agency) + "/" + issued.jsonPath().getLong("id")).then().statusCode(204);

    as(token)
        .contentType("application/json")
        .body(naturalResources2024().toString())
        .put(reportPath(agency, 2023))
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", "Bearer realm=\"disclosure-hub\", error=\"invalid_token\"")
        .body("type", equalTo("/problems/invalid-token"))
        .body(
            "detail",
            equalTo(
                "The bearer token is not valid: unknown, revoked or not issued by this service"));
    given().get(reportPath(agency, 2023)).then().statusCode(404);
    admin().get(tokens(agency)).then().body("[0].revokedAt", notNullValue());
    // Revoking again changes nothing.
    admin().delete(tokens(agency) + "/" + issued.jsonPath().getLong("id")).then().statusCode(204);
  }

  @Test
  void shouldAnswerNotFoundForAnotherAgencysTokenId() {
    String agency = registerAgency("320382");
    String elsewhere = registerAgency("320382");
    long foreign = admin().post(tokens(elsewhere)).jsonPath().getLong("id");

    admin()
        .delete(tokens(agency) + "/" + foreign)
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/not-found"))
        .body("detail", equalTo("Agency '" + agency + "' has no token " + foreign));
    admin().get(tokens(elsewhere)).then().body("[0].revokedAt", nullValue());
  }

  @Test
  void shouldKeepReadsAnonymousWhateverTokenComes() {
    String agency = registerAgency("340402");
    as("not-a-token").get("/api/v1/agencies/" + agency).then().statusCode(200);
    given().get("/api/v1/reports").then().statusCode(200);
  }

  @Test
  void shouldNotIssueTokensForAnUnknownAgency() {
    admin()
        .post(tokens("no-such-agency-anywhere"))
        .then()
        .statusCode(404)
        .body("type", equalTo("/problems/not-found"));
  }

  static String tokens(String agency) {
    return "/api/v1/agencies/" + agency + "/tokens";
  }
}
