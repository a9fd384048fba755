-- The statements one PUT of a new revision runs (as logged with log_statement = all during one
-- submissions request of bench/submit.lua: SubmissionService, RegionTotals, Plausibility), for
-- pgbench -M prepared: the database's own ceiling for filings, so that the JVM's share is visible.
-- -D agencies=N (bench-00000 .. N-1, as submit.lua) -D year=… -D content=<the canonical report of
-- bench-00042, jsonb> -D cells=<its cells, numeric[]> -D zeros=<the delta of a correction that
-- changes only the published-items total: 0 in every cell>.
-- Each "--@region_totals DIVISION|SCOPE" line is the service's own merge into region_totals
-- (src/main/resources/sql/region-totals-add.sql), which bench/run puts in its place with these
-- values for the service's parameters: this filing's delta (published items +1, cells :zeros).
\set n random(0, :agencies - 1)
begin;
select id as agency, division_code as division,
       case when division_code like '%00' then 0 else 1 end as county
  from agency where code = 'bench-' || lpad(:n::text, 5, '0') fetch first 1 rows only \gset
select id as report, current_revision + 1 as revision from report
  where agency_id = :agency and year = :year fetch first 1 rows only for no key update \gset
select revision, content_sha256, withdrawn from report_revision
  where report_id = :report and revision = :revision - 1;
insert into report_revision (author, content, content_sha256, imported, reason, report_id, revision,
                             submitted_at, violation_count, violations, withdrawn)
  values ('admin', :content, '0000000000000000000000000000000000000000000000000000000000000000',
          false, null, :report, :revision, now(), 0, '[]', false) returning *;
select r.id, r.first_submitted_at from agency a left join report r on r.agency_id = a.id and r.year = :year
  where a.id = :agency for no key update of a;
select report_id, division_code, revision, cells, published_items, published_on, late, violation_count,
       rules, carry_over_mismatch, year, format_version
  from report_cells where agency_id = :agency and year between :year - 1 and :year + 1;
insert into report_cells (report_id, agency_id, year, division_code, revision, cells, published_items,
                          published_on, late, violation_count, rules, carry_over_mismatch, format_version)
  values (:report, :agency, :year, :division, :revision, :cells, 100000 + :n, '2025-01-20', false, 0, '{}',
          false, '2021')
  on conflict (report_id) do update set
    division_code = excluded.division_code, revision = excluded.revision, cells = excluded.cells,
    published_items = excluded.published_items, published_on = excluded.published_on,
    late = excluded.late, violation_count = excluded.violation_count, rules = excluded.rules,
    carry_over_mismatch = excluded.carry_over_mismatch, format_version = excluded.format_version;
--@region_totals substr(:division, 1, 2) || '0000'|all
\if :county
--@region_totals substr(:division, 1, 4) || '00'|all
\endif
--@region_totals :division|all
--@region_totals :division|own
update report set agency_id = :agency, current_revision = :revision, year = :year where id = :report;
insert into plausibility_version (city, year, version)
  values (substr(:division, 1, 4) || '00', :year, 1), (substr(:division, 1, 4) || '00', :year + 1, 1)
  on conflict (city, year) do update set version = plausibility_version.version + 1;
select agency_id, same_city_share from report_plausibility where same_city_agency_id = :agency and year = :year;
delete from narrative_fingerprint where agency_id = :agency and year = :year;
select v.content::text from report r join report_revision v on v.report_id = r.id and v.revision = r.current_revision
  where r.agency_id = :agency and r.year = :year - 1 and not v.withdrawn;
insert into report_plausibility (agency_id, year, characters, ngrams, previous_year_share, same_city_share,
                                 same_city_agency_id, findings, rules)
  values (:agency, :year, 0, 0, null, null, null, '[]', '{}')
  on conflict (agency_id, year) do update set
    characters = excluded.characters, ngrams = excluded.ngrams,
    previous_year_share = excluded.previous_year_share, same_city_share = excluded.same_city_share,
    same_city_agency_id = excluded.same_city_agency_id, findings = excluded.findings, rules = excluded.rules;
select v.content::text from report r join report_revision v on v.report_id = r.id and v.revision = r.current_revision
  where r.agency_id = :agency and r.year = :year + 1 and not v.withdrawn;
select p.findings::text, p.characters, p.previous_year_share, p.same_city_share, a.code
  from report_plausibility p left join agency a on a.id = p.same_city_agency_id
  where p.agency_id = :agency and p.year = :year;
select v.content #>> '{requests,carriedForward}', (v.content #>> '{activeDisclosure,regulations,inForce}')::int,
       (v.content #>> '{activeDisclosure,normativeDocuments,inForce}')::int
  from report r join report_revision v on v.report_id = r.id and v.revision = r.current_revision
  where r.agency_id = :agency and r.year = :year - 1 and not v.withdrawn;
commit;
