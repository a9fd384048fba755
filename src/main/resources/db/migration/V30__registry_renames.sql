-- A rename moves its division's registry version (V8), so that every tag covering the agency
-- changes (pages and documents show names). What a page or document reads that no name enters
-- (the sums, who was expected, the counts per division, the warnings counted, the trend) is the same
-- before and after, and is kept across tags under the registry's version less its renames
-- (StateReads.State's nameFreeKey): a rename counts in both, any other change to an agency (its
-- division, active years, a registration, a deletion) and every roster change in the version alone.
alter table division_registry add column renames bigint not null default 0;

create function division_registry_renamed(division text, at timestamptz)
returns void language plpgsql as $$
begin
    update division_registry r
    set version = r.version + 1, renames = r.renames + 1,
        changed_at = greatest(r.changed_at, at)
    where r.division_code = division;
end $$;

-- An update is a rename when nothing but the name and updated_at differs: every other column
-- compared, those a later migration adds too.
create or replace function agency_counted() returns trigger
language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        perform agency_span_refresh(old.id);
        perform division_registry_count(old.division_code, -1, now());
        return old;
    end if;
    if tg_op = 'UPDATE'
       and to_jsonb(new) - 'name' - 'updated_at' = to_jsonb(old) - 'name' - 'updated_at' then
        perform division_registry_renamed(new.division_code, new.updated_at);
        return new;
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
