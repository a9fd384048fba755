package org.disclosurehub.rollup;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.disclosurehub.sql.Sql;

/** The reports a region's document sums or names, from report_cells. */
final class DocumentReportReads {
  private final Connection connection;

  DocumentReportReads(Connection connection) {
    this.connection = connection;
  }

  private static final String VIOLATIONS_OF_C =
      """
      case when c.violation_count > 0 then
        (select r.violations from report_revision r
         where r.report_id = c.report_id and r.revision = c.revision) end""";

  /**
   * The reports a region's document sums, by agency code: who, which revision, late or not, the
   * findings of those accepted with violations (only theirs are read from the revisions) and, when
   * asked, every cell. One range scan of the region's report_cells.
   */
  private static final Sql DOCUMENT_REPORTS =
      Sql.of(
          """
          select a.code, a.name, c.division_code, c.revision, c.late, %s,
                 case when :withCells then c.cells end, c.format_version
          from report_cells c
          %s
          where c.year = :year and c.division_code between :lowest and :highest%s
          order by a.code"""
              .formatted(VIOLATIONS_OF_C, NotableReads.AGENCY_OF_C, CompletenessReads.ON_ROSTER_C));

  /**
   * The reports of a region's document that its page names one by one when it does not list every
   * report: the inconsistent, through their partial index.
   */
  private static final Sql DOCUMENT_REPORTS_OF_NOTE =
      Sql.of(
          """
          select a.code, a.name, c.division_code, c.revision, c.late, %s, null, c.format_version
          from report_cells c
          %s
          where c.year = :year and c.division_code between :lowest and :highest
            and c.violation_count > 0%s
          order by a.code"""
              .formatted(VIOLATIONS_OF_C, NotableReads.AGENCY_OF_C, CompletenessReads.ON_ROSTER_C));

  List<DocumentReport> documentReportsOfNote(Coverage coverage, int year) throws SQLException {
    try (var s = DOCUMENT_REPORTS_OF_NOTE.prepare(connection)) {
      s.set("year", year).set("lowest", coverage.lowest()).set("highest", coverage.highest());
      return documentReports(s);
    }
  }

  /** A report a region's document sums; {@code violations} is JSON, {@code cells} may be null. */
  record DocumentReport(
      String code,
      String name,
      String division,
      int revision,
      Boolean late,
      String violations,
      BigDecimal[] cells,
      String formatVersion) {}

  List<DocumentReport> documentReports(Coverage coverage, int year, boolean withCells)
      throws SQLException {
    try (var s = DOCUMENT_REPORTS.prepare(connection)) {
      s.set("year", year)
          .set("lowest", coverage.lowest())
          .set("highest", coverage.highest())
          .set("withCells", withCells);
      return documentReports(s);
    }
  }

  private static List<DocumentReport> documentReports(Sql.Statement s) throws SQLException {
    List<DocumentReport> reports = new ArrayList<>();
    try (ResultSet rs = s.query()) {
      while (rs.next()) {
        java.sql.Array cells = rs.getArray(7);
        reports.add(
            new DocumentReport(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getInt(4),
                (Boolean) rs.getObject(5),
                rs.getString(6),
                cells == null ? null : (BigDecimal[]) cells.getArray(),
                rs.getString(8)));
      }
    }
    return reports;
  }
}
