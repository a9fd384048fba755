-- A report imported from its published text that prints no date: when it was published is not
-- known, so neither is whether it was late (issue 25). Its submission day is the day it was
-- imported, not the day it was published; report_cells.late is null for it, and it is counted
-- neither late nor on time. The partial index finds those a roll-up counts as unknown.
alter table report_cells alter column late drop not null;

create index report_cells_lateness_unknown_idx on report_cells (year, division_code)
    where late is null;
