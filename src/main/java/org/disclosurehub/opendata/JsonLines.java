package org.disclosurehub.opendata;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.disclosurehub.sql.Sql;

/**
 * Every current report as JSON Lines: one line per report, by year then agency, with the facts
 * reports.csv has (its roster columns included) and the report as it was filed ({@code report}, the
 * body of its current revision). Streamed from a cursor; nothing but one row is held.
 */
@ApplicationScoped
class JsonLines {
  private static final int FETCH_SIZE = 200;

  private static final Sql CURRENT_REPORTS =
      Sql.of(
          """
          select a.code, a.name, a.division_code, c.year, c.format_version, c.revision,
                 c.published_on, c.late, c.violation_count, v.content::text,
                 (%s), rc.cause, rc.merged_into
          from report_cells c
          join agency a on a.id = c.agency_id
          join report r on r.agency_id = c.agency_id and r.year = c.year
          join report_revision v on v.report_id = r.id and v.revision = c.revision
          left join lateral (select x.cause, m.code as merged_into
                             from roster_change x left join agency m on m.id = x.merged_into
                             where x.agency_id = c.agency_id and x.year = c.year
                             order by x.id desc limit 1) rc on true
          where c.year between :fromYear and :toYear
          order by c.year, a.code"""
              .formatted(Sql.expectedIn("c.year")));

  private final DataSource dataSource;
  private final ObjectMapper json;

  JsonLines(DataSource dataSource, ObjectMapper json) {
    this.dataSource = dataSource;
    this.json = json;
  }

  void write(OutputStream out, int from, int to) throws IOException {
    try (Connection connection = dataSource.getConnection()) {
      // PostgreSQL streams with a cursor only inside a transaction.
      connection.setAutoCommit(false);
      try (var statement = CURRENT_REPORTS.prepare(connection)) {
        statement.fetchSize(FETCH_SIZE).set("fromYear", from).set("toYear", to);
        try (ResultSet rs = statement.query();
            JsonGenerator line = json.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
          line.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
          line.setRootValueSeparator(null); // one object per line, ended by a newline alone
          while (rs.next()) {
            line.writeStartObject();
            line.writeStringField("agency", rs.getString(1));
            line.writeStringField("agencyName", rs.getString(2));
            line.writeStringField("division", rs.getString(3));
            line.writeNumberField("year", rs.getInt(4));
            line.writeStringField("formatVersion", rs.getString(5));
            line.writeNumberField("revision", rs.getInt(6));
            LocalDate publishedOn = rs.getObject(7, LocalDate.class);
            line.writeStringField(
                "publishedOn", publishedOn == null ? null : publishedOn.toString());
            Object late = rs.getObject(8); // null: imported without a date, lateness unknown
            if (late == null) {
              line.writeNullField("late");
            } else {
              line.writeBooleanField("late", (Boolean) late);
            }
            line.writeNumberField("violationCount", rs.getInt(9));
            // The year's roster, as reports.csv has it after its cells.
            line.writeBooleanField("expected", rs.getBoolean(11));
            line.writeStringField("rosterCause", rs.getString(12));
            line.writeStringField("mergedInto", rs.getString(13));
            line.writeFieldName("report");
            line.writeRawValue(rs.getString(10));
            line.writeEndObject();
            line.writeRaw('\n');
          }
        }
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IOException("streaming reports failed", e);
    }
  }
}
