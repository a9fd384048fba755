package org.disclosurehub.submission;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import org.disclosurehub.sql.Sql;

/**
 * What a filing's plausibility checks read of the agency before the city's lock, in one statement:
 * the content of its current reports of the year before and the year after (unless withdrawn), and
 * whether its narrative of the year is in the city's index. None of it can change until the commit:
 * the roll-up totals, kept first, hold the agency's row lock, which every writer of the agency's
 * reports (filing, withdrawal, move) takes. A filing sends its plausibility history's instant
 * ({@link PlausibilityHistory#CHANGED_AT}) with it, in the same round trip.
 */
record PlausibilityAround(Optional<String> previous, Optional<String> next, boolean indexed) {

  private static final Sql AROUND =
      Sql.of(
          """
          select (select v.content::text from report r
                  join report_revision v on v.report_id = r.id and v.revision = r.current_revision
                  where r.agency_id = :agency and r.year = :year - 1 and not v.withdrawn),
                 (select v.content::text from report r
                  join report_revision v on v.report_id = r.id and v.revision = r.current_revision
                  where r.agency_id = :agency and r.year = :year + 1 and not v.withdrawn),
                 exists (select 1 from narrative_fingerprint where agency_id = :agency and year = :year)""");

  private static final Sql CHANGED_AT_AND_AROUND = PlausibilityHistory.CHANGED_AT.then(AROUND);

  /**
   * What is around the agency's report of the year; with {@code changedAt} (a filing's time), the
   * instant the plausibility history gives this transaction's changes is set first (null: a
   * backfill's, the transaction's start).
   */
  static PlausibilityAround of(long agencyId, int year, Instant changedAt) {
    Sql.flushPending();
    return Sql.inTransaction(
        connection -> {
          try (Sql.Statement s =
              (changedAt == null ? AROUND : CHANGED_AT_AND_AROUND).prepare(connection)) {
            s.set("agency", agencyId).set("year", year);
            if (changedAt != null) {
              s.set("at", changedAt);
            }
            try (ResultSet rs = changedAt == null ? s.query() : s.queryLast()) {
              rs.next();
              return new PlausibilityAround(
                  Optional.ofNullable(rs.getString(1)),
                  Optional.ofNullable(rs.getString(2)),
                  rs.getBoolean(3));
            }
          }
        });
  }
}
