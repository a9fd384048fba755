-- V26's agency_change_noted was a SQL function called from a PL/pgSQL trigger: PostgreSQL plans a
-- SQL function's body anew on every call that it does not inline, and a filing calls it three times
-- (its revision's cells, its review entry, its plausibility row), so each filing planned the probe
-- and the insert three times. In PL/pgSQL the statements' plans are kept for the session. The probe
-- comes first and alone: on a day already kept (every filing but the agency's first of the day) it
-- is all that runs.
create or replace function agency_change_noted(agency bigint, changed timestamptz) returns void
language plpgsql as $$
declare
    changed_day date := (changed at time zone 'Asia/Shanghai')::date;
begin
    perform 1 from agency_change c where c.agency_id = agency and c.day = changed_day;
    if found then
        return;
    end if;
    insert into agency_change (division_code, day, agency_id)
    select distinct h.division_code, changed_day, agency
    from agency_history h where h.agency_id = agency
    on conflict do nothing;
end $$;
