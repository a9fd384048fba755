package org.disclosurehub.rollup;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.disclosurehub.report.ReportLayout;
import org.disclosurehub.sql.Sql;

/**
 * What open-data exports take from the roll-ups: the version of every current report of a span of
 * years (the tag reports.csv answers with), reports.csv written to a stream, and its columns
 * described for a data dictionary.
 */
@ApplicationScoped
public class ReportExports {
  /** The data of a span of years as it is now: its tag (an ETag's value) and last change. */
  public record Version(String tag, Instant lastModified) {}

  /**
   * A column of reports.csv: its name (JSON key or cell pointer), Chinese title, XSD datatype, unit
   * (or null) and the JSON Pointer into a report it comes from (or null for the report's facts).
   */
  public record Column(String name, String title, String datatype, String unit, String pointer) {}

  private static final Map<String, String> FACT_TYPES =
      Map.ofEntries(
          Map.entry("year", "integer"),
          Map.entry("revision", "integer"),
          Map.entry("publishedOn", "date"),
          Map.entry("late", "boolean"),
          Map.entry("expected", "boolean"),
          Map.entry("violationCount", "integer"));

  private static final Sql YEARS = Sql.of("select distinct year from report_cells order by year");

  private final ConditionalRead reads;
  private final ReportCellsCsvResource csv;
  private final DataSource dataSource;

  ReportExports(ConditionalRead reads, ReportCellsCsvResource csv, DataSource dataSource) {
    this.reads = reads;
    this.csv = csv;
    this.dataSource = dataSource;
  }

  /** The years that have a current report, in order. */
  public List<Integer> yearsWithReports() {
    try (Connection connection = dataSource.getConnection();
        var statement = YEARS.prepare(connection);
        ResultSet rs = statement.query()) {
      List<Integer> years = new ArrayList<>();
      while (rs.next()) {
        years.add(rs.getInt(1));
      }
      return years;
    } catch (SQLException e) {
      throw new IllegalStateException("reading the years with reports failed", e);
    }
  }

  /** The version of every current report of the years {@code from} to {@code to}, read now. */
  public Version version(int from, int to) {
    Coverage everywhere = Coverage.everywhere();
    try (ConditionalRead.TaggedSnapshot tagged =
        reads.open(
            new ReadScope("*", everywhere, everywhere, from, to),
            "exports|" + from + "|" + to,
            null)) {
      return new Version(tagged.tag().getValue(), tagged.lastModified().toInstant());
    }
  }

  /**
   * reports.csv of the years {@code from} to {@code to}, header by keys, streamed to {@code out}.
   */
  public void writeCsv(OutputStream out, int from, int to) throws IOException {
    csv.stream(out, Coverage.everywhere(), from, to, false);
  }

  /** The columns of reports.csv in order. */
  public static List<Column> columns() {
    List<Column> columns = new ArrayList<>();
    for (Csv.Column fact : ReportCellsCsvResource.FACTS) {
      columns.add(
          new Column(
              fact.key(), fact.label(), FACT_TYPES.getOrDefault(fact.key(), "string"), null, null));
    }
    for (int i = 0; i < RollupLayout.SIZE; i++) {
      ReportLayout.Cell cell = RollupLayout.CELLS.get(i);
      boolean trial = cell.pointer().startsWith("/activeDisclosure2019/");
      String title = (trial ? "2019试行格式 " : "") + cell.label();
      columns.add(
          RollupLayout.isAmount(i)
              ? new Column(cell.pointer(), title, "decimal", "万元", cell.pointer())
              : new Column(
                  cell.pointer(),
                  title,
                  cell.signed() ? "integer" : "nonNegativeInteger",
                  "件",
                  cell.pointer()));
    }
    for (Csv.Column roster : ReportCellsCsvResource.ROSTER) {
      columns.add(
          new Column(
              roster.key(),
              roster.label(),
              FACT_TYPES.getOrDefault(roster.key(), "string"),
              null,
              null));
    }
    return columns;
  }
}
