-- The 2019 trial format (issue 12). Each current report's cells say which format's tables they
-- hold (its Table 二 decides: activeDisclosure2019 is the trial format), and each totals row
-- counts the reports in the trial format among its reports, so that a roll-up or a trend says
-- the formats of each year. The cells of the 2019 Table 二 follow the 2021 cells in the arrays
-- (RollupLayout); arrays written before are shorter, and a cell beyond their end reads as 0.
-- No report stored before has a 2019 Table 二 (the field did not exist), so the defaults are
-- right for every existing row.
alter table report_cells add column format_version text not null default '2021'
    check (format_version in ('2021', '2019'));
alter table region_totals add column trial_format_reports integer not null default 0;
