-- Every submission in a province updates that province's totals row; one row per (region, scope,
-- year) made all writers of a province queue on one row lock until they commit. Each region's
-- totals are now split into shards (by agency id, see RegionTotals.SHARDS): a writer locks only
-- its agency's shard, and reads add up the shards as they already add up rows.
alter table region_totals add column shard smallint not null default 0;
alter table region_totals drop constraint region_totals_pkey;
alter table region_totals add primary key (division_code, scope, year, shard);

-- The whole country's state (reports.csv without a region) sums the own rows of a year range.
create index region_totals_scope_year_idx on region_totals (scope, year, division_code);

