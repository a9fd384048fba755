package org.disclosurehub.rollup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.disclosurehub.sql.Sql;

/**
 * How a region's roster of a year differs from the year before's: the agencies that joined it or
 * left it, and why (a roster change of either year, or the agency's span of years). Only the
 * candidates are judged: agencies whose span starts or ends there and agencies with a roster change
 * of either year, so a province costs its few changes, not its agencies.
 */
final class RosterReads {
  private final Connection connection;

  RosterReads(Connection connection) {
    this.connection = connection;
  }

  // Custom plans (planned for its region and years on every call), whatever the snapshot read
  // before it (SumReads.GENERIC_PLANS): a generic plan of it reads every span of the nation.
  private static final Sql MOVES =
      Sql.of(
          "set local plan_cache_mode = auto;\n"
              + """
          with candidates as (
            select s.agency_id, y
            from generate_series(:fromYear, :toYear) y
                 join agency_span s on s.division_code between :lowest and :highest
                                   and (s.first_year = y or s.last_year = y - 1)
            union
            select rc.agency_id, y
            from generate_series(:fromYear, :toYear) y
                 join roster_change rc on rc.year in (y, y - 1)
                 join agency_span s on s.agency_id = rc.agency_id
                                   and s.division_code between :lowest and :highest),
          judged as (
            select k.y, a.id, a.code, a.name, (%1$s) as now, (%2$s) as before
            from candidates k join agency a on a.id = k.agency_id)
          select j.y, j.code, j.name, j.now, d.year, d.cause, m.name, d.reason
          from judged j
          left join lateral (select rc.* from roster_change rc
                             where rc.agency_id = j.id and rc.year in (j.y, j.y - 1)
                             order by rc.year desc, rc.id desc limit 1) d on true
          left join agency m on m.id = d.merged_into
          where j.now <> j.before
          order by j.y, j.now desc, j.code"""
                  .formatted(Sql.expectedIn("k.y"), Sql.expectedIn("k.y - 1")));

  // How many agencies joined and left the roster each year, without judging every agency: an
  // agency with no roster change of the year or the year before is on the roster by its span, so
  // it joined in its span's first year and left after its last, which division_agencies counts (a
  // few rows per division, as EXPECTED reads it). Only the agencies with a roster change of either
  // year are judged one by one: their count by span is taken back and their judgement added. The
  // same counts as MOVES's rows, at the cost of the changes rather than of the region's agencies
  // (every agency is a candidate of the year its span starts, so MOVES over a trend's ten years
  // read every agency of the region).
  private static final Sql MOVE_COUNTS =
      Sql.of(
          """
          with years as (select y from generate_series(:fromYear, :toYear) y),
          by_span as (
            select y,
                   sum(d.agencies) filter (where d.first_year = y and d.last_year >= y) as joined,
                   sum(d.agencies) filter (where d.last_year = y - 1 and d.first_year <= y - 1)
                     as left_
            from years join division_agencies d
                 on d.division_code between :lowest and :highest
                and (d.first_year = y or d.last_year = y - 1)
            group by y),
          changed as (
            select distinct k.y, s.agency_id, s.first_year, s.last_year
            from years k join roster_change rc on rc.year in (k.y, k.y - 1)
                 join agency_span s on s.agency_id = rc.agency_id
                                   and s.division_code between :lowest and :highest),
          judged as (
            select k.y, (%1$s) as now, (%2$s) as before,
                   (k.first_year <= k.y and k.y <= k.last_year) as span_now,
                   (k.first_year <= k.y - 1 and k.y - 1 <= k.last_year) as span_before
            from changed k join agency a on a.id = k.agency_id),
          corrections as (
            select y,
                   count(*) filter (where now and not before)
                     - count(*) filter (where span_now and not span_before) as joined,
                   count(*) filter (where before and not now)
                     - count(*) filter (where span_before and not span_now) as left_
            from judged group by y)
          select k.y, coalesce(b.joined, 0) + coalesce(c.joined, 0),
                 coalesce(b.left_, 0) + coalesce(c.left_, 0)
          from years k left join by_span b using (y) left join corrections c using (y)
          order by k.y"""
              .formatted(Sql.expectedIn("k.y"), Sql.expectedIn("k.y - 1")));

  /**
   * How many agencies joined ({@code [0]}) and left ({@code [1]}) the roster each year from {@code
   * fromYear}: what {@link #moves} lists, counted.
   */
  Map<Integer, int[]> moveCounts(Coverage coverage, int fromYear, int toYear) throws SQLException {
    try (var s = MOVE_COUNTS.prepare(connection)) {
      s.set("fromYear", fromYear)
          .set("toYear", toYear)
          .set("lowest", coverage.lowest())
          .set("highest", coverage.highest());
      Map<Integer, int[]> counts = new HashMap<>();
      try (ResultSet rs = s.query()) {
        while (rs.next()) {
          counts.put(rs.getInt(1), new int[] {rs.getInt(2), rs.getInt(3)});
        }
      }
      return counts;
    }
  }

  /** The agencies that joined or left the roster, year by year from {@code fromYear}. */
  List<RosterMove> moves(Coverage coverage, int fromYear, int toYear) throws SQLException {
    try (var s = MOVES.prepare(connection)) {
      s.set("fromYear", fromYear)
          .set("toYear", toYear)
          .set("lowest", coverage.lowest())
          .set("highest", coverage.highest());
      List<RosterMove> moves = new ArrayList<>();
      try (ResultSet rs = s.queryLast()) {
        while (rs.next()) {
          moves.add(
              new RosterMove(
                  rs.getInt(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getBoolean(4),
                  (Integer) rs.getObject(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8)));
        }
      }
      return moves;
    }
  }
}
