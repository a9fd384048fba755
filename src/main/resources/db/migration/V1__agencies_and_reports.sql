-- Agencies that report, by stable slug. A division code places an agency in its county,
-- city (first four digits) and province (first two digits).
create table agency (
    id            bigint generated always as identity primary key,
    code          text        not null unique check (code ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name          text        not null,
    division_code text        not null check (division_code ~ '^[1-9][0-9]{5}$'),
    credit_code   text        check (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
    active_from   integer,
    active_to     integer,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    check (active_to is null or active_from is null or active_to >= active_from)
);

-- Range scans by division: a city is [640500, 640599], a province [640000, 649999].
create index agency_division_idx on agency (division_code);

-- One row per (agency, year): which revision is current. The lock taken on this row
-- serialises corrections of one report; revisions themselves are never updated.
create table report (
    id                 bigint generated always as identity primary key,
    agency_id          bigint      not null references agency (id),
    year               integer     not null check (year >= 2008),
    current_revision   integer     not null check (current_revision >= 1),
    first_submitted_at timestamptz not null,
    unique (agency_id, year)
);

create index report_year_idx on report (year, agency_id);

-- Every revision as stored, append-only. content is the canonical report (totals computed);
-- content_sha256 is the SHA-256 of its canonical JSON text.
create table report_revision (
    id              bigint generated always as identity primary key,
    report_id       bigint      not null references report (id),
    revision        integer     not null check (revision >= 1),
    content         jsonb       not null,
    content_sha256  text        not null check (content_sha256 ~ '^[0-9a-f]{64}$'),
    violations      jsonb       not null,
    violation_count integer     not null,
    submitted_at    timestamptz not null,
    unique (report_id, revision)
);
