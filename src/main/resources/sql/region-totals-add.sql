-- Adds one delta (a report's contribution, or its change) to the region_totals rows of several
-- keys, creating a row on first use, in the keys' order (the order every writer locks them in).
-- RegionTotals runs it with named parameters, once for the keys that get the same delta (a filing's
-- three or four regions of its year); bench/ loads this same file for the nation's bulk load
-- (bench/Nation.java) and the database's ceiling for filings (bench/run).
insert into region_totals as t (division_code, scope, year, shard, reports, late,
                                inconsistent, carry_over_mismatches, published_items,
                                reports_stating, trial_format_reports, cells, version,
                                updated_at)
select k.division_code, k.scope, k.year, :shard::smallint, :reports::integer, :late::integer,
       :inconsistent::integer, :carryOverMismatches::integer, :publishedItems::bigint,
       :reportsStating::integer, :trialFormatReports::integer, :cells::numeric[], 1,
       :at::timestamptz
from unnest(:divisions::text[], :scopes::text[], :years::integer[])
     with ordinality as k(division_code, scope, year, i)
order by k.i
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
