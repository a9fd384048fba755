package org.disclosurehub.rollup.totals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.disclosurehub.report.Report;
import org.disclosurehub.sql.Sql;

/**
 * The revision_cells rows (V16) of the revisions stored before V16 that were no longer current when
 * it ran: V16 kept the current revisions only, so as of a day when an older revision was current
 * its report counted with the wrong cells, or not at all. Each revision's row is what it
 * contributed when it became current, computed from its stored content by the code that computes
 * every row ({@link Contribution}), from the instant it was stored; a withdrawal's row withdraws
 * the report from the instant of the withdrawal. CARRY_OVER is judged against the agency's report
 * of the year before as it was then (its last revision stored by that instant). Runs at start-up,
 * 100 revisions to a transaction, one instance at a time; nothing to do costs one anti-join.
 */
@ApplicationScoped
class RevisionCellsBackfill {
  private static final int BATCH = 100;

  private final ObjectMapper json;

  RevisionCellsBackfill(ObjectMapper json) {
    this.json = json;
  }

  void onStart(@Observes StartupEvent start) {
    try {
      int total = run();
      if (total > 0) {
        Log.infof("revision_cells kept for %d revision(s) stored before V16", total);
      }
    } catch (RuntimeException e) {
      // As-of answers stay as V16 left them; the next start tries again.
      Log.warnf("revision_cells not kept for older revisions: %s", e.getMessage());
    }
  }

  /** Keeps the rows of every revision without one; answers how many. */
  int run() {
    int total = 0;
    int done;
    do {
      done = QuarkusTransaction.requiringNew().call(this::batch);
      total += Math.max(done, 0);
    } while (done == BATCH);
    return total;
  }

  private static final Sql LOCK = Sql.of("select pg_try_advisory_xact_lock(16, 1)");

  // Revisions without a row, with what their row needs: the report's year and first filing,
  // whether the revision was imported, and the content of the year before's report then.
  private static final Sql MISSING =
      Sql.of(
          """
          select v.report_id, v.revision, v.submitted_at, v.withdrawn, v.content::text,
                 v.violations::text, r.year, r.first_submitted_at,
                 exists (select 1 from report_revision_source s where s.revision_id = v.id),
                 (select p.content::text from report pr
                  cross join lateral (select * from report_revision p
                                      where p.report_id = pr.id
                                        and p.submitted_at <= v.submitted_at
                                      order by p.revision desc limit 1) p
                  where pr.agency_id = r.agency_id and pr.year = r.year - 1 and not p.withdrawn)
          from report_revision v join report r on r.id = v.report_id
          where not exists (select 1 from revision_cells c
                            where c.report_id = v.report_id and c.revision = v.revision)
          order by v.report_id, v.revision
          limit :batch""");

  private static final Sql KEEP =
      Sql.of(
          """
          insert into revision_cells (report_id, revision, at, withdrawn, cells, published_items,
                                      published_on, late, violation_count, rules,
                                      carry_over_mismatch, format_version)
          values (:report, :revision, :at, :withdrawn, :cells, :publishedItems, :publishedOn,
                  :late, :violationCount, :rules, :carryOver, :formatVersion)""");

  private record Missing(
      long reportId,
      int revision,
      Instant at,
      boolean withdrawn,
      String content,
      String violations,
      int year,
      Instant firstSubmittedAt,
      boolean imported,
      String previousYear) {}

  private int batch() {
    return Sql.inTransaction(
        connection -> {
          try (var s = LOCK.prepare(connection);
              ResultSet rs = s.query()) {
            if (!rs.next() || !rs.getBoolean(1)) {
              return -1;
            }
          }
          List<Missing> rows = new ArrayList<>();
          try (var s = MISSING.prepare(connection)) {
            s.set("batch", BATCH);
            try (ResultSet rs = s.query()) {
              while (rs.next()) {
                rows.add(
                    new Missing(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getObject(3, java.time.OffsetDateTime.class).toInstant(),
                        rs.getBoolean(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getInt(7),
                        rs.getObject(8, java.time.OffsetDateTime.class).toInstant(),
                        rs.getBoolean(9),
                        rs.getString(10)));
              }
            }
          }
          try (var s = KEEP.prepare(connection)) {
            for (Missing row : rows) {
              keep(s, row);
              s.addBatch();
            }
            if (!rows.isEmpty()) {
              s.executeBatch();
            }
          }
          return rows.size();
        });
  }

  private void keep(Sql.Statement s, Missing row) throws SQLException {
    s.set("report", row.reportId())
        .set("revision", row.revision())
        .set("at", row.at())
        .set("withdrawn", row.withdrawn());
    if (row.withdrawn()) {
      s.set("cells", null)
          .set("publishedItems", null)
          .set("publishedOn", null)
          .set("late", null)
          .set("violationCount", null)
          .set("rules", null)
          .set("carryOver", null)
          .set("formatVersion", null);
      return;
    }
    Contribution c =
        Contribution.of(
            null,
            row.year(),
            row.revision(),
            read(row.content(), Report.class),
            List.of(),
            new FiledReport(row.reportId(), row.firstSubmittedAt()),
            row.imported(),
            null);
    JsonNode violations = read(row.violations(), JsonNode.class);
    TreeSet<String> rules = new TreeSet<>();
    violations.forEach(v -> rules.add(v.get("rule").asText()));
    s.set("cells", c.cells())
        .set("publishedItems", c.publishedItems())
        .set("publishedOn", c.publishedOn())
        .set("late", c.late())
        .set("violationCount", violations.size())
        .set("rules", rules.toArray(String[]::new))
        .set(
            "carryOver",
            row.previousYear() != null
                && Contribution.carryOverMismatch(
                    c.cells(), Contribution.cellsOf(read(row.previousYear(), Report.class))))
        .set("formatVersion", c.formatVersion());
  }

  private <T> T read(String text, Class<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
