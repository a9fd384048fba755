package org.disclosurehub.pages;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.reportPath;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * A region page keeps its trend's years before the page's year across tags (issue 28), and must
 * never show them stale: after each change to an earlier year (a filing, a roster change) the
 * page's trend is the API's trend, read afresh; after a filing for the page's year (which keeps the
 * earlier years) too, the page's own year then made from the page's reads of it. Agencies here lie
 * in 日喀则市 (5402), which no other test uses.
 */
@QuarkusTest
class RegionPageKeptTrendTest {
  private static final String CITY = "540200";
  private static final String COUNTY = "540202";
  private static final int YEAR = 2024;

  @Test
  void shouldShowTheTrendAsTheApiReadsItAfterEveryChange() {
    String first = RegionPageFixture.register(COUNTY, "桑珠孜区机关", YEAR - 2);
    String second = RegionPageFixture.register(COUNTY, "桑珠孜区机关", YEAR - 2);
    submit(first, YEAR - 1);
    submit(first, YEAR);
    assertPageTrendIsTheApis();

    // A filing for an earlier year (the registry unchanged): that year's totals move, so its kept
    // row must not be shown.
    submit(second, YEAR - 1);
    assertPageTrendIsTheApis();
    // A filing for the page's year: the earlier years kept, the year made from the page's reads.
    submit(second, YEAR);
    assertPageTrendIsTheApis();

    // A roster change of an earlier year: who was expected then changes.
    roster(first, YEAR - 1, false);
    assertPageTrendIsTheApis();
    // Then filings for the page's year only, with roster moves in it (the first agency back on the
    // roster, a new one from this year): the year's joined and left counted from its moves.
    String third = RegionPageFixture.register(COUNTY, "桑珠孜区机关", YEAR);
    assertPageTrendIsTheApis();
    submit(third, YEAR);
    assertPageTrendIsTheApis();
  }

  private static void assertPageTrendIsTheApis() {
    List<String> page = new ArrayList<>();
    for (Element cell :
        RegionPageFixture.html("/regions/" + CITY + "/" + YEAR).select("td[data-roster]")) {
      Element row = cell.parent();
      List<String> cells = new ArrayList<>(row.select("th, td.num").eachText());
      cells.add(cell.text());
      page.add(String.join("|", cells));
    }
    List<Map<String, Object>> years =
        given()
            .get("/api/v1/regions/" + CITY + "/rollups?from=" + (YEAR - 9) + "&to=" + YEAR)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("years");
    // The page's trend starts at the first year it has figures for: the API's last years.
    assertThat(page).isNotEmpty().last().asString().startsWith(YEAR + "|");
    years = years.subList(years.size() - page.size(), years.size());
    List<String> api = new ArrayList<>();
    for (int i = 0; i < years.size(); i++) {
      Map<String, Object> y = years.get(i);
      int reported = (Integer) y.get("reported");
      int joined = (Integer) y.get("rosterJoined");
      int left = (Integer) y.get("rosterLeft");
      List<Object> cells =
          new ArrayList<>(List.of(y.get("year"), reported + "/" + y.get("expected")));
      for (String figure :
          List.of("newlyReceived", "totalHandled", "reviewTotal", "litigationTotal")) {
        cells.add(reported > 0 ? y.get(figure) : "—");
      }
      cells.add(i > 0 && (joined > 0 || left > 0) ? "有变化（+" + joined + " −" + left + "）" : "");
      api.add(String.join("|", cells.stream().map(String::valueOf).toList()));
    }
    assertThat(page).isEqualTo(api);
  }

  private static void submit(String agency, int year) {
    admin()
        .contentType("application/json")
        .body(naturalResources2024().toString())
        .put(reportPath(agency, year))
        .then()
        .statusCode(201);
  }

  private static void roster(String agency, int year, boolean expected) {
    admin()
        .contentType("application/json")
        .body(Map.of("expected", expected, "cause", "abolished", "reason", "撤销"))
        .post("/api/v1/agencies/" + agency + "/roster/" + year)
        .then()
        .statusCode(201);
  }
}
