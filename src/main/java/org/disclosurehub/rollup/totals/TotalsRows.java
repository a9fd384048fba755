package org.disclosurehub.rollup.totals;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.disclosurehub.sql.Sql;

/**
 * The rows {@link RegionTotals} keeps, on the writing transaction's connection: {@code
 * report_cells} (one per current report) and {@code region_totals} (their sums per region, scope,
 * year and shard). Only reads, writes and row mapping; what to write is decided in RegionTotals.
 */
final class TotalsRows {
  private final Connection connection;

  TotalsRows(Connection connection) {
    this.connection = connection;
  }

  /** What a change of one report of an agency starts from, read under the agency's row lock. */
  record Locked(FiledReport filed, Map<Integer, Contribution> years) {}

  private static final Sql LOCK_AGENCY_THEN_READ =
      Sql.of("select id from agency where id = :agency for no key update")
          .then(
              Sql.of(
                  """
                  select c.report_id, c.division_code, c.revision, c.cells, c.published_items,
                         c.published_on, c.late, c.violation_count, c.rules,
                         c.carry_over_mismatch, c.year, c.format_version,
                         r.id, r.first_submitted_at
                  from agency a
                  left join report r on r.agency_id = a.id and r.year = :year
                  left join report_cells c on c.agency_id = a.id
                                          and c.year between :fromYear and :toYear
                  where a.id = :agency"""));

  /**
   * Locks the agency row (so that two years of one agency are never maintained at once: CARRY_OVER
   * reads the neighbouring year), then reads under the lock its report row of {@code year}, if
   * filed, and its contributions from {@code from} to {@code to}: one round trip.
   */
  Locked lockAgency(long agencyId, int year, int from, int to) throws SQLException {
    try (var s = LOCK_AGENCY_THEN_READ.prepare(connection)) {
      s.set("agency", agencyId).set("year", year).set("fromYear", from).set("toYear", to);
      FiledReport filed = null;
      Map<Integer, Contribution> years = new HashMap<>();
      try (ResultSet rs = s.queryLast()) {
        while (rs.next()) {
          if (filed == null && rs.getTimestamp(14) != null) {
            filed = new FiledReport(rs.getLong(13), rs.getTimestamp(14).toInstant());
          }
          rs.getLong(1);
          if (!rs.wasNull()) {
            years.put(rs.getInt(11), contribution(rs));
          }
        }
      }
      return new Locked(filed, years);
    }
  }

  private static final Sql LOCK_AGENCY =
      Sql.of("select id from agency where id = :agency for no key update");

  void lockAgency(long agencyId) throws SQLException {
    try (var s = LOCK_AGENCY.prepare(connection)) {
      s.set("agency", agencyId).query().close();
    }
  }

  private static final Sql YEARS_ELSEWHERE =
      Sql.of(
          "select year from report_cells where agency_id = :agency and division_code <> :division");

  /** The years whose contribution the agency's reports make outside {@code division}. */
  List<Integer> yearsOutside(long agencyId, String division) throws SQLException {
    try (var s = YEARS_ELSEWHERE.prepare(connection)) {
      s.set("agency", agencyId).set("division", division);
      List<Integer> years = new ArrayList<>();
      try (ResultSet rs = s.query()) {
        while (rs.next()) {
          years.add(rs.getInt(1));
        }
      }
      return years;
    }
  }

  private static final Sql READ_YEARS =
      Sql.of(
          """
          select report_id, division_code, revision, cells, published_items, published_on,
                 late, violation_count, rules, carry_over_mismatch, year, format_version
          from report_cells where agency_id = :agency and year between :fromYear and :toYear""");

  /** The agency's contributions from {@code from} to {@code to}, by year. */
  Map<Integer, Contribution> readYears(long agencyId, int from, int to) throws SQLException {
    try (var s = READ_YEARS.prepare(connection)) {
      s.set("agency", agencyId).set("fromYear", from).set("toYear", to);
      Map<Integer, Contribution> years = new HashMap<>();
      try (ResultSet rs = s.query()) {
        while (rs.next()) {
          years.put(rs.getInt(11), contribution(rs));
        }
      }
      return years;
    }
  }

  /** A report_cells row, its columns in the order {@link #READ_YEARS} selects them. */
  private static Contribution contribution(ResultSet rs) throws SQLException {
    long items = rs.getLong(5);
    Long publishedItems = rs.wasNull() ? null : items;
    java.sql.Date publishedOn = rs.getDate(6);
    return new Contribution(
        rs.getLong(1),
        rs.getString(2),
        rs.getInt(3),
        (BigDecimal[]) rs.getArray(4).getArray(),
        publishedItems,
        publishedOn == null ? null : publishedOn.toLocalDate(),
        (Boolean) rs.getObject(7),
        rs.getInt(8),
        (String[]) rs.getArray(9).getArray(),
        rs.getBoolean(10),
        rs.getString(12));
  }

