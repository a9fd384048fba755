-- A division's agencies with one span shared one division_agencies row: every agency registered
-- without reports (span from its registration year to 9999) was counted in it, and an agency's
-- first report of an earlier year (an import job's backfill) moves the agency out of it, holding
-- that row's lock until the store commits. First stores of one division took turns (bench/README,
-- import jobs, runs 3 and 5). The counts are now split into shards by agency id, as region_totals
-- is (V5): an agency is always counted in its own shard (agency id modulo 16), so each shard's
-- count stays >= 0, and the readers already add the rows of a division's spans up.
alter table division_agencies add column shard smallint not null default 0;
alter table division_agencies drop constraint division_agencies_pkey;

-- The counts as the agencies' spans give them, each in its shard (what V8 kept, redistributed).
delete from division_agencies;
insert into division_agencies (division_code, first_year, last_year, shard, agencies)
select division_code, first_year, last_year, mod(agency_id, 16), count(*)
from agency_span group by division_code, first_year, last_year, mod(agency_id, 16);

alter table division_agencies add primary key (division_code, first_year, last_year, shard);

-- V8's refresh, with the agency's shard.
create or replace function agency_span_refresh(which bigint) returns void
language plpgsql as $$
declare
    old_span agency_span;
    new_span agency_span;
    own_shard smallint := mod(which, 16);
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
          and last_year = old_span.last_year and shard = own_shard;
        delete from agency_span where agency_id = which;
    end if;
    if new_span.agency_id is not null then
        insert into division_agencies (division_code, first_year, last_year, shard, agencies)
        values (new_span.division_code, new_span.first_year, new_span.last_year, own_shard, 1)
        on conflict (division_code, first_year, last_year, shard)
        do update set agencies = division_agencies.agencies + 1;
        insert into agency_span values (new_span.*);
    end if;
end $$;
