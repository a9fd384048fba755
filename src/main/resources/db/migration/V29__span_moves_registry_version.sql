-- A first report for a year before an agency's span starts moves the start (V8's report_counted),
-- so the agency is expected in the years between: their roll-ups, pages and documents count it
-- and list it as missing. Their tags are made of the registry's versions and those years' totals,
-- and neither changed, so a client holding a tag of such a year was answered 304 with the old
-- count (and the region page kept the body rendered before). The move now counts as a change of
-- the agency's division in the registry, dated by the report's first filing (the service's clock,
-- as the registry's other changes are).
create or replace function report_counted() returns trigger
language plpgsql as $$
declare
    division text;
begin
    if exists (select 1 from agency_span s
               where s.agency_id = new.agency_id and s.first_year > new.year) then
        perform agency_span_refresh(new.agency_id);
        select a.division_code into division from agency a where a.id = new.agency_id;
        perform division_registry_count(division, 0, new.first_submitted_at);
    end if;
    return new;
end $$;
