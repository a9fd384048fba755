package org.disclosurehub.submission;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.disclosurehub.region.Division;
import org.disclosurehub.sql.Sql;

/**
 * The listing of current reports (a withdrawn report leaves it, its history stays readable): one
 * page of it, newest year first, then by agency code, and how many there are. The year and the
 * division are optional filters, each a variant of the statement.
 */
final class ReportListing {
  private ReportListing() {}

  /** One page and the count of every matching report. */
  record Found(List<ReportSummary> items, long total) {}

  private static final String CURRENT_REPORTS =
      """
      from report r join agency a on a.id = r.agency_id
           join report_revision v on v.report_id = r.id and v.revision = r.current_revision
      where not v.withdrawn%s%s""";

  private static final Map<String, Sql[]> VARIANTS = new ConcurrentHashMap<>();

  /** The page and the count for these filters (null: any year, anywhere). */
  static Found page(Integer year, Division within, int offset, int limit) {
    Sql[] sql =
        VARIANTS.computeIfAbsent(
            (year != null) + "/" + (within != null),
            variant -> {
              String from =
                  CURRENT_REPORTS.formatted(
                      year != null ? " and r.year = :year" : "",
                      within != null ? " and a.division_code between :lowest and :highest" : "");
              return new Sql[] {
                Sql.of(
                    """
                    select a.code, a.name, a.division_code, r.year, v.revision, v.submitted_at,
                           v.content_sha256, v.violation_count
                    %s
                    order by r.year desc, a.code
                    offset :offset limit :limit"""
                        .formatted(from)),
                Sql.of("select count(*) " + from)
              };
            });
    return Sql.inTransaction(
        connection -> {
          List<ReportSummary> items = new ArrayList<>();
          try (var s = sql[0].prepare(connection)) {
            filters(s, year, within).set("offset", offset).set("limit", limit);
            try (ResultSet rs = s.query()) {
              while (rs.next()) {
                items.add(
                    new ReportSummary(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getString(7),
                        rs.getInt(8)));
              }
            }
          }
          try (var s = sql[1].prepare(connection)) {
            filters(s, year, within);
            try (ResultSet rs = s.query()) {
              rs.next();
              return new Found(items, rs.getLong(1));
            }
          }
        });
  }

  private static Sql.Statement filters(Sql.Statement s, Integer year, Division within)
      throws SQLException {
    if (year != null) {
      s.set("year", year);
    }
    if (within != null) {
      s.set("lowest", within.lowest()).set("highest", within.highest());
    }
    return s;
  }
}
