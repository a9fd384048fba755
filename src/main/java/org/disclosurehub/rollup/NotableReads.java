package org.disclosurehub.rollup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.disclosurehub.sql.Sql;

/**
 * The reports of note in a region's year, each list by agency code: inconsistent (accepted with
 * violations, and those violations), late, breaking CARRY_OVER; and agencies' names by code.
 */
final class NotableReads {
  private final ReadTables tables;

  NotableReads(ReadTables tables) {
    this.tables = tables;
  }

  // A region's listings read a few rows out of national tables, so each row's agency (and cells)
  // is fetched by its key: the "offset 0" keeps each lateral subquery an index probe per row,
  // where the planner (random_page_cost 4) would otherwise hash-join a sequential scan of the
  // whole table (181,646 agencies, 545,000 plausibility rows) to find a region's few hundred.
  static final String AGENCY_OF_C =
      "cross join lateral (select code, name from agency where id = c.agency_id offset 0) a";

  private static final Sql INCONSISTENT =
      Sql.of(
          """
          select a.code, c.rules from report_cells c %s
          where c.year = :year and c.division_code between :lowest and :highest
            and c.violation_count > 0%s
          order by a.code"""
              .formatted(AGENCY_OF_C, CompletenessReads.ON_ROSTER_C));

  /** Reports of the year accepted with violations, by agency code. */
  List<RegionRollup.InconsistentReport> inconsistent(Coverage coverage, int year)
      throws SQLException {
    try (var s = tables.prepare(INCONSISTENT)) {
      s.set("year", year).set("lowest", coverage.lowest()).set("highest", coverage.highest());
      List<RegionRollup.InconsistentReport> reports = new ArrayList<>();
      try (ResultSet rs = s.query()) {
        while (rs.next()) {
          reports.add(
              new RegionRollup.InconsistentReport(
                  rs.getString(1), List.of((String[]) rs.getArray(2).getArray())));
        }
      }
      return reports;
    }
  }

  /** The violations a current report of the year was accepted with, as stored (JSON). */
  record StoredViolations(String agency, String agencyName, String violations) {}

  private static final Sql VIOLATIONS =
      Sql.of(
          """
          select a.code, a.name, v.violations::text
          from report_cells c
          %s
          join report_revision v on v.report_id = c.report_id and v.revision = c.revision
          where c.year = :year and c.division_code between :lowest and :highest
            and c.violation_count > 0%s
          order by a.code"""
              .formatted(AGENCY_OF_C, CompletenessReads.ON_ROSTER_C));

  List<StoredViolations> violations(Coverage coverage, int year) throws SQLException {
    try (var s = tables.prepare(VIOLATIONS)) {
      s.set("year", year).set("lowest", coverage.lowest()).set("highest", coverage.highest());
      List<StoredViolations> found = new ArrayList<>();
      try (ResultSet rs = s.query()) {
        while (rs.next()) {
          found.add(new StoredViolations(rs.getString(1), rs.getString(2), rs.getString(3)));
        }
      }
      return found;
    }
  }

  private static final Sql CARRY_OVER_MISMATCHES =
      Sql.of(
          """
          select a.code, a.name from report_cells c %s
          where c.year = :year and c.division_code between :lowest and :highest
            and c.carry_over_mismatch%s
          order by a.code"""
              .formatted(AGENCY_OF_C, CompletenessReads.ON_ROSTER_C));

  /** Agencies whose current report of the year breaks CARRY_OVER against the year before. */
  List<RegionRollup.AgencyRef> carryOverMismatches(Coverage coverage, int year)
      throws SQLException {
    return agencyRefs(CARRY_OVER_MISMATCHES, coverage, year);
  }

  /** The agencies (code, name) a listing of the coverage's reports of the year selects. */
  private List<RegionRollup.AgencyRef> agencyRefs(Sql sql, Coverage coverage, int year)
      throws SQLException {
    try (var s = tables.prepare(sql)) {
      s.set("year", year).set("lowest", coverage.lowest()).set("highest", coverage.highest());
      List<RegionRollup.AgencyRef> found = new ArrayList<>();
      try (ResultSet rs = s.query()) {
        while (rs.next()) {
          found.add(new RegionRollup.AgencyRef(rs.getString(1), rs.getString(2)));
        }
      }
      return found;
    }
  }

  private static final Sql LATE =
      Sql.of(
          """
          select a.code, a.name from report_cells c %s
          where c.year = :year and c.division_code between :lowest and :highest and c.late%s
          order by a.code"""
              .formatted(AGENCY_OF_C, CompletenessReads.ON_ROSTER_C));

  /** Agencies whose current report of the year was published late, by code. */
  List<RegionRollup.AgencyRef> late(Coverage coverage, int year) throws SQLException {
    return agencyRefs(LATE, coverage, year);
  }

  private static final Sql LATENESS_UNKNOWN =
      Sql.of(
          """
          select count(*) from report_cells c
          where c.year = :year and c.division_code between :lowest and :highest
            and c.late is null%s"""
              .formatted(CompletenessReads.ON_ROSTER_C));

  /** How many current reports of the year were imported without a date: lateness unknown. */
  int latenessUnknown(Coverage coverage, int year) throws SQLException {
    try (var s = tables.prepare(LATENESS_UNKNOWN)) {
      s.set("year", year).set("lowest", coverage.lowest()).set("highest", coverage.highest());
      try (ResultSet rs = s.query()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private static final Sql NAMES = Sql.of("select code, name from agency where code = any(:codes)");

  /** The names of the agencies with these codes. */
  Map<String, String> names(List<String> codes) throws SQLException {
    Map<String, String> names = new HashMap<>();
    if (codes.isEmpty()) {
      return names;
    }
    try (var s = tables.prepare(NAMES)) {
      s.set("codes", codes.toArray(String[]::new));
      try (ResultSet rs = s.query()) {
        while (rs.next()) {
          names.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return names;
  }

  private static final Sql CODE_ORDER =
      Sql.of(
          """
          select i - 1 from unnest(cast(:codes as text[])) with ordinality as u(code, i)
          order by code""");

  /** The positions of these agency codes in the order {@code order by a.code} lists them. */
  List<Integer> codeOrder(List<String> codes) throws SQLException {
    try (var s = tables.prepare(CODE_ORDER)) {
      s.set("codes", codes.toArray(String[]::new));
      List<Integer> order = new ArrayList<>();
      try (ResultSet rs = s.query()) {
        while (rs.next()) {
          order.add(rs.getInt(1));
        }
      }
      return order;
    }
  }
}
