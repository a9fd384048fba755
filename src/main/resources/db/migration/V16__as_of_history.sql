-- As published on a date (issue 27, part 4): what the service held at the end of a day. The
-- revisions themselves are append-only (V9), but the registry (agency: renamed, moved, its active
-- years changed in place) and a revision's summed cells (report_cells: only the current revision)
-- were not kept over time. Both are now appended to, by triggers, whoever writes (the service, an
-- import, a bulk load), and never changed.

-- Every state of every agency, from the instant it held (valid_from: the agency's created_at, then
-- its updated_at at each change, as the service's clock set them). The state at an instant T is
-- the agency's last row with valid_from <= T. Agencies registered before this migration have one
-- row, their state when it ran, from their registration: a move or a rename made before it was
-- not kept, so an as-of answer places them where they were when this history began.
create table agency_history (
    id            bigint generated always as identity primary key,
    agency_id     bigint      not null,
    code          text        not null,
    name          text        not null,
    division_code text        not null,
    active_from   integer,
    active_to     integer,
    created_at    timestamptz not null,
    valid_from    timestamptz not null,
    deleted       boolean     not null default false
);

-- An as-of read finds the agencies that were ever within a region (a range of division codes),
-- then each one's last row before the instant.
create index agency_history_division_idx on agency_history (division_code, agency_id);
create index agency_history_agency_idx on agency_history (agency_id, valid_from, id);

create function agency_history_kept() returns trigger
language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        insert into agency_history (agency_id, code, name, division_code, active_from, active_to,
                                    created_at, valid_from, deleted)
        values (old.id, old.code, old.name, old.division_code, old.active_from, old.active_to,
                old.created_at, greatest(now(), old.updated_at), true);
        return old;
    end if;
    if tg_op = 'UPDATE'
       and (new.code, new.name, new.division_code, new.active_from, new.active_to)
           is not distinct from
           (old.code, old.name, old.division_code, old.active_from, old.active_to) then
        return new;
    end if;
    insert into agency_history (agency_id, code, name, division_code, active_from, active_to,
                                created_at, valid_from)
    values (new.id, new.code, new.name, new.division_code, new.active_from, new.active_to,
            new.created_at, case when tg_op = 'INSERT' then new.created_at else new.updated_at end);
    return new;
end $$;

create trigger agency_history_kept after insert or update or delete on agency
    for each row execute function agency_history_kept();

insert into agency_history (agency_id, code, name, division_code, active_from, active_to,
                            created_at, valid_from)
select id, code, name, division_code, active_from, active_to, created_at, created_at from agency;

-- Every report_cells row a revision made current, from the instant the revision was stored (its
-- submitted_at), and a withdrawn row from the instant of the withdrawal. The cells current at T are
-- a report's last row with at <= T (none, or withdrawn: no report then). A report_cells row updated
-- without a new revision (an agency's move, the carry-over flag flipped by the year before's
-- correction) adds nothing: where a report counts as of T is where its agency was at T
-- (agency_history), and the carry-over flag is the one its revision was stored with.
create table revision_cells (
    id                  bigint generated always as identity primary key,
    report_id           bigint      not null,
    revision            integer     not null,
    at                  timestamptz not null,
    withdrawn           boolean     not null default false,
    cells               numeric[],
    published_items     bigint,
    published_on        date,
    late                boolean,
    violation_count     integer,
    rules               text[],
    carry_over_mismatch boolean,
    format_version      text
);

create index revision_cells_report_idx on revision_cells (report_id, at, id);

create function revision_cells_kept() returns trigger
language plpgsql as $$
declare
    stored_at timestamptz;
    last_revision integer;
begin
    if tg_op = 'DELETE' then
        select v.submitted_at, v.revision into stored_at, last_revision
        from report_revision v where v.report_id = old.report_id
        order by v.revision desc limit 1;
        insert into revision_cells (report_id, revision, at, withdrawn)
        values (old.report_id, coalesce(last_revision, old.revision), coalesce(stored_at, now()),
                true);
        return old;
    end if;
    if tg_op = 'UPDATE' and new.revision = old.revision then
        return new;
    end if;
    select v.submitted_at into stored_at
    from report_revision v where v.report_id = new.report_id and v.revision = new.revision;
    insert into revision_cells (report_id, revision, at, cells, published_items, published_on, late,
                                violation_count, rules, carry_over_mismatch, format_version)
    values (new.report_id, new.revision, coalesce(stored_at, now()), new.cells,
            new.published_items, new.published_on, new.late, new.violation_count, new.rules,
            new.carry_over_mismatch, new.format_version);
    return new;
end $$;

create trigger revision_cells_kept after insert or update or delete on report_cells
    for each row execute function revision_cells_kept();

-- The current revisions stored before this migration. A revision superseded or withdrawn before it
-- has no row: as of a day when such a revision was current, the report counts with the revision
-- that is current now if that one was stored by then, and not at all otherwise.
insert into revision_cells (report_id, revision, at, cells, published_items, published_on, late,
                            violation_count, rules, carry_over_mismatch, format_version)
select c.report_id, c.revision, v.submitted_at, c.cells, c.published_items, c.published_on, c.late,
       c.violation_count, c.rules, c.carry_over_mismatch, c.format_version
from report_cells c
join report_revision v on v.report_id = c.report_id and v.revision = c.revision;

create trigger agency_history_append_only
    before update or delete on agency_history
    for each row execute function refuse_changing_history();

create trigger revision_cells_append_only
    before update or delete on revision_cells
    for each row execute function refuse_changing_history();
