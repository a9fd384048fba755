package org.disclosurehub.submission;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import org.disclosurehub.agency.AgencyMoved;
import org.disclosurehub.sql.Sql;

/**
 * The plausibility rows over time ({@code plausibility_history}, V17, appended by a trigger on
 * every change to {@code report_plausibility}): the instant of each change is the service's clock
 * for the change that caused it, set for the writing transaction before {@link Plausibility} writes
 * (by this, or for a filing by {@link PlausibilityAround}); and the row a report held at an
 * instant, for a read as of a day.
 */
@ApplicationScoped
class PlausibilityHistory {

  // Transaction-local: the trigger reads it, and it goes when the transaction ends. A filing
  // (ReportRevised) sends it with its first statement of the checks (PlausibilityAround), in
  // the same round trip; a withdrawal and a move here, before Plausibility observes them.
  static final Sql CHANGED_AT =
      Sql.of("select set_config('hub.changed_at', cast(:at as timestamptz)::text, true)");

  void withdrawn(
      @Observes @Priority(Interceptor.Priority.APPLICATION + 999) ReportWithdrawn withdrawn) {
    changedAt(withdrawn.at());
  }

  void moved(@Observes @Priority(Interceptor.Priority.APPLICATION + 999) AgencyMoved moved) {
    changedAt(moved.at());
  }

  private static void changedAt(Instant at) {
    Sql.inTransaction(
        connection -> {
          try (var s = CHANGED_AT.prepare(connection);
              var rs = s.set("at", at).query()) {
            return rs.next();
          }
        });
  }

  private static final Sql AS_OF =
      Sql.of(
          """
          select h.removed, h.findings::text, h.characters, h.previous_year_share,
                 h.same_city_share, a.code
          from plausibility_history h left join agency a on a.id = h.same_city_agency_id
          where h.agency_id = :agency and h.year = :year and h.at < :end
          order by h.at desc, h.id desc limit 1""");

  /** What the checks held for the agency's report of the year at {@code end}, if anything. */
  static Optional<PlausibilityStore.Stored> asOf(long agencyId, int year, Instant end) {
    Sql.flushPending();
    return Sql.inTransaction(
        connection -> {
          try (var s = AS_OF.prepare(connection)) {
            s.set("agency", agencyId).set("year", year).set("end", end);
            try (ResultSet rs = s.query()) {
              if (!rs.next() || rs.getBoolean(1)) {
                return Optional.empty();
              }
              return Optional.of(
                  new PlausibilityStore.Stored(
                      rs.getString(2),
                      rs.getInt(3),
                      rs.getBigDecimal(4),
                      rs.getBigDecimal(5),
                      rs.getString(6)));
            }
          }
        });
  }
}
