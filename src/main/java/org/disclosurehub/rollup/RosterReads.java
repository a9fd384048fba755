package org.disclosurehub.rollup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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

  private static final Sql MOVES =
      Sql.of(
          """
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

  /** The agencies that joined or left the roster, year by year from {@code fromYear}. */
  List<RosterMove> moves(Coverage coverage, int fromYear, int toYear) throws SQLException {
    try (var s = MOVES.prepare(connection)) {
      s.set("fromYear", fromYear)
          .set("toYear", toYear)
          .set("lowest", coverage.lowest())
          .set("highest", coverage.highest());
      List<RosterMove> moves = new ArrayList<>();
      try (ResultSet rs = s.query()) {
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
