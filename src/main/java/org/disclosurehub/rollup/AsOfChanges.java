package org.disclosurehub.rollup;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.disclosurehub.sql.Sql;

/**
 * What changed after an instant within a region, for {@link AsOfTables}: the agencies ever placed
 * within it that have a history row written after the instant (a registration, rename, move or
 * change of active years; a report filed, corrected or withdrawn; a roster change; a review entry;
 * a plausibility row rewritten, also by a neighbour's filing). Every other agency of the region
 * holds now exactly what it held then, so its live rows are its rows as of the instant: only the
 * changed ones need the history (the laterals of {@link AsOfTables}, an index probe per report),
 * the others are read from the live tables through views ({@link AsOfViews}).
 */
final class AsOfChanges {
  private AsOfChanges() {}

  /**
   * How many rows written after the instant, in the whole country, are read to find the changed
   * agencies: beyond it (a day long ago), the list would cost more than it saves and the region is
   * rebuilt from the history instead. 50,000 rows read by index on time take about 25 ms.
   */
  static final int LATER_ROWS_CAP = 50_000;

  /**
   * The share of the region's agencies (registered now) above which the region is rebuilt from the
   * history instead: most of the rebuild's per-agency work is then done anyway, and the reads
   * through the views ({@link AsOfViews}) and the list of the changed ones come on top.
   * Package-visible (not final) so that a test can make every read take either path and compare
   * them; nothing else writes it.
   */
  static volatile double rebuildShare = 0.5;

  /** The changed agencies (null: more than {@link #LATER_ROWS_CAP} rows after the instant). */
  record Found(Long[] changed, long regionAgencies) {
    boolean rebuild() {
      return changed == null || changed.length > rebuildShare * regionAgencies;
    }
  }

  // Every row that says an agency changed after the instant: its registry entry, a revision, a
  // roster change, a review entry, its plausibility findings; and an agency of the region whose
  // row was written after it with nothing the history keeps (a PATCH of the same name or division,
  // or of the credit code), which still dates its division's changed_at, read by a document's
  // 数据截至 (only looked for when a division of the region changed since). FIND lists them, ANY
  // asks for one. A revision's row names its agency since V24 (read from the index); an older row
  // only its report, probed for it.
  private static final String LATER_ROWS =
      """
        select n.agency_id from @schema.agency_history n where n.valid_from >= :end
        union all
        select coalesce(c.agency_id,
                        (select n.agency_id from @schema.report n where n.id = c.report_id))
        from @schema.revision_cells c where c.at >= :end
        union all
        select n.agency_id from @schema.roster_change n where n.at >= :end
        union all
        select n.agency_id from @schema.review_entry n where n.at >= :end
        union all
        select n.agency_id from @schema.plausibility_history n where n.at >= :end
        union all
        select n.id from @schema.agency n
        where n.updated_at >= :end and n.division_code between :lowest and :highest
          and exists (select 1 from @schema.division_registry r
                      where r.division_code between :lowest and :highest and r.changed_at >= :end)""";

  // The rows written after the instant (by V18's indexes on time), at most the cap and one more,
  // then their agencies (each once, then probed) ever placed within the region, and the region's
  // agencies now.
  private static final String FIND =
      """
      with later as materialized (
      %s
        limit %d)
      select (select count(*) from later) > %d,
             array(select l.agency_id from (select distinct agency_id from later) l
                   where exists (select 1 from @schema.agency_history o
                                 where o.agency_id = l.agency_id
                                   and o.division_code between :lowest and :highest)),
             (select coalesce(sum(agencies), 0) from @schema.division_registry
              where division_code between :lowest and :highest)"""
          .formatted(LATER_ROWS, LATER_ROWS_CAP + 1, LATER_ROWS_CAP);

  /** The statement, its instant a literal (planned with it, as CHANGED_SINCE's). */
  static Found find(
      Connection connection, String schema, Instant end, String lowest, String highest)
      throws SQLException {
    Sql sql =
        Sql.of(
            FIND.replace("@schema", schema)
                .replace(":end", "timestamptz '" + end.toString() + "'"));
    try (var s = sql.prepare(connection)) {
      s.set("lowest", lowest).set("highest", highest);
      try (var rs = s.query()) {
        rs.next();
        if (rs.getBoolean(1)) {
          return new Found(null, rs.getLong(3));
        }
        Array ids = rs.getArray(2);
        return new Found((Long[]) ids.getArray(), rs.getLong(3));
      }
    }
  }

  private static final Sql CHANGED_TABLE =
      Sql.of("create temporary table changed_agency (id bigint primary key) on commit drop");

  private static final Sql CHANGED_ROWS =
      Sql.of("insert into pg_temp.changed_agency select unnest(:ids)");

  /** The list, for the laterals (run for the changed agencies only) and {@link AsOfViews}. */
  static void list(Connection connection, Long[] changed) throws SQLException {
    try (var s = CHANGED_TABLE.prepare(connection)) {
      s.execute();
    }
    try (var s = CHANGED_ROWS.prepare(connection)) {
      s.set("ids", changed).update();
    }
  }

  // Whether anything a region's answer as of the instant is made of changed after it, reading only
  // what was written after it (by the V18 indexes on time), each row probed for an agency ever
  // placed within the region: a registration, rename, move (into the region or out of it) or
  // change of active years (agency_history); a report filed, corrected or withdrawn, in any year
  // (revision_cells; a correction of the year before flips a report's carry-over flag in place); a
  // roster change; a review entry; a report's plausibility findings changed (plausibility_history,
  // also by a neighbour's filing). When nothing did, the live tables hold the instant's answer.
  // The changes are read first (materialized; each revision's report probed by key), so that no
  // plan walks the region's agencies or the reports instead: 1 ms for 深圳市 as of today at the
  // nation's scale, 30 ms for 珠海市 as of a day after which 6,159 rows were written elsewhere.
  private static final String ANY =
      """
      with later as materialized (
      %s)
      select exists (select 1 from later l
                     where exists (select 1 from @schema.agency_history o
                                   where o.agency_id = l.agency_id
                                     and o.division_code between :lowest and :highest))"""
          .formatted(LATER_ROWS);

  /** Whether anything of the region's changed after the instant at all (the rows after it read). */
  static boolean any(
      Connection connection, String schema, Instant end, String lowest, String highest)
      throws SQLException {
    // The instant goes in as a literal, not a parameter, so that the statement is planned with it:
    // a generic plan cannot know how little was written after it, and reads the whole region
    // (4,239 agencies and 12,717 reports of 深圳市 at the nation's scale: 150 ms, against 0.2 ms).
    Sql sql =
        Sql.of(
            ANY.replace("@schema", schema).replace(":end", "timestamptz '" + end.toString() + "'"));
    try (var s = sql.prepare(connection)) {
      s.set("lowest", lowest).set("highest", highest);
      try (var rs = s.query()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }
}
