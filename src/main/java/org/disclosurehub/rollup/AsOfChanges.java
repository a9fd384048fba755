package org.disclosurehub.rollup;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.disclosurehub.sql.Sql;

/**
 * What changed after an instant within a region, for {@link AsOfTables}: the agencies ever placed
 * within it that have a history row written after the instant (a registration, rename, move or
 * change of active years; a report filed, corrected or withdrawn; a roster change; a review entry;
 * a plausibility row rewritten, also by a neighbour's filing). Every other agency of the region
 * holds now exactly what it held then, so its live rows are its rows as of the instant: only the
 * changed ones need the history (the laterals of {@link AsOfTables}, an index probe per report),
 * the others are copied from the live tables by an index range scan ({@link #KEPT}).
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
   * history instead: the copy of the others is then small and the list of the changed ones large,
   * so that the gain is under half of the rebuild's per-agency work and the list's cost comes on
   * top. Package-visible (not final) so that a test can make every read take either path and
   * compare them; nothing else writes it.
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
  // asks for one.
  private static final String LATER_ROWS =
      """
        select n.agency_id from @schema.agency_history n where n.valid_from >= :end
        union all
        select (select n.agency_id from @schema.report n where n.id = c.report_id)
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
  // then those of agencies ever placed within the region, and the region's agencies now.
  private static final String FIND =
      """
      with later as materialized (
      %s
        limit %d)
      select (select count(*) from later) > %d,
             array(select distinct l.agency_id from later l
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

  /** The list, for {@link #KEPT} and the laterals, run for the changed agencies only. */
  static void list(Connection connection, Long[] changed) throws SQLException {
    try (var s = CHANGED_TABLE.prepare(connection)) {
      s.execute();
    }
    try (var s = CHANGED_ROWS.prepare(connection)) {
      s.set("ids", changed).update();
    }
  }

  private static final String UNCHANGED =
      "not exists (select 1 from pg_temp.changed_agency x" + " where x.id = %s)";

  /**
   * The live rows of the agencies not changed since, into the tables the laterals filled for the
   * changed ones: the same columns the history gives (an agency's updated_at is the valid_from of
   * its last history row, as the rebuild has it: the live one also moves with a PATCH that changes
   * nothing the history keeps, and the registry's changed_at made of it is a document's 数据截至), the
   * cells of the years asked for, the warnings of the reports copied.
   */
  static final String[] KEPT = {
    """
    insert into pg_temp.agency (id, code, name, division_code, active_from, active_to, created_at,
                                updated_at)
    select a.id, a.code, a.name, a.division_code, a.active_from, a.active_to, a.created_at,
           (select max(h.valid_from) from @schema.agency_history h where h.agency_id = a.id)
    from @schema.agency a
    where a.division_code between :lowest and :highest and %s"""
        .formatted(UNCHANGED.formatted("a.id")),
    """
    insert into pg_temp.report (id, agency_id, year, current_revision, first_submitted_at)
    select r.id, r.agency_id, r.year, r.current_revision, r.first_submitted_at
    from @schema.agency a
    cross join lateral (select * from @schema.report r where r.agency_id = a.id offset 0) r
    where a.division_code between :lowest and :highest and %s"""
        .formatted(UNCHANGED.formatted("a.id")),
    """
    insert into pg_temp.report_cells (report_id, agency_id, year, division_code, revision, cells,
                                      published_items, published_on, late, violation_count, rules,
                                      carry_over_mismatch, format_version)
    select l.report_id, l.agency_id, l.year, l.division_code, l.revision, l.cells,
           l.published_items, l.published_on, l.late, l.violation_count, l.rules,
           l.carry_over_mismatch, l.format_version
    from @schema.report_cells l
    where l.division_code between :lowest and :highest and l.year between :fromYear and :toYear
      and %s"""
        .formatted(UNCHANGED.formatted("l.agency_id")),
    """
    insert into pg_temp.report_plausibility (agency_id, year, characters, ngrams,
                                             previous_year_share, same_city_share,
                                             same_city_agency_id, findings, rules, division_code)
    select p.agency_id, p.year, p.characters, p.ngrams, p.previous_year_share, p.same_city_share,
           p.same_city_agency_id, p.findings, p.rules, c.division_code
    from pg_temp.report_cells c
    join @schema.report_plausibility p on p.agency_id = c.agency_id and p.year = c.year
    where %s"""
        .formatted(UNCHANGED.formatted("c.agency_id"))
  };

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

  /** Copies the live rows of the agencies unchanged since ({@link #KEPT}, in order). */
  static void copyKept(
      Connection connection, List<Sql> kept, String lowest, String highest, int from, int to)
      throws SQLException {
    for (int i = 0; i < kept.size(); i++) {
      try (var s = kept.get(i).prepare(connection)) {
        if (i < 3) {
          s.set("lowest", lowest).set("highest", highest);
        }
        if (i == 2) {
          s.set("fromYear", from).set("toYear", to);
        }
        s.update();
      }
    }
  }
}