  private static final Sql WRITE =
      Sql.of(
          """
          insert into report_cells (report_id, agency_id, year, division_code, revision, cells,
                                    published_items, published_on, late, violation_count, rules,
                                    carry_over_mismatch, format_version)
          values (:report, :agency, :year, :division, :revision, :reportCells,
                  :reportPublishedItems, :publishedOn, :reportLate, :violationCount, :rules,
                  :carryOverMismatch, :format)
          on conflict (report_id) do update set
            division_code = excluded.division_code, revision = excluded.revision,
            cells = excluded.cells, published_items = excluded.published_items,
            published_on = excluded.published_on, late = excluded.late,
            violation_count = excluded.violation_count, rules = excluded.rules,
            carry_over_mismatch = excluded.carry_over_mismatch,
            format_version = excluded.format_version""");

  void write(long agencyId, int year, Contribution c) throws SQLException {
    try (var s = WRITE.prepare(connection)) {
      bindWrite(s, agencyId, year, c).update();
    }
  }

  private static Sql.Statement bindWrite(Sql.Statement s, long agencyId, int year, Contribution c)
      throws SQLException {
    return s.set("report", c.reportId())
        .set("agency", agencyId)
        .set("year", year)
        .set("division", c.division())
        .set("revision", c.revision())
        .set("reportCells", c.cells())
        .set("reportPublishedItems", c.publishedItems())
        .set("publishedOn", c.publishedOn())
        .set("reportLate", c.late())
        .set("violationCount", c.violationCount())
        .set("rules", c.rules())
        .set("carryOverMismatch", c.carryOverMismatch())
        .set("format", c.formatVersion());
  }

  private static final Sql DELETE =
      Sql.of("delete from report_cells where agency_id = :agency and year = :year");

  void delete(long agencyId, int year) throws SQLException {
    try (var s = DELETE.prepare(connection)) {
      s.set("agency", agencyId).set("year", year).update();
    }
  }

  /** The merge into region_totals; bench/ loads the same file (bench/Nation.java, bench/run). */
  private static final Sql ADD_TO_TOTALS = Sql.resource("region-totals-add.sql");

  private static final Sql WRITE_THEN_ADD = WRITE.then(ADD_TO_TOTALS);

  /**
   * A filing's usual change: its report's row written ({@link #write}), then one delta added to its
   * totals rows ({@link #add}); one round trip for both.
   */
  void writeThenAdd(
      long agencyId, int year, Contribution c, TotalsDelta.Shared delta, int shard, Instant at)
      throws SQLException {
    try (var s = WRITE_THEN_ADD.prepare(connection)) {
      bindAdd(bindWrite(s, agencyId, year, c), delta, shard, at).execute();
    }
  }

  /**
   * Adds every delta to its totals rows in {@code shard}, creating a row on first use, in the
   * list's order (key order, so that concurrent writers cannot deadlock): one statement per delta,
   * one round trip for all.
   */
  void add(List<TotalsDelta.Shared> deltas, int shard, Instant at) throws SQLException {
    try (var s = ADD_TO_TOTALS.prepare(connection)) {
      for (TotalsDelta.Shared shared : deltas) {
        bindAdd(s, shared, shard, at).addBatch();
      }
      s.executeBatch();
    }
  }

  private static Sql.Statement bindAdd(
      Sql.Statement s, TotalsDelta.Shared shared, int shard, Instant at) throws SQLException {
    List<TotalsKey> keys = shared.keys();
    TotalsDelta d = shared.delta();
    return s.set("divisions", keys.stream().map(TotalsKey::division).toArray(String[]::new))
        .set("scopes", keys.stream().map(TotalsKey::scope).toArray(String[]::new))
        .set("years", keys.stream().map(TotalsKey::year).toArray(Integer[]::new))
        .set("shard", shard)
        .set("reports", d.reports)
        .set("late", d.late)
        .set("inconsistent", d.inconsistent)
        .set("carryOverMismatches", d.carryOverMismatches)
        .set("publishedItems", d.publishedItems)
        .set("reportsStating", d.reportsStating)
        .set("trialFormatReports", d.trialFormatReports)
        .set("cells", d.cells)
        .set("at", at);
  }
}
