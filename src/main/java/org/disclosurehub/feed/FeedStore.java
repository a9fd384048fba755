package org.disclosurehub.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.disclosurehub.sql.Sql;

/**
 * The feeds' read model: the append-only {@code report_revision} rows of a scope, in the order they
 * were stored (their identity), so that a page once full never changes.
 */
@ApplicationScoped
class FeedStore {
  /** How many revisions a scope holds, and when the newest was stored. */
  record Extent(int count, Instant newest) {}

  private static final String SCOPED =
      """
      from report_revision v
           join report r on r.id = v.report_id
           join agency a on a.id = r.agency_id
      where a.division_code between :lowest and :highest
        and (cast(:agency as text) is null or a.code = :agency)""";

  private static final Sql EXTENT = Sql.of("select count(*), max(v.submitted_at) " + SCOPED);

  // The window runs over every revision of the report (all in scope), before the page is cut.
  private static final Sql PAGE =
      Sql.of(
          """
          select a.code, r.year, v.revision, v.submitted_at, v.author, v.reason, v.withdrawn,
                 v.imported, v.content_sha256, v.violation_count,
                 coalesce(lag(v.withdrawn) over (partition by v.report_id order by v.revision),
                          false)
          """
              + SCOPED
              + """

          order by v.id
          offset :skip limit :size""");

  private static final Sql AGENCY = Sql.of("select 1 from agency where code = :code");

  @Transactional
  boolean agencyExists(String code) {
    return Sql.inTransaction(
        connection -> {
          try (var s = AGENCY.prepare(connection)) {
            s.set("code", code);
            try (ResultSet rs = s.query()) {
              return rs.next();
            }
          }
        });
  }

  @Transactional
  Extent extent(FeedScope scope) {
    return Sql.inTransaction(
        connection -> {
          try (var s = EXTENT.prepare(connection)) {
            bind(s, scope);
            try (ResultSet rs = s.query()) {
              rs.next();
              Timestamp newest = rs.getTimestamp(2);
              return new Extent(rs.getInt(1), newest == null ? Instant.EPOCH : newest.toInstant());
            }
          }
        });
  }

  /** The revisions numbered {@code skip + 1} to {@code skip + size} in the scope, oldest first. */
  @Transactional
  List<FeedEntry> page(FeedScope scope, int skip, int size) {
    return Sql.inTransaction(
        connection -> {
          try (var s = PAGE.prepare(connection)) {
            bind(s, scope).set("skip", skip).set("size", size);
            List<FeedEntry> entries = new ArrayList<>();
            try (ResultSet rs = s.query()) {
              while (rs.next()) {
                int revision = rs.getInt(3);
                entries.add(
                    new FeedEntry(
                        rs.getString(1),
                        rs.getInt(2),
                        revision,
                        rs.getTimestamp(4).toInstant(),
                        rs.getString(5),
                        rs.getString(6),
                        FeedEntry.Kind.of(
                            revision, rs.getBoolean(7), rs.getBoolean(8), rs.getBoolean(11)),
                        rs.getString(9),
                        rs.getInt(10)));
              }
            }
            return entries;
          }
        });
  }

  private static Sql.Statement bind(Sql.Statement s, FeedScope scope) throws java.sql.SQLException {
    return s.set("lowest", scope.lowest())
        .set("highest", scope.highest())
        .set("agency", scope.agency());
  }
}
