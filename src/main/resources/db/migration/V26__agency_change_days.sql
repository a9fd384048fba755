-- An as-of read of a region lists the agencies of the region changed after the end of a day
-- (rollup/AsOfChanges). It read every history row the whole country wrote since the day (V18's and
-- V24's indexes on time), then kept the agencies ever placed within the region: 10,201 rows for 200
-- of 深圳市's agencies at the nation's scale, and past 50,000 rows (a day of heavy filing anywhere)
-- it gave up and rebuilt the region. Now each agency's days of change are kept once per division it
-- was ever placed in, so that the list reads the region's divisions only, each from its first day
-- after the instant.
--
-- A row (division, day, agency): a history row of the agency (agency_history, revision_cells,
-- roster_change, review_entry, plausibility_history) holds an instant in that Beijing day, and the
-- agency was placed in that division at some time (a row of agency_history). The history rows'
-- instants are the service's clock (as the tables keep them), not the time of the write. An
-- agency moved to a division it never had gets that division for every day already kept, so that
-- the rows are always the product of its days and its divisions, whatever the order of the writes.
create table agency_change (
    division_code text   not null,
    day           date   not null,
    agency_id     bigint not null,
    primary key (division_code, day, agency_id)
);

-- The days already kept, for an agency placed in a new division.
create index agency_change_agency_idx on agency_change (agency_id, day);

-- An agency's change on the Beijing day of an instant, under each division it was ever placed in.
-- A filing writes several history rows of one agency and day: once the day is kept under one of
-- its divisions it is kept under all of them (agency_change_placed adds a new division's days), so
-- the later rows stop at one probe of the agency's index instead of reading its divisions again.
create function agency_change_noted(agency bigint, changed timestamptz) returns void
language sql as $$
    insert into agency_change (division_code, day, agency_id)
    select distinct h.division_code, d.day, agency
    from (select (changed at time zone 'Asia/Shanghai')::date as day) d
    join agency_history h on h.agency_id = agency
    where not exists (select 1 from agency_change c where c.agency_id = agency and c.day = d.day)
    on conflict do nothing
$$;

create function agency_change_kept() returns trigger
language plpgsql as $$
begin
    if new.agency_id is not null then -- a revision_cells row written before V24 names none
        perform agency_change_noted(new.agency_id, new.at);
    end if;
    return null;
end $$;

create function agency_change_placed() returns trigger
language plpgsql as $$
begin
    -- A division new to the agency: every day already kept, under it too.
    insert into agency_change (division_code, day, agency_id)
    select distinct new.division_code, c.day, c.agency_id
    from agency_change c where c.agency_id = new.agency_id
    on conflict do nothing;
    perform agency_change_noted(new.agency_id, new.valid_from);
    return null;
end $$;

create trigger agency_change_placed after insert on agency_history
    for each row execute function agency_change_placed();
create trigger agency_change_kept after insert on revision_cells
    for each row execute function agency_change_kept();
create trigger agency_change_kept after insert on roster_change
    for each row execute function agency_change_kept();
create trigger agency_change_kept after insert on review_entry
    for each row execute function agency_change_kept();
create trigger agency_change_kept after insert on plausibility_history
    for each row execute function agency_change_kept();

-- What was written before: every agency's days of change under each of its divisions.
insert into agency_change (division_code, day, agency_id)
select distinct h.division_code, d.day, d.agency_id
from (select agency_id, (valid_from at time zone 'Asia/Shanghai')::date as day
      from agency_history
      union
      select coalesce(c.agency_id, r.agency_id), (c.at at time zone 'Asia/Shanghai')::date
      from revision_cells c left join report r on r.id = c.report_id
      union
      select agency_id, (at at time zone 'Asia/Shanghai')::date from roster_change
      union
      select agency_id, (at at time zone 'Asia/Shanghai')::date from review_entry
      union
      select agency_id, (at at time zone 'Asia/Shanghai')::date from plausibility_history) d
join (select distinct agency_id, division_code from agency_history) h
  on h.agency_id = d.agency_id;

analyze agency_change;
