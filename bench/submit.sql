-- The statements one PUT of a new revision runs, in its order (as logged with
-- log_min_duration_statement = 0 during single submissions of bench/submit.lua, h28s 2026-12-07,
-- h28f 2026-12-07 (the outbox's read of the revision gone: the event carries it):
-- SubmissionService and RevisionRows, RegionTotals, ReviewCycle, Outbox, PlausibilityHistory,
-- Plausibility), for pgbench -M prepared: the database's own ceiling for filings, so that the JVM's
-- share is visible. Statements the service sends together in one round trip are here one after
-- the other. -D agencies=N (bench-00000 .. N-1, as submit.lua) -D year=… -D content=<the canonical
-- report of bench-00042, jsonb> -D cells=<its cells, numeric[]> -D zeros=<the delta of a
-- correction that changes only the published-items total: 0 in every cell>.
-- The "--@region_totals" line is the service's own merge into region_totals
-- (src/main/resources/sql/region-totals-add.sql), which bench/run puts in its place with the keys
-- it names ("DIVISION|SCOPE & ...", in the service's key order) and these values for the service's
-- parameters: this filing's delta (published items +1, cells :zeros).
\set n random(0, :agencies - 1)
begin;
select id as agency, division_code as division,
       case when division_code like '%00' then 0 else 1 end as county
  from agency where code = 'bench-' || lpad(:n::text, 5, '0') \gset
select 1 from report where agency_id = :agency and year = :year for update;
select r.id as report, r.current_revision + 1 as revision
  from report r join report_revision v on v.report_id = r.id and v.revision = r.current_revision
  where r.agency_id = :agency and r.year = :year \gset
with r as (update report set current_revision = :revision where id = :report returning id),
     v as (insert into report_revision (report_id, revision, content, content_sha256, violations,
                                        violation_count, submitted_at, author, reason, withdrawn,
                                        imported)
           select r.id, :revision, cast(:content as jsonb),
                  '0000000000000000000000000000000000000000000000000000000000000000',
                  cast('[]' as jsonb), 0, now(), 'admin', null, false, false
           from r returning id),
     s as (insert into report_revision_source (revision_id, media_type, content)
           select v.id, cast(null as text), cast(null as bytea) from v where false)
select r.id from r;
select id from agency where id = :agency for no key update;
select c.report_id, c.division_code, c.revision, c.cells, c.published_items, c.published_on,
       c.late, c.violation_count, c.rules, c.carry_over_mismatch, c.year, c.format_version,
       r.id, r.first_submitted_at
  from agency a
  left join report r on r.agency_id = a.id and r.year = :year
  left join report_cells c on c.agency_id = a.id and c.year between :year - 1 and :year + 1
  where a.id = :agency;
insert into report_cells (report_id, agency_id, year, division_code, revision, cells, published_items,
                          published_on, late, violation_count, rules, carry_over_mismatch, format_version)
  values (:report, :agency, :year, :division, :revision, :cells, 100000 + :n, '2025-01-20', false, 0, '{}',
          false, '2021')
  on conflict (report_id) do update set
    division_code = excluded.division_code, revision = excluded.revision, cells = excluded.cells,
    published_items = excluded.published_items, published_on = excluded.published_on,
    late = excluded.late, violation_count = excluded.violation_count, rules = excluded.rules,
    carry_over_mismatch = excluded.carry_over_mismatch, format_version = excluded.format_version;
\if :county
--@region_totals substr(:division, 1, 2) || '0000'|all & substr(:division, 1, 4) || '00'|all & :division|all & :division|own
\else
--@region_totals substr(:division, 1, 2) || '0000'|all & :division|all & :division|own
\endif
select pg_advisory_xact_lock(:agency * 10000 + :year);
insert into review_entry (agency_id, year, seq, kind, revision, author, at)
  select :agency, :year, coalesce(max(e.seq), 0) + 1, 'filed', :revision, 'admin', now()
  from review_entry e
  where e.agency_id = :agency and e.year = :year
  having not coalesce(bool_or(e.kind = 'accepted' or e.rule is not null), false)
  returning seq;
with e as (insert into hub_event (type, division_code, report_key, at, payload)
           values ('report.corrected', :division::text, 'bench-' || lpad(:n::text, 5, '0') || '/' || :year::text,
                   now(), cast('{"type":"report.corrected","timestamp":"2026-12-07T16:43:04.070Z","data":{"agency":"bench-'
                   || lpad(:n::text, 5, '0') || '","agencyName":"基准测试机关","divisionCode":"' || :division::text
                   || '","year":' || :year::text || ',"revision":' || :revision::text
                   || ',"kind":"corrected","author":"admin","reason": null,"at":"2026-12-07T16:43:04.070Z","contentSha256":"0257fe845f41d29111b719c6e8b623ff5ccc40b7da69a1b889fb569a2b79b2f7","violationCount":0,"links":{"report":"/api/v1/agencies/bench-00005/reports/2024","revision":"/api/v1/agencies/bench-00005/reports/2024/revisions/2","content":"/api/v1/agencies/bench-00005/reports/2024/revisions/2/content"}}}'
                   as jsonb))
           returning id),
     d as (insert into webhook_delivery (subscription_id, event_id, report_key, next_attempt_at)
           select s.id, e.id, 'bench-' || lpad(:n::text, 5, '0') || '/' || :year::text, now()
           from e, webhook_subscription s
           where s.state <> 'deleted' and :division::text between s.lowest and s.highest
             and (not false or s.region_code = :division::text)
           returning 1)
select id, (select count(*) from d) as deliveries from e;
select set_config('hub.changed_at', cast(now() as timestamptz)::text, true);
select (select v.content::text from report r
        join report_revision v on v.report_id = r.id and v.revision = r.current_revision
        where r.agency_id = :agency and r.year = :year - 1 and not v.withdrawn),
       (select v.content::text from report r
        join report_revision v on v.report_id = r.id and v.revision = r.current_revision
        where r.agency_id = :agency and r.year = :year + 1 and not v.withdrawn),
       exists (select 1 from narrative_fingerprint where agency_id = :agency and year = :year);
insert into plausibility_version (city, year, version) values (substr(:division, 1, 4) || '00', :year, 1)
  on conflict (city, year) do update set version = plausibility_version.version + 1
  returning year, version;
insert into report_plausibility (agency_id, year, characters, ngrams, previous_year_share, same_city_share,
                                 same_city_agency_id, findings, rules)
  values (:agency, :year, 0, 0, null, null, null,
          cast('[{"rule":"YEAR_JUMP","path":"/publishedItems/total","expected":">= 127, <= 3175","actual":"777005","message":"主动公开政府信息 条数 is 777005, 1223.6× the previous year''s 635; more than 5× up or down is unusual, check the row and the unit"}]' as jsonb),
          '{YEAR_JUMP}')
  on conflict (agency_id, year) do update set
    characters = excluded.characters, ngrams = excluded.ngrams,
    previous_year_share = excluded.previous_year_share, same_city_share = excluded.same_city_share,
    same_city_agency_id = excluded.same_city_agency_id, findings = excluded.findings, rules = excluded.rules;
commit;
