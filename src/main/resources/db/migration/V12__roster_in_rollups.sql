-- The roll-ups read the roster (issue 26): who is expected for a year is the last roster_change of
-- the (agency, year) where there is one, else the agency's span (agency_span, V8). The roll-ups
-- add the roster's exceptions to V8's counts when they read them (a few rows per year: only where
-- the roster differs from the span), so no second count has to follow both tables. What the
-- database keeps here is what a roll-up's ETag is made of, and indexes for what a page lists.

-- A roster change changes its division's registry version, so that the ETag of every roll-up
-- covering the agency changes with it (as a change to the agency itself does).
create function roster_counted() returns trigger
language plpgsql as $$
begin
    perform division_registry_count(
        (select a.division_code from agency a where a.id = new.agency_id), 0, new.at);
    return new;
end $$;

create trigger roster_counted after insert on roster_change
    for each row execute function roster_counted();

-- A warning explained, confirmed, rejected or reopened changes the open and explained counts a
-- roll-up shows: its city's plausibility version (which roll-up tags include) moves with it.
create function warning_note_counted() returns trigger
language plpgsql as $$
declare
    city_code text;
begin
    select left(a.division_code, 4) || '00' into city_code from agency a where a.id = new.agency_id;
    insert into plausibility_version (city, year, version) values (city_code, new.year, 1)
    on conflict (city, year) do update set version = plausibility_version.version + 1;
    return new;
end $$;

create trigger warning_note_counted after insert on review_entry
    for each row when (new.rule is not null) execute function warning_note_counted();

-- The agencies whose span starts or ends at a year, by division: the candidates, with the
-- roster's exceptions, for "the roster changed" between two years.
create index agency_span_first_idx on agency_span (division_code, first_year);
create index agency_span_last_idx on agency_span (division_code, last_year);
