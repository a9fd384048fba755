-- A first report for a year before an agency's span starts moves the start (V8's report_counted),
-- so the agency is expected in the years between: their roll-ups, pages and documents count it
-- and list it as missing. Their tags are made of the registry's versions and those years' totals,
-- and neither changed, so a client holding a tag of such a year was answered 304 with the old
-- count (and a region page kept what it rendered before). Such moves are now counted per division,
-- and a region's tag reads the count (StateReads). The count is sharded by agency as
-- division_agencies is (V20), so that first reports of one division's agencies, an import job's
-- workers storing a region's history, still do not wait for each other; bumping the division's
-- registry row would make them.
create table span_moves (
    division_code text     not null,
    shard         smallint not null,
    moves         bigint   not null,
    primary key (division_code, shard)
);

create or replace function report_counted() returns trigger
language plpgsql as $$
begin
    if exists (select 1 from agency_span s
               where s.agency_id = new.agency_id and s.first_year > new.year) then
        perform agency_span_refresh(new.agency_id);
        insert into span_moves as m (division_code, shard, moves)
        select a.division_code, mod(a.id, 16), 1 from agency a where a.id = new.agency_id
        on conflict (division_code, shard) do update set moves = m.moves + 1;
    end if;
    return new;
end $$;
