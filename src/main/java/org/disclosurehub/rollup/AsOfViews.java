package org.disclosurehub.rollup;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.disclosurehub.sql.Sql;

/**
 * The fast path of an {@code asOf} read ({@link AsOfTables}, when {@link AsOfChanges} listed the
 * agencies changed since the instant): the tables the laterals filled for the changed agencies
 * become {@code *_then}, and views under the names the reads use add the live rows of every other
 * agency of the region, which are their rows then. Nothing is copied, so the read costs what the
 * changes cost, not what the region holds: a view's rows are read only when a statement reads them,
 * through the live tables' indexes. Each view keeps to the rows the rebuild would hold (the
 * region's agencies, the years asked for, what was written before the instant), so that both answer
 * alike. The views go with the transaction, which is always rolled back.
 */
final class AsOfViews {
  private AsOfViews() {}

  /**
   * The live registry rows of the region's agencies not changed since, copied next to the changed
   * ones' rows then (a few narrow rows per agency, which the reads' subqueries probe by key, so
   * better a table with statistics than a view): each agency dated by its last history row, as the
   * rebuild dates it (the live updated_at also moves with a PATCH that changes nothing the history
   * keeps, and the registry's changed_at made of it is a document's 数据截至); and their reports.
   */
  static final String KEPT_AGENCIES =
      """
      insert into pg_temp.agency (id, code, name, division_code, active_from, active_to,
                                  created_at, updated_at)
      select a.id, a.code, a.name, a.division_code, a.active_from, a.active_to, a.created_at,
             (select max(h.valid_from) from @schema.agency_history h where h.agency_id = a.id)
      from @schema.agency a
      where a.division_code between :lowest and :highest and %s"""
          .formatted(unchanged("a.id"));

  static final String KEPT_REPORTS =
      """
      insert into pg_temp.report (id, agency_id, year, current_revision, first_submitted_at)
      select r.id, r.agency_id, r.year, r.current_revision, r.first_submitted_at
      from @schema.agency a
      cross join lateral (select * from @schema.report r where r.agency_id = a.id offset 0) r
      where a.division_code between :lowest and :highest and %s"""
          .formatted(unchanged("a.id"));

  /** The tables of cells and findings filled for the changed agencies, and the views over them. */
  private static final String VIEWS =
      """
      alter table pg_temp.report_cells rename to report_cells_then;
      alter table pg_temp.report_plausibility rename to report_plausibility_then;
      create temporary view report_cells as
        select l.* from @schema.report_cells l
        where l.division_code between @lowest and @highest and l.year between @from and @to
          and %1$s
        union all select * from pg_temp.report_cells_then;
      create temporary view report_plausibility as
        select p.* from @schema.report_plausibility p
        join @schema.report_cells l on l.agency_id = p.agency_id and l.year = p.year
        where l.division_code between @lowest and @highest and l.year between @from and @to
          and %1$s
        union all select * from pg_temp.report_plausibility_then;
      create temporary view roster_change as
        select c.* from @schema.roster_change c
        where c.at < @end and exists (select 1 from pg_temp.agency a where a.id = c.agency_id);
      create temporary view review_entry as
        select e.* from @schema.review_entry e
        where e.at < @end and e.year between @from - 1 and @to + 1
          and exists (select 1 from pg_temp.agency a where a.id = e.agency_id)"""
          .formatted(unchanged("l.agency_id"));

  private static String unchanged(String id) {
    return "not exists (select 1 from pg_temp.changed_agency x where x.id = " + id + ")";
  }

  /** The tables' statistics (the cells' and findings' of the changed agencies only). */
  static final String ANALYZE =
      """
      analyze pg_temp.report_cells_then (report_id, agency_id, year, division_code),
              pg_temp.report_plausibility_then (agency_id, year, division_code),
              pg_temp.agency_span, pg_temp.changed_agency""";

  /**
   * Renames the changed agencies' tables and creates the views over them and the live tables, in
   * one round trip. DDL takes no parameters: the instant, the codes and the years go in as
   * literals.
   */
  static void create(
      Connection connection,
      String schema,
      Instant end,
      String lowest,
      String highest,
      int fromYear,
      int toYear)
      throws SQLException {
    String text =
        VIEWS
            .replace("@schema", schema)
            .replace("@lowest", literal(lowest))
            .replace("@highest", literal(highest))
            .replace("@from", Integer.toString(fromYear))
            .replace("@to", Integer.toString(toYear))
            .replace("@end", "timestamptz " + literal(end.toString()));
    try (var s = Sql.of(text).prepare(connection)) {
      s.execute();
    }
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
