-- Roll-ups by region (issue 3). Both tables are maintained by RegionTotals in the transaction
-- that makes a revision current (or withdraws it), so they can never drift from the reports.

-- The numeric cells of each report's current revision, in ReportLayout.CELLS order (Tables 二,
-- 三, 四; numeric so that feesAmount in 万元 keeps every decimal), with the facts the per-agency
-- breakdown, completeness and consistency need. A report that is withdrawn has no row.
create table report_cells (
    report_id             bigint      primary key references report (id),
    agency_id             bigint      not null references agency (id),
    year                  integer     not null,
    -- the agency's division when the row was written; moved along when the agency moves
    division_code         text        not null,
    revision              integer     not null,
    cells                 numeric[]   not null,
    -- publishedItems.total when the report states it
    published_items       bigint,
    published_on          date,
    -- published (publishedOn, else first submission) after 31 January of year + 1, Beijing time
    late                  boolean     not null,
    violation_count       integer     not null,
    -- the distinct ids of the blocking rules the report was accepted despite
    rules                 text[]      not null,
    -- CARRY_OVER fails against the same agency's current report of year - 1
    carry_over_mismatch   boolean     not null,
    unique (agency_id, year)
);

-- A region's reports of a year: a range scan (a city is [640500, 640599]).
create index report_cells_region_idx on report_cells (year, division_code);

-- Sums per (division, year) over the report_cells rows of agencies whose division is exactly
-- division_code. A roll-up of a city or province adds the few rows of its range. version grows
-- with every change, so the sum of versions over a range identifies the data a roll-up covers.
create table region_totals (
    division_code         text        not null,
    year                  integer     not null,
    reports               integer     not null default 0,
    late                  integer     not null default 0,
    inconsistent          integer     not null default 0,
    carry_over_mismatches integer     not null default 0,
    published_items       bigint      not null default 0,
    reports_stating       integer     not null default 0,
    cells                 numeric[]   not null,
    version               bigint      not null default 0,
    updated_at            timestamptz not null,
    primary key (year, division_code)
);

-- Trends read one division range over several years.
create index region_totals_division_idx on region_totals (division_code, year);
