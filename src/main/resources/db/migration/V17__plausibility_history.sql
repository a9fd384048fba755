-- Warnings over time (issue 27, part 4): what the plausibility checks held for each report at an
-- instant, so that a report, a roll-up, a breakdown or a document read as of a day shows the
-- warnings of that day, not today's. report_plausibility keeps only the current row of each
-- (agency, year), rewritten in place when the report or a neighbour changes; every state it takes
-- is now appended here by a trigger, whoever writes (the service, its start-up backfill, a bulk
-- load), and never changed. Whether a warning was explained then is review_entry's (append-only
-- already, read up to the instant).

-- Every state of every report's plausibility row, from the instant it held (at), and a removed row
-- from the instant the report was withdrawn. The state at an instant T is the (agency, year)'s last
-- row with at < T (none, or removed: no warnings then).
create table plausibility_history (
    id                  bigint generated always as identity primary key,
    agency_id           bigint       not null,
    year                integer      not null,
    at                  timestamptz  not null,
    removed             boolean      not null default false,
    characters          integer,
    ngrams              integer,
    previous_year_share numeric(5,4),
    same_city_share     numeric(5,4),
    same_city_agency_id bigint,
    findings            jsonb,
    rules               text[]
);

create index plausibility_history_report_idx on plausibility_history (agency_id, year, at, id);

-- The instant of a change is the service's clock for the change that caused it (a filing, a
-- correction, a withdrawal, a move: submission/PlausibilityHistory sets hub.changed_at in the
-- writing transaction from the event's time, the time the revision or the registry keeps), else
-- the transaction's start (a start-up backfill, hand-run SQL).
create function plausibility_history_kept() returns trigger
language plpgsql as $$
declare
    changed_at timestamptz :=
        coalesce(nullif(current_setting('hub.changed_at', true), '')::timestamptz, now());
begin
    if tg_op = 'DELETE' then
        insert into plausibility_history (agency_id, year, at, removed)
        values (old.agency_id, old.year, changed_at, true);
        return old;
    end if;
    -- Only the division changed (an agency's move, V8): where a report counts as of an instant is
    -- agency_history's, not this table's.
    if tg_op = 'UPDATE'
       and (new.agency_id, new.year, new.characters, new.ngrams, new.previous_year_share,
            new.same_city_share, new.same_city_agency_id, new.findings, new.rules)
           is not distinct from
           (old.agency_id, old.year, old.characters, old.ngrams, old.previous_year_share,
            old.same_city_share, old.same_city_agency_id, old.findings, old.rules) then
        return new;
    end if;
    if tg_op = 'UPDATE' and (new.agency_id, new.year) is distinct from (old.agency_id, old.year) then
        insert into plausibility_history (agency_id, year, at, removed)
        values (old.agency_id, old.year, changed_at, true);
    end if;
    insert into plausibility_history (agency_id, year, at, characters, ngrams, previous_year_share,
                                      same_city_share, same_city_agency_id, findings, rules)
    values (new.agency_id, new.year, changed_at, new.characters, new.ngrams,
            new.previous_year_share, new.same_city_share, new.same_city_agency_id, new.findings,
            new.rules);
    return new;
end $$;

create trigger plausibility_history_kept after insert or update or delete on report_plausibility
    for each row execute function plausibility_history_kept();

-- The rows held when this migration ran. When each took its present value is not known (a
-- neighbour's filing may have changed it since its report's revision was stored): each is taken
-- to hold from the instant its report's current revision was stored, the earliest it can have.
-- A revision superseded before this migration has no row: as of a day it was current, its report
-- shows no plausibility warnings (the accounting rules, kept with the revision, are exact).
insert into plausibility_history (agency_id, year, at, characters, ngrams, previous_year_share,
                                  same_city_share, same_city_agency_id, findings, rules)
select p.agency_id, p.year, v.submitted_at, p.characters, p.ngrams, p.previous_year_share,
       p.same_city_share, p.same_city_agency_id, p.findings, p.rules
from report_plausibility p
join report r on r.agency_id = p.agency_id and r.year = p.year
join report_revision v on v.report_id = r.id and v.revision = r.current_revision;

create trigger plausibility_history_append_only
    before update or delete on plausibility_history
    for each row execute function refuse_changing_history();

create trigger plausibility_history_no_truncate
    before truncate on plausibility_history
    for each statement execute function refuse_changing_history();
