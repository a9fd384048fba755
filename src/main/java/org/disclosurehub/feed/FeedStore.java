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
 * The feeds' read model: the append-only {@code report_revision} rows of a scope and the reviewers'
 * decisions ({@code review_entry}, returned and accepted), in the order they were stored, so that a
 * page once full never changes.
 */
@ApplicationScoped
class FeedStore {
  /** How many revisions a scope holds, and when the newest was stored. */
  record Extent(int count, Instant newest) {}

  /**
   * The scope's revisions and the reviewers' decisions (returned, accepted) on them, as one stream
   * ordered by when each was stored (a decision after the revision it decides when both share a
   * millisecond), then by its row: a later row never moves an earlier one.
   */
  private static final String ITEMS =
      """
      with scoped as (select a.id, a.code from agency a
                      where a.division_code between :lowest and :highest
                        and (cast(:agency as text) is null or a.code = :agency)),
      items as (
        select v.submitted_at as at, 0 as source, v.id, s.code, r.year, v.revision,
               v.author, v.reason, v.withdrawn, v.imported, v.content_sha256,
               v.violation_count,
               coalesce(lag(v.withdrawn) over (partition by v.report_id order by v.revision),
                        false) as after_withdrawal,
               cast(null as text) as decision, 0 as seq
        from report_revision v
             join report r on r.id = v.report_id
             join scoped s on s.id = r.agency_id
        union all
        select e.at, 1, e.id, s.code, e.year, e.revision, e.author, e.reason, false, false,
               null, 0, false, e.kind, e.seq
        from review_entry e join scoped s on s.id = e.agency_id
        where e.kind in ('returned', 'accepted'))
      """;

  private static final Sql EXTENT = Sql.of(ITEMS + "select count(*), max(at) from items");

  private static final Sql PAGE =
      Sql.of(
          ITEMS
              + """
              select code, year, revision, at, author, reason, withdrawn, imported,
                     content_sha256, violation_count, after_withdrawal, decision, seq
              from items
              order by at, source, id
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
                String decision = rs.getString(12);
                entries.add(
                    new FeedEntry(
                        rs.getString(1),
                        rs.getInt(2),
                        revision,
                        rs.getTimestamp(4).toInstant(),
                        rs.getString(5),
                        rs.getString(6),
                        decision != null
                            ? FeedEntry.Kind.valueOf(decision)
                            : FeedEntry.Kind.of(
                                revision, rs.getBoolean(7), rs.getBoolean(8), rs.getBoolean(11)),
                        rs.getString(9),
                        rs.getInt(10),
                        rs.getInt(13)));
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
