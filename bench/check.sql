-- The runner's checks of the national data (psql -v ON_ERROR_STOP=1 -f bench/check.sql):
--   1. twins: every row the API wrote for twin-nation-NNNNNN (loaded through the API with the
--      reports of the clone's prototype) equals the row bench/Nation.java wrote for nation-NNNNNN,
--      but for ids, the agency and the times;
--   2. totals: the maintained region_totals of a county, a city and the largest province equal a
--      direct SUM over the current reports (report_cells of every agency within the region).
--   3. expected: the agencies expected for the year as division_agencies counts them equal the
--      rule (Sql.activeIn) applied to every agency of the three regions.
-- Prints one line per check; a non-zero count of differences is a failure.

with pairs as (
  select c.id as clone, t.id as twin
  from agency t join agency c on c.code = substr(t.code, 6)
  where t.code like 'twin-nation-%' and c.division_code = t.division_code),
rows as (
  select p.twin as agency, 'clone' as side, r.year, r.current_revision, v.revision, v.content,
         v.content_sha256, v.violations, v.violation_count, v.author, v.reason, v.withdrawn,
         v.imported, c.division_code, c.revision as cells_revision, c.cells, c.published_items,
         c.published_on, c.late, c.violation_count as cells_violations, c.rules,
         c.carry_over_mismatch, c.format_version, l.characters, l.ngrams, l.previous_year_share,
         l.same_city_share, l.findings, l.rules as warnings,
         l.division_code as warnings_division
  from pairs p join report r on r.agency_id = p.clone
       join report_revision v on v.report_id = r.id
       join report_cells c on c.report_id = r.id
       join report_plausibility l on l.agency_id = p.clone and l.year = r.year
  union all
  select p.twin, 'twin', r.year, r.current_revision, v.revision, v.content, v.content_sha256,
         v.violations, v.violation_count, v.author, v.reason, v.withdrawn, v.imported,
         c.division_code, c.revision, c.cells, c.published_items, c.published_on, c.late,
         c.violation_count, c.rules, c.carry_over_mismatch, c.format_version, l.characters,
         l.ngrams, l.previous_year_share, l.same_city_share, l.findings, l.rules, l.division_code
  from pairs p join report r on r.agency_id = p.twin
       join report_revision v on v.report_id = r.id
       join report_cells c on c.report_id = r.id
       join report_plausibility l on l.agency_id = p.twin and l.year = r.year),
different as (
  select agency, year from (
    select agency, year, current_revision, revision, content, content_sha256, violations,
           violation_count, author, reason, withdrawn, imported, division_code, cells_revision,
           cells, published_items, published_on, late, cells_violations, rules,
           carry_over_mismatch, format_version, characters, ngrams, previous_year_share,
           same_city_share, findings, warnings, warnings_division, count(*) filter (where side = 'clone') as clones,
           count(*) filter (where side = 'twin') as twins
    from rows
    group by agency, year, current_revision, revision, content, content_sha256, violations,
             violation_count, author, reason, withdrawn, imported, division_code, cells_revision,
             cells, published_items, published_on, late, cells_violations, rules,
             carry_over_mismatch, format_version, characters, ngrams, previous_year_share,
             same_city_share, findings, warnings, warnings_division) g
  where clones <> 1 or twins <> 1)
select format('check.twins agencies=%s reports=%s differing=%s',
              (select count(*) from pairs), (select count(*) from rows where side = 'twin'),
              (select count(*) from different));

-- A region's maintained totals (the sum of its shards) against the SUM of the current reports of
-- every agency within it, cell by cell, with the counts the roll-up shows.
with regions(code, lowest, highest) as (
  values (:'county', :'county', :'county'),
         (:'city', :'city', substr(:'city', 1, 4) || '99'),
         (:'province', :'province', substr(:'province', 1, 2) || '9999')),
maintained as (
  select g.code, t.year, sum(t.reports) as reports, sum(t.late) as late,
         sum(t.inconsistent) as inconsistent, sum(t.carry_over_mismatches) as mismatches,
         sum(t.published_items) as items, sum(t.reports_stating) as stating,
         sum(t.trial_format_reports) as trial,
         (select array_agg(s order by i) from (
            select u.i, sum(u.v) as s
            from region_totals x cross join lateral unnest(x.cells) with ordinality as u(v, i)
            where x.division_code = g.code and x.scope = 'all' and x.year = t.year
            group by u.i) cells) as cells
  from regions g join region_totals t on t.division_code = g.code and t.scope = 'all'
  group by g.code, t.year),
direct as (
  select g.code, c.year, count(*) as reports, count(*) filter (where c.late) as late,
         count(*) filter (where c.violation_count > 0) as inconsistent,
         count(*) filter (where c.carry_over_mismatch) as mismatches,
         coalesce(sum(c.published_items), 0) as items, count(c.published_items) as stating,
         count(*) filter (where c.format_version = '2019') as trial,
         (select array_agg(s order by i) from (
            select u.i, sum(u.v) as s
            from report_cells x cross join lateral unnest(x.cells) with ordinality as u(v, i)
            where x.division_code between g.lowest and g.highest and x.year = c.year
            group by u.i) cells) as cells
  from regions g join report_cells c on c.division_code between g.lowest and g.highest
  group by g.code, g.lowest, g.highest, c.year)
select format('check.totals %s years=%s reports=%s differing_years=%s', m.code, count(*),
              sum(m.reports),
              count(*) filter (where d.code is null or (m.reports, m.late, m.inconsistent,
                m.mismatches, m.items, m.stating, m.trial, m.cells)
                is distinct from (d.reports, d.late, d.inconsistent, d.mismatches, d.items,
                d.stating, d.trial, d.cells)))
from maintained m left join direct d on d.code = m.code and d.year = m.year
group by m.code order by m.code;

-- The agencies expected for the year as division_agencies (V8) counts them, against the rule
-- itself (Sql.activeIn) over every agency of the region.
with regions(code, lowest, highest) as (
  values (:'county', :'county', :'county'),
         (:'city', :'city', substr(:'city', 1, 4) || '99'),
         (:'province', :'province', substr(:'province', 1, 2) || '9999')),
counted as (
  select g.code,
         (select coalesce(sum(d.agencies), 0) from division_agencies d
          where d.division_code between g.lowest and g.highest
            and d.first_year <= :year and :year <= d.last_year) as maintained,
         (select count(*) from agency a
          where a.division_code between g.lowest and g.highest
            and coalesce(a.active_from,
                         least(extract(year from a.created_at at time zone 'Asia/Shanghai')::integer,
                               (select min(f.year) from report f where f.agency_id = a.id))) <= :year
            and (a.active_to is null or :year <= a.active_to)) as direct
  from regions g)
select format('check.expected %s agencies=%s differing=%s', code, direct, abs(maintained - direct))
from counted order by code;
