package org.disclosurehub.rollup;

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
  private final ReadTables tables;

  CompletenessReads(ReadTables tables) {
    this.tables = tables;
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

  /**
   * The current reports of a year ({@code year}: a parameter or a column) by agencies of the
   * coverage that are not on its roster: excluded by a roster change, or outside their span of
   * years. They are kept and readable, but a region's figures leave them out: its sums, its
   * completeness, its consistency (see README, "The office's annual cycle"). Only agencies with
   * explicit active years (found through their partial index) or a roster change of the year can be
   * outside: a few rows, however many agencies the region has.
   */
  static String outsideReports(String year) {
    return """
        select c.* from report_cells c join agency a on a.id = c.agency_id
        where c.year = %1$s and c.division_code between :lowest and :highest
          and c.agency_id in (select b.id from agency b
                              where b.division_code between :lowest and :highest
                                and (b.active_from is not null or b.active_to is not null)
                              union
                              select rc.agency_id from roster_change rc where rc.year = %1$s)
          and not (%2$s)"""
        .formatted(year, Sql.expectedIn(year));
  }

  /**
   * A condition on a report_cells row {@code c} of the year {@code :year}: its agency is on the
   * roster (not one of {@link #outsideReports}).
   */
  static final String ON_ROSTER_C =
      "\n  and c.agency_id not in (select o.agency_id from (%s) o)"
          .formatted(outsideReports(":year"));

  private static final Sql EXPECTED =
      Sql.of(
          """
          select (select coalesce(sum(agencies), 0) from division_agencies
                  where division_code between :lowest and :highest
                    and first_year <= :year and :year <= last_year)
                 + (select coalesce(sum(n), 0) from (%s) x) as expected"""
              .formatted(ROSTER_EXCEPTIONS.formatted(":year")));

  private static final Sql OUTSIDE_LIST =
      Sql.of(
          """
          select a.code, a.name from (%s) o join agency a on a.id = o.agency_id
          order by a.code"""
              .formatted(outsideReports(":year")));

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
        select t.division_code, sum(t.n) as n, sum(t.late) as late
        from (select division_code, reports as n, late from region_totals
              where scope = 'own' and year = :year and division_code between :lowest and :highest
              union all
              select division_code, -1, case when late then -1 else 0 end
              from (%s) o) t
        group by t.division_code)"""
          .formatted(ROSTER_EXCEPTIONS.formatted(":year"), outsideReports(":year"));

  // The divisions short of reports: fewer reports by agencies on the roster than agencies on it.
  private static final Sql SHORT_DIVISIONS =
      Sql.of(
          """
          %s
          select e.division_code
          from expected e left join reported r using (division_code)
          where e.n > coalesce(r.n, 0)"""
              .formatted(BY_DIVISION));

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
   * current reports of the year by the coverage's agencies on the roster, {@link Sums#reports})
   * settles it when every expected agency has reported: an agency reports once a year, so then
   * nobody is missing and no agency is read. Otherwise only the divisions short of reports are
   * searched.
   */
  Expected expected(Coverage coverage, int year, long reports) throws SQLException {
    int count = expectedCount(coverage, year);
    return count <= reports
        ? new Expected(count, List.of(), List.of())
        : missing(coverage, year, count);
  }

  /** How many agencies of the coverage are on the year's roster. */
  int expectedCount(Coverage coverage, int year) throws SQLException {
    try (var s = tables.prepare(EXPECTED)) {
      s.set("lowest", coverage.lowest()).set("highest", coverage.highest()).set("year", year);
      try (ResultSet rs = s.query()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /** The agencies on the roster without a report, searched in the divisions short of reports. */
  Expected missing(Coverage coverage, int year, int count) throws SQLException {
    List<String> shortOf = shortDivisions(coverage, year);
    return shortOf.isEmpty()
        ? new Expected(count, List.of(), List.of())
        : missingIn(coverage, year, count, shortOf);
  }

  /** The divisions with fewer reports by agencies on the roster than agencies on it. */
  List<String> shortDivisions(Coverage coverage, int year) throws SQLException {
    List<String> shortOf = new ArrayList<>();
    try (var s = tables.prepare(SHORT_DIVISIONS)) {
      s.set("lowest", coverage.lowest()).set("highest", coverage.highest()).set("year", year);
      try (ResultSet rs = s.query()) {
        while (rs.next()) {
          shortOf.add(rs.getString(1));
        }
      }
    }
    return List.copyOf(shortOf);
  }

  /** The agencies of these divisions on the roster without a report. */
  Expected missingIn(Coverage coverage, int year, int count, List<String> divisions)
      throws SQLException {
    List<RegionRollup.AgencyRef> missing = new ArrayList<>();
    List<String> theirDivisions = new ArrayList<>();
    try (var s = tables.prepare(MISSING)) {
      s.set("lowest", coverage.lowest())
          .set("highest", coverage.highest())
          .set("divisions", divisions.toArray(String[]::new))
          .set("year", year);
      try (ResultSet rs = s.query()) {
        while (rs.next()) {
          missing.add(new RegionRollup.AgencyRef(rs.getString(1), rs.getString(2)));
          theirDivisions.add(rs.getString(3));
        }
      }
    }
    return new Expected(count, missing, theirDivisions);
  }

  /** The agencies of the coverage not on the year's roster that filed a report for it, by code. */
  List<RegionRollup.AgencyRef> outside(Coverage coverage, int year) throws SQLException {
    try (var s = tables.prepare(OUTSIDE_LIST)) {
      s.set("lowest", coverage.lowest()).set("highest", coverage.highest()).set("year", year);
      List<RegionRollup.AgencyRef> outside = new ArrayList<>();
      try (ResultSet rs = s.query()) {
        while (rs.next()) {
          outside.add(new RegionRollup.AgencyRef(rs.getString(1), rs.getString(2)));
        }
      }
      return outside;
    }
  }

  /** A division's completeness: agencies on the roster, their reports and late reports. */
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
    try (var s = tables.prepare(DIVISION_COMPLETENESS)) {
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
