package org.disclosurehub.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.disclosurehub.agency.Agency;
import org.disclosurehub.report.Report;

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

  private int evaluateBatch() {
    Object locked =
        Panache.getEntityManager()
            .createNativeQuery("select pg_try_advisory_xact_lock(16, 0)")
            .getSingleResult();
    if (!Boolean.TRUE.equals(locked)) {
      return -1;
    }
    List<?> rows =
        Panache.getEntityManager()
            .createNativeQuery(
                """
                select r.agency_id, r.year, v.content::text
                from report r
                join report_revision v on v.report_id = r.id and v.revision = r.current_revision
                where not v.withdrawn
                  and not exists (select 1 from report_plausibility p
                                  where p.agency_id = r.agency_id and p.year = r.year)
                order by r.year, r.agency_id
                limit ?1
                """)
            .setParameter(1, BATCH)
            .getResultList();
    for (Object row : rows) {
      Object[] v = (Object[]) row;
      Agency agency = Agency.findById(((Number) v[0]).longValue());
      plausibility.stored(agency, ((Number) v[1]).intValue(), read((String) v[2]));
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
