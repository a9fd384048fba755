-- An as-of read lists the agencies changed after the instant (rollup/AsOfChanges) from the rows
-- written after it. A revision_cells row named only its report, so each was probed in report for
-- its agency: 3,000 probes, most of the list's 17-21 ms for a day after which 10,001 rows were
-- written in the country. A row now names its agency too, taken from the report_cells row it
-- keeps, and the index on time carries it, so those rows are read from the index alone. Rows
-- written before this migration keep no agency (the table is append-only): the list still probes
-- report for them.
alter table revision_cells add column agency_id bigint;

create or replace function revision_cells_kept() returns trigger
language plpgsql as $$
declare
    stored_at timestamptz;
    last_revision integer;
begin
    if tg_op = 'DELETE' then
        select v.submitted_at, v.revision into stored_at, last_revision
        from report_revision v where v.report_id = old.report_id
        order by v.revision desc limit 1;
        insert into revision_cells (report_id, agency_id, revision, at, withdrawn)
        values (old.report_id, old.agency_id, coalesce(last_revision, old.revision),
                coalesce(stored_at, now()), true);
        return old;
    end if;
    if tg_op = 'UPDATE' and new.revision = old.revision then
        return new;
    end if;
    select v.submitted_at into stored_at
    from report_revision v where v.report_id = new.report_id and v.revision = new.revision;
    insert into revision_cells (report_id, agency_id, revision, at, cells, published_items,
                                published_on, late, violation_count, rules, carry_over_mismatch,
                                format_version)
    values (new.report_id, new.agency_id, new.revision, coalesce(stored_at, now()), new.cells,
            new.published_items, new.published_on, new.late, new.violation_count, new.rules,
            new.carry_over_mismatch, new.format_version);
    return new;
end $$;

-- It replaces V18's index on the same keys, so filings maintain no more indexes than before.
create index revision_cells_at_agency_idx on revision_cells (at, report_id) include (agency_id);
drop index revision_cells_at_idx;
