package org.disclosurehub.pages;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.reportPath;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * A region page (and document) keeps what no agency's name enters (its sums and counts) across
 * renames (V30), and reads what names enter afresh: after a rename the page names the agency by its
 * new name, with the figures it kept; after any other change (other active years with a new name, a
 * registration, a roster change) the figures are the API's, read afresh. Agencies here lie in 昌都市
 * (5403), which no other test uses.
 */
@QuarkusTest
class RegionPageKeptFiguresTest {
  private static final String CITY = "540300";
  private static final String COUNTY = "540302";
  private static final int YEAR = 2024;

  @Inject DataSource database;

  @Test
  void shouldShowNewNamesWithKeptFiguresAndReadFiguresAfterOtherChanges() throws SQLException {
    String filed = RegionPageFixture.register(COUNTY, "卡若区甲局", YEAR - 1);
    String missing = RegionPageFixture.register(COUNTY, "卡若区乙局", YEAR - 1);
    submit(filed, YEAR);
    assertPageIsTheApis();

    // Renames: the new names where the page lists the missing and in its table.
    rename(missing, "卡若区乙局（更名）");
    assertThat(assertPageIsTheApis().missing()).contains("卡若区乙局（更名）");
    rename(filed, "卡若区甲局（更名）");
    assertThat(assertPageIsTheApis().table()).contains("卡若区甲局（更名）");

    // What the page kept is what it shows after a rename: agencies counted behind the registry's
    // back (by this test, not by the service) are in the API's roll-up, read afresh, and not on the
    // page, whose figures were kept.
    int expected = page().expected();
    sneakAgencies(5);
    try {
      rename(missing, "卡若区乙局（再更名）");
      Page page = page();
      assertThat(page.missing()).contains("卡若区乙局（再更名）");
      assertThat(page.expected()).isEqualTo(expected);
      assertThat(api().getInt("completeness.expected")).isEqualTo(expected + 5);
      // The region's document likewise.
      assertThat(document()).contains("卡若区乙局（再更名）").contains(" / " + expected + " 个应报机关已报送");
    } finally {
      sneakAgencies(-5);
    }
    assertPageIsTheApis();

    // A new name with other active years is no rename: the agency is no longer expected.
    patch(missing, Map.of("name", "卡若区乙局（三更名）", "activeFrom", YEAR + 1));
    assertThat(assertPageIsTheApis().expected()).isEqualTo(expected - 1);
    // A registration, a roster change: read afresh.
    RegionPageFixture.register(COUNTY, "卡若区丙局", YEAR);
    assertThat(assertPageIsTheApis().expected()).isEqualTo(expected);
    admin()
        .contentType("application/json")
        .body(Map.of("expected", false, "cause", "abolished", "reason", "撤销"))
        .post("/api/v1/agencies/" + filed + "/roster/" + YEAR)
        .then()
        .statusCode(201);
    assertThat(assertPageIsTheApis().expected()).isEqualTo(expected - 1);
  }

  /** What the page shows of its year: its counts, the missing and the table's names. */
  private record Page(int expected, int reported, List<String> missing, List<String> table) {}

  private static Page page() {
    Document html = RegionPageFixture.html("/regions/" + CITY + "/" + YEAR);
    return new Page(
        Integer.parseInt(html.select("td[data-count=expected]").text()),
        Integer.parseInt(html.select("td[data-count=reported]").text()),
        html.select("ul.missing li").eachText(),
        html.select("tr[data-agency] th a").eachText());
  }

  private static String document() {
    return RegionPageFixture.html("/api/v1/regions/" + CITY + "/annual-report/" + YEAR).text();
  }

  private static JsonPath api() {
    return given()
        .get("/api/v1/regions/" + CITY + "/rollups/" + YEAR)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static Page assertPageIsTheApis() {
    Page page = page();
    JsonPath api = api();
    assertThat(List.of(page.expected(), page.reported()))
        .isEqualTo(
            List.of(api.getInt("completeness.expected"), api.getInt("completeness.reported")));
    assertThat(page.missing()).isEqualTo(api.getList("completeness.missing.name"));
    // The table lists the reports and the missing, by code: their names as the registry has them.
    List<String> rows =
        given()
            .get("/api/v1/regions/" + CITY + "/rollups/" + YEAR + "/agencies?size=50")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items.name");
    assertThat(page.table()).isEqualTo(rows);
    // The region's document: its counts and the missing by name, as the API has them.
    String document = document();
    assertThat(document)
        .contains(
            api.getInt("completeness.reported")
                + " / "
                + api.getInt("completeness.expected")
                + " 个应报机关已报送");
    page.missing().forEach(name -> assertThat(document).contains(name));
    return page;
  }

  /** Agencies counted in the division's registry rows without an agency or a version moved. */
  private void sneakAgencies(int count) throws SQLException {
    try (Connection connection = database.getConnection();
        var s =
            connection.prepareStatement(
                count > 0
                    ? "insert into division_agencies (division_code, first_year, last_year, shard,"
                        + " agencies) values (?, 2000, 9998, 0, ?)"
                    : "delete from division_agencies where division_code = ? and first_year = 2000"
                        + " and last_year = 9998 and agencies = ?")) {
      s.setString(1, COUNTY);
      s.setInt(2, Math.abs(count));
      s.executeUpdate();
    }
  }

  private static void rename(String agency, String name) {
    patch(agency, Map.of("name", name));
  }

  private static void patch(String agency, Map<String, Object> changes) {
    admin()
        .contentType("application/merge-patch+json; charset=UTF-8")
        .body(new HashMap<>(changes))
        .patch("/api/v1/agencies/" + agency)
        .then()
        .statusCode(200);
  }

  private static void submit(String agency, int year) {
    admin()
        .contentType("application/json")
        .body(naturalResources2024().toString())
        .put(reportPath(agency, year))
        .then()
        .statusCode(201);
  }
}
