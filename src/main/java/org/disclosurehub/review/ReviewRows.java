package org.disclosurehub.review;

import java.sql.ResultSet;
import java.time.Instant;
import org.disclosurehub.sql.Sql;

/** The statements of a report's review that need no entity: its lock, and a plain filing. */
final class ReviewRows {
  private ReviewRows() {}

  private static final Sql LOCK = Sql.of("select pg_advisory_xact_lock(:key)");

  /** One writer of a report's review at a time (the report row's lock covers only filings). */
  static void lock(long agencyId, int year) {
    Sql.inTransaction(
        connection -> {
          try (Sql.Statement statement = LOCK.prepare(connection)) {
            statement.set("key", key(agencyId, year)).execute();
          }
          return null;
        });
  }

  private static long key(long agencyId, int year) {
    return agencyId * 10_000L + year;
  }

  // The review's lock, then the filed entry numbered after the last, unless a reviewer accepted a
  // revision or a warning has a note: then nothing is written, and the filing is compared with
  // them (ReviewCycle.revised). One round trip for most filings.
  private static final Sql FILED_UNLESS_REVIEWED =
      Sql.of(
          """
          select pg_advisory_xact_lock(:key);
          insert into review_entry (agency_id, year, seq, kind, revision, author, at)
          select :agency, :year, coalesce(max(e.seq), 0) + 1, 'filed', :revision, :author, :at
          from review_entry e
          where e.agency_id = :agency and e.year = :year
          having not coalesce(bool_or(e.kind = 'accepted' or e.rule is not null), false)
          returning seq""");

  /**
   * Appends a filing of {@code revision} under the review's lock if the report has neither an
   * acceptance nor a note on a warning (nothing a filing is compared with); false if it has, and
   * nothing was written.
   */
  static boolean filedUnlessReviewed(
      long agencyId, int year, int revision, String author, Instant at) {
    return Sql.inTransaction(
        connection -> {
          try (Sql.Statement s = FILED_UNLESS_REVIEWED.prepare(connection)) {
            s.set("key", key(agencyId, year))
                .set("agency", agencyId)
                .set("year", year)
                .set("revision", revision)
                .set("author", author)
                .set("at", at);
            try (ResultSet rs = s.queryLast()) {
              return rs.next();
            }
          }
        });
  }
}
