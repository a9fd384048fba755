package org.disclosurehub.rollup;

/**
 * The region_totals rows of an {@code asOf} read ({@link AsOfTables}): the counts grouped from the
 * region's cells then, and the summed cells as the live totals less what the reports changed since
 * contribute now plus what they contributed then.
 */
final class AsOfTotals {
  private AsOfTotals() {}

  // The region_totals rows the reads use, as RegionTotals keeps them (in one shard): each
  // division's own counts and the region's all. Their cells are filled by CELLS_OF below, and only
  // for the region's own code (no read sums another division's own cells).
  private static final String TOTALS =
      """
      insert into pg_temp.region_totals (division_code, scope, year, shard, reports, late,
                                         inconsistent, carry_over_mismatches, published_items,
                                         reports_stating, trial_format_reports, cells, version,
                                         updated_at)
      select %1$s, '%2$s', g.year, 0, count(*), count(*) filter (where g.late),
             count(*) filter (where g.violation_count > 0),
             count(*) filter (where g.carry_over_mismatch),
             coalesce(sum(g.published_items), 0), count(g.published_items),
             count(*) filter (where g.format_version = '2019'), array[]::numeric[], 0, :end
      from pg_temp.report_cells g
      where g.division_code between :lowest and :highest and g.year between :fromYear and :toYear
      group by 1, 3""";

  static final String OWN_TOTALS = TOTALS.formatted("g.division_code", "own");

  static final String ALL_TOTALS = TOTALS.formatted("cast(:code as text)", "all");

  // A region's cells then, from its kept totals now (their shards) less what the reports changed
  // since contribute now, plus what they contributed then: the work grows with the changes since
  // the instant, not with the region's reports. A report changed since is one whose row now and
  // row then differ in revision, division or carry-over flag (or exist on one side only). When the
  // changed agencies are listed, only their rows are compared (%1$s), with their rows then (%2$s).
  static final String CELLS_OF =
      """
      update pg_temp.region_totals r set cells = s.cells
      from (select year, array_agg(total order by i) as cells
            from (select year, i, sum(v) as total
                  from (select t.year, u.i, u.v
                        from @schema.region_totals t
                        cross join lateral unnest(t.cells) with ordinality as u(v, i)
                        where t.division_code = :code and t.scope = :scope
                          and t.year between :fromYear and :toYear
                        union all
                        select l.year, u.i, -u.v
                        from @schema.report_cells l
                        cross join lateral unnest(l.cells) with ordinality as u(v, i)
                        where l.year between :fromYear and :toYear
                          and l.division_code between :low and :high %1$s
                          and not exists (select 1 from pg_temp.%2$s t
                                          where t.agency_id = l.agency_id and t.year = l.year
                                            and t.report_id = l.report_id
                                            and t.revision = l.revision
                                            and t.division_code = l.division_code
                                            and t.carry_over_mismatch = l.carry_over_mismatch)
                        union all
                        select t.year, u.i, u.v
                        from pg_temp.%2$s t
                        cross join lateral unnest(t.cells) with ordinality as u(v, i)
                        where t.division_code between :low and :high
                          and not exists (select 1 from @schema.report_cells l
                                          where l.report_id = t.report_id
                                            and l.revision = t.revision
                                            and l.division_code = t.division_code
                                            and l.carry_over_mismatch = t.carry_over_mismatch)) x
                  group by year, i) y
            group by year) s
      where r.division_code = :code and r.scope = :scope and r.year = s.year""";

  static final String OF_CHANGED =
      "and exists (select 1 from pg_temp.changed_agency x where x.id = l.agency_id)";
}
