package org.disclosurehub;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Realistic reports and agencies for tests; every test registers agencies of its own.
 *
 * <p>Province 64 (宁夏, 640000 to 649999) belongs to the roll-up tests, whose sums must not see other
 * tests' reports: other tests register their agencies elsewhere.
 */
public final class Fixtures {
  public static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36);

  private Fixtures() {}

  /** The seed: 中卫市民政局, 2024, as published (Tables 三 and 四 all zero). */
  public static ObjectNode zhongweiCivilAffairs2024() {
    return read("/reports/zhongwei-civil-affairs-2024.json");
  }

  /** A busy bureau's 2024 report with non-zero cells everywhere that satisfies every rule. */
  public static ObjectNode naturalResources2024() {
    return read("/reports/natural-resources-2024.json");
  }

  /**
   * 某市人民政府办公厅's 2024 report: every cell of Tables 三 and 四 non-zero and different from every other
   * (三(三)3 危及"三安全一稳定" and 三(六)2 included), consistent with every rule; a cell put in another's
   * place, or a row dropped, shows.
   */
  public static ObjectNode distinctCells2024() {
    return read("/reports/distinct-cells-2024.json");
  }

  /**
   * 某市市场监督管理局's 2020 report in the 2019 trial format: its own Table 二 (本年增/减 negative in places,
   * 采购总金额 printed in 元), one row 三(六) 其他处理, non-zero cells that satisfy every rule. {@code
   * /imports/trial-2020.txt} is the same report as published.
   */
  public static ObjectNode marketRegulation2020Trial() {
    return read("/reports/market-regulation-2020-trial.json");
  }

  public static String text(String resource) {
    try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode read(String resource) {
    try {
      return (ObjectNode) JSON.readTree(text(resource));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The node at a JSON Pointer, as an object to change in place. */
  public static ObjectNode at(JsonNode report, String pointer) {
    return (ObjectNode) report.at(pointer);
  }

  /** A fresh agency code, unique across test runs against the same database. */
  public static String newAgencyCode(String prefix) {
    return prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
  }

  /** The test profile's admin token (hub.admin-token). */
  public static String adminToken() {
    return ConfigProvider.getConfig().getValue("hub.admin-token", String.class);
  }

  /** A request as an administrator makes it: every write in a test goes through this. */
  public static RequestSpecification admin() {
    return as(adminToken());
  }

  /** A request carrying this bearer token. */
  public static RequestSpecification as(String token) {
    return given().header("Authorization", "Bearer " + token);
  }

  /** Issues a new token for the agency (as admin) and answers it. */
  public static String issueToken(String agency) {
    return admin()
        .post("/api/v1/agencies/" + agency + "/tokens")
        .then()
        .statusCode(201)
        .extract()
        .path("token");
  }

  /** Registers a new agency in the division and answers its code. */
  public static String registerAgency(String divisionCode) {
    return registerAgency(divisionCode, newAgencyCode("agency"));
  }

  /** Registers a new agency under the given code. */
  public static String registerAgency(String divisionCode, String code) {
    admin()
        .contentType("application/json")
        .body(Map.of("code", code, "name", "测试机关 " + code, "divisionCode", divisionCode))
        .post("/api/v1/agencies")
        .then()
        .statusCode(201);
    return code;
  }

  /** Registers a new agency under the division with the given name; answers its code. */
  public static String registerNamed(String divisionCode, String name) {
    String code = newAgencyCode("plausible");
    admin()
        .contentType("application/json")
        .body(Map.of("code", code, "name", name, "divisionCode", divisionCode))
        .post("/api/v1/agencies")
        .then()
        .statusCode(201);
    return code;
  }

  /** The report with this 一、总体情况 as its only prose. */
  public static ObjectNode withOverview(ObjectNode report, String overview) {
    ObjectNode narrative = report.with("narrative");
    narrative.put("overview", overview);
    narrative.remove("problems");
    narrative.remove("other");
    return report;
  }

  /**
   * A 2021 report with 二、上年结转 = 四、结转下年度 of the 2020 trial fixture (8, 1, 0, 0, 0, 1: 10), and
   * 四、结转下年度 raised to balance.
   */
  public static ObjectNode carryingOver2020(ObjectNode report) {
    at(report, "/requests/carriedOver").put("naturalPerson", 8).put("otherOrganization", 1);
    at(report, "/requests/carriedOver").put("total", 10);
    ObjectNode forward = at(report, "/requests/carriedForward");
    forward.put("naturalPerson", forward.get("naturalPerson").intValue() + 4);
    forward.put("otherOrganization", forward.get("otherOrganization").intValue() + 1);
    forward.put("total", forward.get("total").intValue() + 5);
    return report;
  }

  public static String reportPath(String agency, int year) {
    return "/api/v1/agencies/" + agency + "/reports/" + year;
  }

  /** The database id of a registered agency, for tests that reach its rows directly. */
  public static long agencyId(DataSource database, String code) throws SQLException {
    try (Connection connection = database.getConnection();
        PreparedStatement s = connection.prepareStatement("select id from agency where code = ?")) {
      s.setString(1, code);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
