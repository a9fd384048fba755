package org.disclosurehub.rollup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.disclosurehub.sql.Sql;

/**
 * Who was expected to report and who did: the agencies on the roster of a year (division_agencies,
 * kept by the V8 triggers, and the roster's exceptions), the missing among them, and the counts per
 * division.
 */
final class CompletenessReads {
  private final Connection connection;

  CompletenessReads(Connection connection) {
    this.connection = connection;
  }

  /** How many agencies of the coverage are on the year's roster, and those without a report. */
  record Expected(int count, List<RegionRollup.AgencyRef> missing, List<String> missingDivisions) {}

  // The roster's exceptions to the spans of V8 (roster_change, issue 26): the last change of each
  // (agency, year) of the coverage where it says otherwise than the agency's span, +1 for an
  // agency included outside its span, -1 for one excluded within it; per division. Only agencies
  // with a roster change of the year are read: a few rows, however many agencies the region has.
  // 1: the year (a parameter or a column).
  static final String ROSTER_EXCEPTIONS =
      """
      select s.division_code, sum(case when r.expected then 1 else -1 end) as n
      from (select distinct on (c.agency_id) c.agency_id, c.expected from roster_change c
            where c.year = %1$s order by c.agency_id, c.id desc) r
      join agency_span s on s.agency_id = r.agency_id
      where s.division_code between :lowest and :highest
        and r.expected <> (s.first_year <= %1$s and %1$s <= s.last_year)
      group by s.division_code""";

  // The agencies of the coverage expected for the year (division_agencies, kept by the V8
  // triggers: a few rows per division, however many agencies the region has, and the roster's
  // exceptions), and the reports of the year by agencies not expected: only agencies with explicit
  // active years (found through their partial index) or a roster change of the year can have
  // those.
  private static final String OUTSIDE =
      """
      select a.division_code, count(*) as n
      from agency a join report_cells c on c.agency_id = a.id and c.year = :year
      where a.division_code between :lowest and :highest
        and a.id in (select b.id from agency b
                     where b.division_code between :lowest and :highest
                       and (b.active_from is not null or b.active_to is not null)
                     union
                     select rc.agency_id from roster_change rc where rc.year = :year)
        and not (%s)
      group by a.division_code"""
          .formatted(Sql.expectedIn(":year"));

  private static final Sql EXPECTED =
      Sql.of(
          """
          select (select coalesce(sum(agencies), 0) from division_agencies
                  where division_code between :lowest and :highest
                    and first_year <= :year and :year <= last_year)
                 + (select coalesce(sum(n), 0) from (%s) x),
                 (select coalesce(sum(n), 0) from (%s) o)"""
              .formatted(ROSTER_EXCEPTIONS.formatted(":year"), OUTSIDE));

  // Per division of the coverage: the agencies expected for the year (division_agencies) and the
  // reports and late reports of the year (its own totals rows, their shards added up).
  private static final String BY_DIVISION =
      """
      with expected as (
        select division_code, sum(n) as n
        from (select division_code, agencies as n from division_agencies
              where division_code between :lowest and :highest
                and first_year <= :year and :year <= last_year
              union all
              %s) e
        group by division_code),
      reported as (
        select division_code, sum(reports) as n, sum(late) as late from region_totals
        where scope = 'own' and year = :year and division_code between :lowest and :highest
        group by division_code)"""
          .formatted(ROSTER_EXCEPTIONS.formatted(":year"));

  // The divisions short of reports: fewer reports by expected agencies (their reports less those
  // outside their span) than expected agencies.
  private static final Sql SHORT_DIVISIONS =
      Sql.of(
          """
          %s,
          outside as (%s)
          select e.division_code
          from expected e left join reported r using (division_code)
               left join outside o using (division_code)
          where e.n > coalesce(r.n, 0) - coalesce(o.n, 0)"""
              .formatted(BY_DIVISION, OUTSIDE));

  // One probe of the unique (agency_id, year) index per agency of the divisions where someone is
  // missing: O(n log n) whatever plan or statistics, unlike a range condition on the report's
  // division, and nothing at all when everyone expected has reported.
  private static final Sql MISSING =
      Sql.of(
          """
          select a.code, a.name, a.division_code from agency a
          where a.division_code between :lowest and :highest
            and a.division_code = any(:divisions) and %s
            and not exists (select 1 from report_cells c where c.agency_id = a.id and c.year = :year)
          order by a.code"""
              .formatted(Sql.expectedIn(":year")));

  /**
   * The agencies expected for the year and those of them without a report. {@code reports} (the
   * coverage's current reports of the year, from its totals) settles it when every expected agency
   * has reported: an agency reports once a year, so then nobody is missing and no agency is read.
   * Otherwise only the divisions short of reports are searched.
   */
  Expected expected(Coverage coverage, int year, long reports) throws SQLException {
    int count;
    long outside;
    try (var s = EXPECTED.prepare(connection)) {
      s.set("lowest", coverage.lowest()).set("highest", coverage.highest()).set("year", year);
      try (ResultSet rs = s.query()) {
        rs.next();
        count = rs.getInt(1);
        outside = rs.getLong(2);
      }
    }
    List<RegionRollup.AgencyRef> missing = new ArrayList<>();
    List<String> divisions = new ArrayList<>();
    if (count <= reports - outside) {
      return new Expected(count, missing, divisions);
    }
    List<String> shortOf = new ArrayList<>();
    try (var s = SHORT_DIVISIONS.prepare(connection)) {
      s.set("lowest", coverage.lowest()).set("highest", coverage.highest()).set("year", year);
      try (ResultSet rs = s.query()) {
        while (rs.next()) {
          shortOf.add(rs.getString(1));
        }
      }
    }
    if (shortOf.isEmpty()) {
      return new Expected(count, missing, divisions);
    }
    try (var s = MISSING.prepare(connection)) {
      s.set("lowest", coverage.lowest())
          .set("highest", coverage.highest())
          .set("divisions", shortOf.toArray(String[]::new))
          .set("year", year);
      try (ResultSet rs = s.query()) {
        while (rs.next()) {
          missing.add(new RegionRollup.AgencyRef(rs.getString(1), rs.getString(2)));
          divisions.add(rs.getString(3));
        }
      }
    }
    return new Expected(count, missing, divisions);
  }

  /** A division's completeness: agencies expected, reports, late reports. */
  record DivisionCompleteness(String division, int expected, int reported, int late) {}

  private static final Sql DIVISION_COMPLETENESS =
      Sql.of(
          """
          %s
          select division_code, coalesce(e.n, 0), coalesce(r.n, 0), coalesce(r.late, 0)
          from expected e full join reported r using (division_code)
          order by division_code"""
              .formatted(BY_DIVISION));

  /** Every division of the coverage with agencies expected or reports, by code. */
  List<DivisionCompleteness> divisionCompleteness(Coverage coverage, int year) throws SQLException {
    try (var s = DIVISION_COMPLETENESS.prepare(connection)) {
      s.set("year", year).set("lowest", coverage.lowest()).set("highest", coverage.highest());
      List<DivisionCompleteness> divisions = new ArrayList<>();
      try (ResultSet rs = s.query()) {
        while (rs.next()) {
          divisions.add(
              new DivisionCompleteness(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)));
        }
      }
      return divisions;
    }
  }
}
