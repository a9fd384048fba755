package org.disclosurehub.submission;

import java.util.Optional;
import org.disclosurehub.sql.Sql;

/**
 * What a filing's plausibility checks read of the agency before the city's lock, in one statement:
 * the content of its current reports of the year before and the year after (unless withdrawn), and
 * whether its narrative of the year is in the city's index. None of it can change until the commit:
 * the roll-up totals, kept first, hold the agency's row lock, which every writer of the agency's
 * reports (filing, withdrawal, move) takes.
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

  static PlausibilityAround of(long agencyId, int year) {
    return PlausibilityStore.query(
        AROUND,
        rs -> {
          rs.next();
          return new PlausibilityAround(
              Optional.ofNullable(rs.getString(1)),
              Optional.ofNullable(rs.getString(2)),
              rs.getBoolean(3));
        },
        "agency",
        agencyId,
        "year",
        year);
  }
}
