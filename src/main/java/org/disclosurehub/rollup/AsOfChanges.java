package org.disclosurehub.rollup;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.disclosurehub.sql.Sql;
import org.disclosurehub.system.Clocks;

/**
 * What changed after an instant within a region, for {@link AsOfTables}: the agencies ever placed
 * within it that have a history row written after the instant (a registration, rename, move or
 * change of active years; a report filed, corrected or withdrawn; a roster change; a review entry;
 * a plausibility row rewritten, also by a neighbour's filing). Every other agency of the region
 * holds now exactly what it held then, so its live rows are its rows as of the instant: only the
 * changed ones need the history (the laterals of {@link AsOfTables}, an index probe per report),
 * the others are read from the live tables through views ({@link AsOfViews}).
 *
 * <p>They are read from V26's days of change (agency_change: an agency's Beijing days with a
 * history row, under every division it was ever placed in), for the region's divisions only, each
 * from the instant's day on: what the rest of the country wrote since is not read.
 */
final class AsOfChanges {
  private AsOfChanges() {}

  /**
   * How many of the region's days of change after the instant (an agency's day under one of its
   * divisions) are listed at most: beyond it (a region of 4,421 agencies filing for days), the list
   * would cost more than it saves and the region is rebuilt from the history instead.
   * Package-visible (not final) so that a test can cross it with a few agencies; nothing else
   * writes it.
   */
  static volatile int laterRowsCap = 50_000;

  /**
   * The share of the region's agencies (registered now) above which the region is rebuilt from the
   * history instead: most of the rebuild's per-agency work is then done anyway, and the reads
   * through the views ({@link AsOfViews}) and the list of the changed ones come on top.
   * Package-visible (not final) so that a test can make every read take either path and compare
   * them; nothing else writes it.
   */
  static volatile double rebuildShare = 0.5;

  /** The changed agencies (null: more than {@link #laterRowsCap} days of change in the region). */
  record Found(Long[] changed, long regionAgencies) {
    boolean rebuild() {
      return changed == null || changed.length > rebuildShare * regionAgencies;
    }
  }

  // The region's divisions kept in agency_change, walked one by one by its key (a skip scan: about
  // as many probes as divisions, however many days each has); each division's days from the
  // instant's (an instant is the end of a day, midnight in Beijing: the day it starts), by its key
  // too (a lateral fenced by offset 0, so that no plan scans the table instead). Then an agency of
  // the region whose row was written after the instant with nothing the history keeps (a PATCH of
  // the same name or division, or of the credit code), which still dates its division's
  // changed_at, read by a document's 数据截至 (only looked for when a division of the region changed
  // since). At most the cap and one more.
  private static final String FIND =
      """
      with recursive divisions (code) as (
        select min(division_code) from @schema.agency_change
        where division_code between :lowest and :highest
        union all
        select (select min(c.division_code) from @schema.agency_change c
                where c.division_code > d.code and c.division_code <= :highest)
        from divisions d where d.code is not null),
      later as materialized (
        select c.agency_id from divisions d
        cross join lateral (select c.agency_id from @schema.agency_change c
                            where c.division_code = d.code and c.day >= cast(:day as date)
                            offset 0) c
        union all
        select n.id from @schema.agency n
        where n.updated_at >= cast(:end as timestamptz)
          and n.division_code between :lowest and :highest
          and exists (select 1 from @schema.division_registry r
                      where r.division_code between :lowest and :highest
                        and r.changed_at >= cast(:end as timestamptz))
        limit :cap + 1)
      select (select count(*) from later) > :cap,
             array(select distinct agency_id from later),
             (select coalesce(sum(agencies), 0) from @schema.division_registry
              where division_code between :lowest and :highest)""";

  /** The statement by its cap (a literal, so that its limit is planned with it). */
  private static final Map<String, Sql> BY_SCHEMA_AND_CAP = new ConcurrentHashMap<>();

  /**
   * The changed agencies, or null when nothing of the region's changed after the instant (the live
   * tables then hold its answer). Its plan does not depend on the instant (an index probe per
   * division and day): it is prepared once per connection, not planned per read as when the list
   * read the rows after the instant from the indexes on time (1-13 ms of planning at load 25).
   */
  static Found find(
      Connection connection, String schema, Instant end, String lowest, String highest)
      throws SQLException {
    int cap = laterRowsCap;
    Sql sql =
        BY_SCHEMA_AND_CAP.computeIfAbsent(
            schema + "|" + cap,
            k -> Sql.of(FIND.replace("@schema", schema).replace(":cap", Integer.toString(cap))));
    try (var s = sql.prepare(connection)) {
      s.set("lowest", lowest)
          .set("highest", highest)
          .set("end", end)
          .set("day", end.atZone(Clocks.BEIJING).toLocalDate());
      try (var rs = s.query()) {
        rs.next();
        if (rs.getBoolean(1)) { // more than the cap: changed, and rebuilt
          return new Found(null, rs.getLong(3));
        }
        Long[] changed = (Long[]) rs.getArray(2).getArray();
        return changed.length == 0 ? null : new Found(changed, rs.getLong(3));
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
}
