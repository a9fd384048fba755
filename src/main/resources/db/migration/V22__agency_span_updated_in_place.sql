-- Two first reports of earlier years of one agency, stored at once (an import job's two workers),
-- both move the agency's span. V8/V20's refresh replaced the span's row (delete, then insert): the
-- second store, waiting on the row's lock, then found it deleted, took the agency for one without a
-- span and inserted a second row for it (duplicate key; the store failed). The row is now updated in
-- place, so that the waiting store reads the span the first one left and moves it from there.
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
    end if;
    if new_span.agency_id is null then
        delete from agency_span where agency_id = which;
        return;
    end if;
    insert into division_agencies (division_code, first_year, last_year, shard, agencies)
    values (new_span.division_code, new_span.first_year, new_span.last_year, own_shard, 1)
    on conflict (division_code, first_year, last_year, shard)
    do update set agencies = division_agencies.agencies + 1;
    if old_span.agency_id is not null then
        update agency_span
        set division_code = new_span.division_code, first_year = new_span.first_year,
            last_year = new_span.last_year
        where agency_id = which;
    else
        insert into agency_span values (new_span.*);
    end if;
end $$;
