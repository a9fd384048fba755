package org.disclosurehub.rollup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.reportPath;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.disclosurehub.region.Division;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * A region page's table walks the agencies in code order and stops at its page, and a page in the
 * back half is read from the end (issue 28): every page, in both directions and filtered, shows the
 * rows the breakdown API lists in that order. And the trend counts who joined and left the roster
 * from the spans plus the roster's changes: the same counts as the list of moves, for every region
 * of the database. Agencies here lie in 山西 (14), which no other test uses.
 */
@QuarkusTest
class PageTableWalkTest {
  private static final int YEAR = 2024;
  private static final String CITY = "140100";

  @Inject DataSource database;

  private static boolean registered;

  /** Once for both tests (RestAssured's port is set only once a test runs). */
  private static synchronized void registerMoreAgenciesThanTwoPages() {
    if (registered) {
      return;
    }
    registered = true;
    List<String> agencies = new ArrayList<>();
    for (int i = 0; i < 123; i++) {
      agencies.add(
          RollupFixture.registerAgency(
              i % 3 == 0 ? "140105" : i % 3 == 1 ? "140106" : "140100", "walk", 2020, 2030));
    }
    for (int i = 0; i < agencies.size(); i += 7) {
      admin()
          .contentType("application/json")
          .body(naturalResources2024().toString())
          .put(reportPath(agencies.get(i), YEAR))
          .then()
          .statusCode(201);
    }
    // Roster changes of the year and the year before, against the span and with it.
    roster(agencies.get(1), YEAR, Map.of("expected", false, "cause", "abolished", "reason", "撤销"));
    roster(
        agencies.get(2), YEAR - 1, Map.of("expected", false, "cause", "vertical", "reason", "垂直"));
    roster(agencies.get(2), YEAR, Map.of("expected", true, "reason", "恢复"));
    roster(agencies.get(3), YEAR - 1, Map.of("expected", true, "reason", "照旧"));
  }

  @Test
  void shouldShowOnEveryPageTheRowsTheBreakdownListsThere() {
    registerMoreAgenciesThanTwoPages();
    List<String> byCode = breakdownCodes(false);
    assertThat(byCode).hasSizeGreaterThan(100);
    assertThat(pages("")).isEqualTo(byCode);
    assertThat(pages("&sort=-code")).isEqualTo(reversed(byCode));
    List<String> missing = breakdownCodes(true);
    assertThat(missing).hasSizeGreaterThan(50);
    assertThat(pages("&filter=missing")).isEqualTo(missing);
    assertThat(pages("&filter=missing&sort=-code")).isEqualTo(reversed(missing));
    // Past the last page: the last.
    assertThat(page(CITY, "?page=99")).isEqualTo(page(CITY, "?page=" + (byCode.size() - 1) / 50));
  }

  @Test
  void shouldCountTheRosterMovesAsTheyAreListed() throws Exception {
    registerMoreAgenciesThanTwoPages();
    int compared = 0;
    try (Connection connection = database.getConnection()) {
      RosterReads roster = new RosterReads(connection);
      List<String> codes = new ArrayList<>();
      try (ResultSet rs =
          connection
              .createStatement()
              .executeQuery(
                  """
                  select distinct substr(division_code, 1, 2) || '0000' from agency
                  union select distinct substr(division_code, 1, 4) || '00' from agency
                  union select distinct division_code from agency""")) {
        while (rs.next()) {
          codes.add(rs.getString(1));
        }
      }
      for (String code : codes) {
        for (boolean own : new boolean[] {false, true}) {
          Coverage coverage = Coverage.of(new Division(code), own);
          Map<Integer, int[]> listed = new HashMap<>();
          for (RosterMove move : roster.moves(coverage, 2015, 2026)) {
            listed.computeIfAbsent(move.year(), y -> new int[2])[move.joined() ? 0 : 1]++;
          }
          Map<Integer, int[]> counted = roster.moveCounts(coverage, 2015, 2026);
          for (int year = 2015; year <= 2026; year++) {
            assertThat(counted.getOrDefault(year, new int[2]))
                .as("%s %s %d", code, own ? "own" : "all", year)
                .containsExactly(listed.getOrDefault(year, new int[2]));
          }
          compared++;
        }
      }
    }
    assertThat(compared).isGreaterThanOrEqualTo(8); // 山西, its city and two counties, both scopes
  }

  private static List<String> breakdownCodes(boolean missingOnly) {
    List<Map<String, Object>> items =
        given()
            .queryParam("size", 500)
            .get("/api/v1/regions/" + CITY + "/rollups/" + YEAR + "/agencies")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items");
    return items.stream()
        .filter(row -> !missingOnly || !(Boolean) row.get("reported"))
        .map(row -> (String) row.get("code"))
        .toList();
  }

  private static List<String> reversed(List<String> codes) {
    List<String> reversed = new ArrayList<>(codes);
    java.util.Collections.reverse(reversed);
    return reversed;
  }

  /** The table's rows on every page, in turn. */
  private static List<String> pages(String query) {
    List<String> rows = new ArrayList<>();
    for (int page = 0; ; page++) {
      List<String> shown = page(CITY, "?page=" + page + query);
      if (page > 0 && shown.equals(page(CITY, "?page=" + (page - 1) + query))) {
        return rows; // past the last page, the last again
      }
      rows.addAll(shown);
    }
  }

  private static List<String> page(String region, String query) {
    String html =
        given()
            .accept("text/html")
            .get("/regions/" + region + "/" + YEAR + query)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    return Jsoup.parse(html).select("#agency-table tbody tr").eachAttr("data-agency");
  }

  private static void roster(String agency, int year, Map<String, Object> change) {
    admin()
        .contentType("application/json")
        .body(change)
        .post("/api/v1/agencies/" + agency + "/roster/" + year)
        .then()
        .statusCode(201);
  }
}
