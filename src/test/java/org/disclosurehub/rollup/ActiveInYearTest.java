package org.disclosurehub.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.newAgencyCode;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.disclosurehub.sql.Sql;
import org.junit.jupiter.api.Test;

/**
 * "Active in year" is written in Java once ({@link Sql#activeIn}, which lists the agencies missing
 * from a roll-up), but V8's triggers keep the same rule in SQL ({@code agency_span_of}), by which
 * they count the agencies expected per division. Migrations are append-only, so both stay; this
 * test holds them to one answer for every agency in the database (this test's of every kind, and
 * whatever other tests registered) in every year. Agencies here lie in 青海 (63), which no other test
 * uses.
 */
@QuarkusTest
class ActiveInYearTest {
  private static final int THIS_YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

  @Inject DataSource database;

  @Test
  void shouldExpectAnAgencyInTheYearsTheTriggersCountItFor() throws Exception {
    RollupFixture.registerAgency("630102", "span", THIS_YEAR - 6, THIS_YEAR - 2);
    register("630103", Map.of("activeFrom", THIS_YEAR - 4));
    register("630104", Map.of("activeTo", THIS_YEAR - 1));
    registerAgency("630105"); // from this year, its registration
    String filed = registerAgency("630105"); // from the year it first filed for
    admin()
        .contentType("application/json")
        .body(naturalResources2024().toString())
        .put(reportPath(filed, THIS_YEAR - 3))
        .then()
        .statusCode(201);

    String differing =
        """
        select count(*) filter (where s.agency_id is null),
               count(*) filter (where (s.first_year <= y and y <= s.last_year)
                                      is distinct from (%s)),
               count(distinct a.id) filter (where a.division_code like '63%%')
        from agency a left join agency_span s on s.agency_id = a.id
             cross join generate_series(2008, %d) y"""
            .formatted(Sql.activeIn("y"), THIS_YEAR + 1);
    try (Connection connection = database.getConnection();
        ResultSet rs = connection.createStatement().executeQuery(differing)) {
      rs.next();
      assertThat(rs.getInt(1)).as("agency-years without a span").isZero();
      assertThat(rs.getInt(2)).as("agency-years where the two disagree").isZero();
      assertThat(rs.getInt(3)).as("this test's agencies").isGreaterThanOrEqualTo(5);
    }
  }

  /**
   * The roll-ups count the agencies on a year's roster as V8's counts plus the roster's exceptions
   * ({@code CompletenessReads.ROSTER_EXCEPTIONS}) and list them by {@link Sql#expectedIn}: the two
   * agree for every division and year, after an exclusion within a span and an inclusion outside
   * one.
   */
  @Test
  void shouldCountTheRosterAsItListsIt() throws Exception {
    String excluded = RollupFixture.registerAgency("630106", "roster", THIS_YEAR - 5, THIS_YEAR);
    String included =
        RollupFixture.registerAgency("630106", "roster", THIS_YEAR - 5, THIS_YEAR - 3);
    roster(excluded, THIS_YEAR - 2, Map.of("expected", false, "cause", "vertical", "reason", "垂管"));
    roster(included, THIS_YEAR - 2, Map.of("expected", true, "reason", "仍应报送"));
    roster(included, THIS_YEAR - 1, Map.of("expected", true, "reason", "仍应报送"));

    String differing =
        """
        with listed as (
          select a.division_code as d, y, count(*) filter (where %s) as n
          from agency a cross join generate_series(2008, %d) y
          group by a.division_code, y)
        select count(*) filter (where l.n <> (
                 (select coalesce(sum(da.agencies), 0) from division_agencies da
                  where da.division_code = l.d and da.first_year <= l.y and l.y <= da.last_year)
                 + (select coalesce(sum(x.n), 0) from (%s) x))),
               sum(l.n) filter (where l.d = '630106' and l.y = %d)
        from listed l"""
            .formatted(
                Sql.expectedIn("y"),
                THIS_YEAR + 1,
                CompletenessReads.ROSTER_EXCEPTIONS
                    .formatted("l.y")
                    .replace(":lowest", "l.d")
                    .replace(":highest", "l.d"),
                THIS_YEAR - 2);
    try (Connection connection = database.getConnection();
        ResultSet rs = connection.createStatement().executeQuery(differing)) {
      rs.next();
      assertThat(rs.getInt(1)).as("division-years where counting and listing disagree").isZero();
      assertThat(rs.getInt(2)).as("630106's roster of " + (THIS_YEAR - 2)).isEqualTo(1);
    }
  }

  private static void roster(String agency, int year, Map<String, Object> change) {
    admin()
        .contentType("application/json")
        .body(change)
        .post("/api/v1/agencies/" + agency + "/roster/" + year)
        .then()
        .statusCode(201);
  }

  private static void register(String division, Map<String, Object> years) {
    String code = newAgencyCode("span");
    Map<String, Object> body = new HashMap<>(years);
    body.putAll(Map.of("code", code, "name", "测试机关 " + code, "divisionCode", division));
    admin()
        .contentType("application/json")
        .body(body)
        .post("/api/v1/agencies")
        .then()
        .statusCode(201);
  }
}
