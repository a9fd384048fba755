-- Counts per division maintained on write (issue 17), so that a roll-up reads a few rows per
-- division instead of every agency of a province: how many agencies are expected to report for a
-- year, and which reports have plausibility warnings. Maintained by triggers, in the transaction
-- of every write to agency, report and report_plausibility, whoever writes (the service, an
-- import, a bulk load), so they cannot drift from the rows they count.

-- The span of years each agency is expected to report for, as Sql.activeIn defines it: from its
-- activeFrom, else from the year it was registered (Beijing time) or the first year it filed for
-- if that is earlier; until its activeTo (9999: open). Kept per agency so that a change can take
-- the agency out of its old count.
create table agency_span (
    agency_id     bigint  primary key,
    division_code text    not null,
    first_year    integer not null,
    last_year     integer not null
);

-- How many agencies of each division share a span: the agencies of a division expected for a
-- year are the sum over its rows with first_year <= year <= last_year.
create table division_agencies (
    division_code text    not null,
    first_year    integer not null,
    last_year     integer not null,
    agencies      integer not null check (agencies >= 0),
    primary key (division_code, first_year, last_year)
);

create function agency_span_of(which bigint) returns agency_span
language sql stable as $$
    select a.id, a.division_code,
           coalesce(a.active_from,
                    least(extract(year from a.created_at at time zone 'Asia/Shanghai')::integer,
                          (select min(f.year) from report f where f.agency_id = a.id))),
           coalesce(a.active_to, 9999)
    from agency a where a.id = which
$$;

-- Recomputes an agency's span and moves it from its old count to its new one (none: deleted).
create function agency_span_refresh(which bigint) returns void
language plpgsql as $$
declare
    old_span agency_span;
    new_span agency_span;
begin
    select * into old_span from agency_span where agency_id = which for update;
    new_span := agency_span_of(which);
    if old_span.agency_id is not null and new_span.agency_id is not null
       and (old_span.division_code, old_span.first_year, old_span.last_year)
           = (new_span.division_code, new_span.first_year, new_span.last_year) then
        return;
    end if;
    if old_span.agency_id is not null then
        update division_agencies set agencies = agencies - 1
        where division_code = old_span.division_code and first_year = old_span.first_year
          and last_year = old_span.last_year;
        delete from agency_span where agency_id = which;
    end if;
    if new_span.agency_id is not null then
        insert into division_agencies (division_code, first_year, last_year, agencies)
        values (new_span.division_code, new_span.first_year, new_span.last_year, 1)
        on conflict (division_code, first_year, last_year)
        do update set agencies = division_agencies.agencies + 1;
        insert into agency_span values (new_span.*);
    end if;
end $$;

-- The registry per division, so that a roll-up's state (its ETag and Last-Modified) reads a row
-- per division rather than every agency: how many agencies are registered there, a version that
-- grows with every change to one of them (a new name changes the missing list), and when.
create table division_registry (
    division_code text        primary key,
    agencies      integer     not null check (agencies >= 0),
    version       bigint      not null,
    changed_at    timestamptz not null
);

create function division_registry_count(division text, change integer, at timestamptz)
returns void language plpgsql as $$
begin
    update division_registry r
    set agencies = r.agencies + change, version = r.version + 1,
        changed_at = greatest(r.changed_at, at)
    where r.division_code = division;
    if not found then
        insert into division_registry as r (division_code, agencies, version, changed_at)
        values (division, change, 1, at)
        on conflict (division_code) do update set
            agencies = r.agencies + excluded.agencies,
            version = r.version + 1,
            changed_at = greatest(r.changed_at, excluded.changed_at);
    end if;
end $$;

create function agency_counted() returns trigger
language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        perform agency_span_refresh(old.id);
        perform division_registry_count(old.division_code, -1, now());
        return old;
    end if;
    perform agency_span_refresh(new.id);
    if tg_op = 'INSERT' then
        perform division_registry_count(new.division_code, 1, new.updated_at);
    elsif new.division_code <> old.division_code then
        perform division_registry_count(old.division_code, -1, new.updated_at);
        perform division_registry_count(new.division_code, 1, new.updated_at);
        update report_plausibility set division_code = new.division_code where agency_id = new.id;
    else
        perform division_registry_count(new.division_code, 0, new.updated_at);
    end if;
    return new;
end $$;

create trigger agency_counted after insert or update or delete on agency
    for each row execute function agency_counted();

-- A report row for a year before the agency's span starts moves the start (only the first filing
-- of a year inserts a report row; corrections update it).
create function report_counted() returns trigger
language plpgsql as $$
begin
    if exists (select 1 from agency_span s
               where s.agency_id = new.agency_id and s.first_year > new.year) then
        perform agency_span_refresh(new.agency_id);
    end if;
    return new;
end $$;

create trigger report_counted after insert on report
    for each row execute function report_counted();

-- The agency's division on each plausibility row, so that a region's warnings are found by an
-- index of the region's flagged rows instead of by reading every report of the region.
alter table report_plausibility add column division_code text;

update report_plausibility p set division_code = a.division_code
from agency a where a.id = p.agency_id;

alter table report_plausibility alter column division_code set not null;

create function report_plausibility_placed() returns trigger
language plpgsql as $$
begin
    new.division_code := (select a.division_code from agency a where a.id = new.agency_id);
    return new;
end $$;

create trigger report_plausibility_placed before insert or update of agency_id on report_plausibility
    for each row execute function report_plausibility_placed();

-- The rows that may have a warning (any finding, or a reuse share above 0.5: TEXT_REUSE needs one
-- above its threshold, 0.5 and 0.8 by default), by year and division. RollupQueries reads through
-- it while both reuse thresholds are at least 0.5.
create index report_plausibility_flagged_idx on report_plausibility (year, division_code)
    where rules <> '{}' or previous_year_share > 0.5 or same_city_share > 0.5;

-- The late reports of a region, which its document names one by one (with the inconsistent ones,
-- report_cells_inconsistent_idx) where it gives the other reports as counts by sub-region.
create index report_cells_late_idx on report_cells (year, division_code) where late;

-- The reports that break CARRY_OVER against the year before, which a region's page names.
create index report_cells_carry_over_idx on report_cells (year, division_code)
    where carry_over_mismatch;

-- Agencies with explicit active years: the only ones whose reports can lie outside their span
-- (a span without activeFrom starts at the first year filed for at the latest).
create index agency_bounded_idx on agency (division_code)
    where active_from is not null or active_to is not null;

-- The agencies registered before this migration.
insert into division_registry (division_code, agencies, version, changed_at)
select division_code, count(*), count(*), max(updated_at) from agency group by division_code;

insert into agency_span select (agency_span_of(a.id)).* from agency a;

insert into division_agencies (division_code, first_year, last_year, agencies)
select division_code, first_year, last_year, count(*)
from agency_span group by division_code, first_year, last_year;
