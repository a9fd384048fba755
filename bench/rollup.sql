-- The SQL one uncached GET /api/v1/regions/{code}/rollups/{year} runs (RollupQueries, in the
-- order CachedRead and RollupResource run it), for pgbench -M prepared with
-- -D code=… -D scope=all -D lowest=… -D highest=… -D year=…: the database's own ceiling.
begin isolation level repeatable read read only;
select exists (select 1 from agency where division_code between :lowest and :highest), count(*), max(updated_at), (select coalesce(sum(version), 0) from region_totals where division_code = :code and scope = :scope and year between :year and :year), (select max(updated_at) from region_totals where division_code = :code and scope = :scope and year between :year and :year) from agency where division_code between :lowest and :highest;
with covered as (select * from region_totals where year = :year and division_code = :code and scope = :scope) select (select array_agg(total order by i) from (select u.i, sum(u.v) as total from covered c cross join lateral unnest(c.cells) with ordinality as u(v, i) group by u.i) cells), coalesce(sum(reports), 0), coalesce(sum(late), 0), coalesce(sum(inconsistent), 0), coalesce(sum(carry_over_mismatches), 0), coalesce(sum(published_items), 0), coalesce(sum(reports_stating), 0) from covered;
select count(*) from agency a where a.division_code between :lowest and :highest and (a.active_from is null or a.active_from <= :year) and (a.active_to is null or :year <= a.active_to);
select a.code, a.name from agency a where a.division_code between :lowest and :highest and (a.active_from is null or a.active_from <= :year) and (a.active_to is null or :year <= a.active_to) and not exists (select 1 from report_cells c where c.agency_id = a.id and c.year = :year) order by a.code;
select a.code, c.rules from report_cells c join agency a on a.id = c.agency_id where c.year = :year and c.division_code between :lowest and :highest and c.violation_count > 0 order by a.code;
rollback;
