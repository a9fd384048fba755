package org.disclosurehub.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.disclosurehub.agency.Agency;
import org.disclosurehub.report.Report;
import org.disclosurehub.sql.Sql;

/**
 * Evaluates, at start-up, the current reports stored before the plausibility checks existed (or
 * while they failed), 100 to a transaction. One instance does it at a time; the others go on.
 */
@ApplicationScoped
class PlausibilityBackfill {
  private static final int BATCH = 100;

  private final Plausibility plausibility;
  private final ObjectMapper json;

  PlausibilityBackfill(Plausibility plausibility, ObjectMapper json) {
    this.plausibility = plausibility;
    this.json = json;
  }

  void onStart(@Observes StartupEvent start) {
    try {
      int total = 0;
      int done;
      do {
        done = QuarkusTransaction.requiringNew().call(this::evaluateBatch);
        total += Math.max(done, 0);
      } while (done == BATCH);
      if (total > 0) {
        Log.infof("Plausibility checks evaluated for %d report(s) stored before them", total);
      }
    } catch (RuntimeException e) {
      // The service runs without them; the next start tries again.
      Log.warnf("Plausibility checks not evaluated for older reports: %s", e.getMessage());
    }
  }

  private static final Sql LOCK = Sql.of("select pg_try_advisory_xact_lock(16, 0)");

  /** Current reports without plausibility rows, oldest year first. */
  private static final Sql NOT_EVALUATED =
      Sql.of(
          """
          select r.agency_id, r.year, v.content::text
          from report r
          join report_revision v on v.report_id = r.id and v.revision = r.current_revision
          where not v.withdrawn
            and not exists (select 1 from report_plausibility p
                            where p.agency_id = r.agency_id and p.year = r.year)
          order by r.year, r.agency_id
          limit :batch""");

  /** A current report to evaluate. */
  private record Unevaluated(long agencyId, int year, String content) {}

  private int evaluateBatch() {
    Sql.flushPending();
    List<Unevaluated> rows =
        Sql.inTransaction(
            connection -> {
              try (var s = LOCK.prepare(connection);
                  ResultSet rs = s.query()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                  return null;
                }
              }
              List<Unevaluated> found = new ArrayList<>();
              try (var s = NOT_EVALUATED.prepare(connection)) {
                s.set("batch", BATCH);
                try (ResultSet rs = s.query()) {
                  while (rs.next()) {
                    found.add(new Unevaluated(rs.getLong(1), rs.getInt(2), rs.getString(3)));
                  }
                }
              }
              return found;
            });
    if (rows == null) {
      return -1;
    }
    for (Unevaluated row : rows) {
      Agency agency = Agency.findById(row.agencyId());
      plausibility.stored(agency, row.year(), read(row.content()));
    }
    return rows.size();
  }

  private Report read(String content) {
    try {
      return json.readValue(content, Report.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
