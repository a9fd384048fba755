package org.disclosurehub.submission;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import org.disclosurehub.sql.Sql;

/**
 * The rows a filing reads and writes of its report, as three statements through {@link Sql} rather
 * than as entities: the current revision (locked), and the new revision with its report row and
 * source, written in one statement. A store then neither loads nor flushes a report entity, and
 * waits for one round trip where Hibernate's persists with generated keys took three or four.
 */
final class RevisionRows {
  private RevisionRows() {}

  /** The report's row and what a submission compares with its current revision. */
  record Current(long reportId, int revision, String contentSha256, boolean withdrawn) {}

  // The report row is locked first, so that corrections of one report never interleave; the
  // current revision is read by the second part, whose snapshot (read committed) is taken once
  // the lock is held: it sees what a writer that held the lock before committed. One round trip.
  private static final Sql LOCKED =
      Sql.of(
          """
          select 1 from report where agency_id = :agency and year = :year for update;
          select r.id, r.current_revision, v.content_sha256, v.withdrawn
          from report r join report_revision v
               on v.report_id = r.id and v.revision = r.current_revision
          where r.agency_id = :agency and r.year = :year""");

  // A dry run compares without taking the lock.
  private static final Sql UNLOCKED =
      Sql.of(
          """
          select r.id, r.current_revision, v.content_sha256, v.withdrawn
          from report r join report_revision v
               on v.report_id = r.id and v.revision = r.current_revision
          where r.agency_id = :agency and r.year = :year""");

  static Optional<Current> current(long agencyId, int year, boolean lock) {
    return Sql.inTransaction(
        connection -> {
          try (Sql.Statement s = (lock ? LOCKED : UNLOCKED).prepare(connection)) {
            s.set("agency", agencyId).set("year", year);
            try (ResultSet rs = lock ? s.queryLast() : s.query()) {
              return rs.next()
                  ? Optional.of(
                      new Current(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getBoolean(4)))
                  : Optional.empty();
            }
          }
        });
  }

  /** A revision's columns; {@code source} and {@code mediaType} are null unless imported. */
  record Revision(
      int revision,
      String content,
      String contentSha256,
      String violations,
      int violationCount,
      Instant at,
      String author,
      String reason,
      boolean imported,
      String mediaType,
      byte[] source) {}

  // The revision row, and its source if imported; the report row made current (or, for a first
  // filing, made: a concurrent first filing of the same (agency, year) leaves no row to insert,
  // and then nothing at all is written). Foreign keys are checked at the statement's end, when
  // the report row is there.
  private static final String REVISION_AND_SOURCE =
      """
      v as (insert into report_revision (report_id, revision, content, content_sha256,
                                         violations, violation_count, submitted_at, author,
                                         reason, withdrawn, imported)
            select r.id, :revision, cast(:content as jsonb), :sha, cast(:violations as jsonb),
                   :violationCount, :at, :author, :reason, false, :imported
            from r
            returning id),
      s as (insert into report_revision_source (revision_id, media_type, content)
            select v.id, cast(:mediaType as text), cast(:source as bytea) from v where :imported)
      select r.id from r""";

  private static final Sql FIRST =
      Sql.of(
          """
          with r as (insert into report (agency_id, year, current_revision, first_submitted_at)
                     values (:agency, :year, :revision, :at)
                     on conflict (agency_id, year) do nothing
                     returning id),
          """
              + REVISION_AND_SOURCE);

  private static final Sql NEXT =
      Sql.of(
          """
          with r as (update report set current_revision = :revision where id = :report
                     returning id),
          """
              + REVISION_AND_SOURCE);

  /**
   * Writes the first revision of the agency's report for the year; empty if a concurrent first
   * filing made the report row first (nothing was written).
   */
  static Optional<Long> first(long agencyId, int year, Revision revision) {
    return write(FIRST, revision, s -> s.set("agency", agencyId).set("year", year));
  }

  /** Writes the next revision of a report whose row this transaction holds locked. */
  static void next(long reportId, Revision revision) {
    write(NEXT, revision, s -> s.set("report", reportId)).orElseThrow();
  }

  private interface Keys {
    void set(Sql.Statement statement) throws java.sql.SQLException;
  }

  private static Optional<Long> write(Sql sql, Revision revision, Keys keys) {
    return Sql.inTransaction(
        connection -> {
          try (Sql.Statement s = sql.prepare(connection)) {
            keys.set(s);
            s.set("revision", revision.revision())
                .set("content", revision.content())
                .set("sha", revision.contentSha256())
                .set("violations", revision.violations())
                .set("violationCount", revision.violationCount())
                .set("at", revision.at())
                .set("author", revision.author())
                .set("reason", revision.reason())
                .set("imported", revision.imported())
                .set("mediaType", revision.mediaType())
                .set("source", revision.source());
            try (ResultSet rs = s.query()) {
              return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
          }
        });
  }
}
