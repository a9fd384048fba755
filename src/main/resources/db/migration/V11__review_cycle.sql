-- The office's annual cycle (issue 26): reviewers by region, the review of each (agency, year)
-- report, explained warnings, and the roster of who is expected to report. Every row here is
-- appended and never changed (a reviewer token's last use and revocation aside): the state of a
-- report's review is its last entry, the roster of a year its last change per agency.

-- Bearer tokens of reviewers, known only by their SHA-256, like agency tokens. A reviewer reviews
-- the agencies within its division (a city: everything in it; a province: all of it).
create table reviewer_token (
    id            bigint generated always as identity primary key,
    division_code text        not null check (division_code ~ '^[1-9][0-9]{5}$'),
    name          text        not null check (char_length(name) between 1 and 100),
    token_sha256  text        not null unique check (token_sha256 ~ '^[0-9a-f]{64}$'),
    created_at    timestamptz not null,
    last_used_at  timestamptz,
    revoked_at    timestamptz
);

-- The review of one (agency, year) report, entry by entry, numbered 1, 2, … per report: the
-- number is the review's entity tag (If-Match), so two concurrent decisions cannot both apply.
--   filed, withdrawn            — a revision became current, or the report was withdrawn
--   returned, accepted          — a reviewer's decision (reason; comments on cells or sections)
--   explained, confirmed,       — a warning (rule, path) explained by the agency or a reviewer,
--   rejected, reopened            the explanation confirmed or rejected by a reviewer, or
--                                 reopened by a correction that changed its cells
create table review_entry (
    id             bigint generated always as identity primary key,
    agency_id      bigint      not null references agency (id),
    year           integer     not null,
    seq            integer     not null check (seq >= 1),
    kind           text        not null check (kind in ('filed', 'withdrawn', 'returned', 'accepted',
                                                        'explained', 'confirmed', 'rejected',
                                                        'reopened')),
    revision       integer     not null,
    author         text        not null,
    at             timestamptz not null,
    reason         text        check (char_length(reason) <= 2000),
    -- returned: [{pointer | section, text}]
    comments       jsonb       not null default '[]',
    -- filed after an acceptance: the JSON Pointers of the cells changed since the accepted revision
    changed_cells  jsonb       not null default '[]',
    -- explained, confirmed, rejected, reopened: the warning
    rule           text,
    path           text,
    unique (agency_id, year, seq)
);

create index review_entry_year_idx on review_entry (year, agency_id);

-- Who is expected to report for a year, where it differs from (or confirms) the agency's span of
-- years (agency_span_of): each change with who, when and why; the last one per (agency, year)
-- holds.
create table roster_change (
    id                bigint generated always as identity primary key,
    agency_id         bigint      not null references agency (id),
    year              integer     not null,
    expected          boolean     not null,
    cause             text        not null check (cause in ('included', 'merged', 'abolished',
                                                            'vertical', 'not_reporting')),
    merged_into       bigint      references agency (id),
    reason            text        not null check (char_length(reason) between 1 and 2000),
    author            text        not null,
    at                timestamptz not null,
    check ((cause = 'included') = expected),
    check ((cause = 'merged') = (merged_into is not null))
);

create index roster_change_idx on roster_change (year, agency_id, id);

-- Reports filed before the cycle existed start it as filed, by whoever stored their current
-- revision.
insert into review_entry (agency_id, year, seq, kind, revision, author, at)
select r.agency_id, r.year, 1, 'filed', r.current_revision, v.author, v.submitted_at
from report r
join report_revision v on v.report_id = r.id and v.revision = r.current_revision
where not v.withdrawn;
