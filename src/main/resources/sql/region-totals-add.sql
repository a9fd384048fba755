-- Adds a report's contribution (a delta) to a region_totals row, creating the row on first use.
-- RegionTotals runs it with named parameters (one row per delta); bench/ loads this same file for
-- the nation's bulk load (bench/Nation.java) and the database's ceiling for filings (bench/run).
insert into region_totals as t (division_code, scope, year, shard, reports, late,
                                inconsistent, carry_over_mismatches, published_items,
                                reports_stating, trial_format_reports, cells, version,
                                updated_at)
values (:division, :scope, :year, :shard, :reports, :late, :inconsistent,
        :carryOverMismatches, :publishedItems, :reportsStating, :trialFormatReports,
        :cells, 1, :at)
on conflict (division_code, scope, year, shard) do update set
  reports = t.reports + excluded.reports,
  late = t.late + excluded.late,
  inconsistent = t.inconsistent + excluded.inconsistent,
  carry_over_mismatches = t.carry_over_mismatches + excluded.carry_over_mismatches,
  published_items = t.published_items + excluded.published_items,
  reports_stating = t.reports_stating + excluded.reports_stating,
  trial_format_reports = t.trial_format_reports + excluded.trial_format_reports,
  cells = array(select coalesce(a, 0) + coalesce(b, 0)
                from unnest(t.cells, excluded.cells) with ordinality as u(a, b, i)
                order by i),
  version = t.version + excluded.version,
  updated_at = greatest(t.updated_at, excluded.updated_at)
