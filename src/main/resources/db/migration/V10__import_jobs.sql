-- Import jobs (backfill package): many published reports from one ZIP archive, each file a row
-- that a worker claims with FOR UPDATE SKIP LOCKED, so that replicas share the work and a
-- restarted service resumes with the files still queued.

create table import_job (
    id            bigserial primary key,
    division_code varchar(6)  not null,
    -- running: files are queued; waiting: only files that wait for a person are left;
    -- finished: every file is decided (the archive's bytes are then dropped).
    state         text        not null default 'running'
                  check (state in ('running', 'waiting', 'finished')),
    created_by    text        not null,
    created_at    timestamptz not null,
    finished_at   timestamptz,
    archive_bytes bigint      not null,
    file_count    integer     not null
);

create table import_job_file (
    id              bigserial primary key,
    job_id          bigint      not null references import_job (id),
    position        integer     not null,
    name            text        not null,
    media_type      text,
    size            bigint      not null,
    -- The entry's bytes, kept while the file may still be read (until the job is finished), and
    -- for a duplicate, whose revision keeps the other file's bytes as its source.
    content         bytea,
    state           text        not null default 'queued'
                    check (state in ('queued', 'stored', 'unchanged', 'duplicate', 'waiting',
                                     'kept', 'refused')),
    -- Why a file waits or was refused (agency-unknown, agency-ambiguous, year-unknown,
    -- partial, conflict, not-a-report, ...), and what a person needs to decide it.
    reason          text,
    detail          jsonb,
    agency_code     text,
    -- Where the agency (or the person who chose it) came from.
    agency_from     text,
    year            integer,
    published_on    date,
    cells_read      integer,
    violation_count integer,
    -- The revision the file stored, or the one it equals (unchanged, duplicate).
    revision        integer,
    -- The person's latest decision: replace lets a conflicting file become a new revision.
    decision        text        check (decision in ('keep', 'replace')),
    processed_at    timestamptz,
    unique (job_id, position)
);

create index import_job_file_queued_idx on import_job_file (id) where state = 'queued';
create index import_job_file_job_idx on import_job_file (job_id, state);

-- Every decision a person makes on a file, with who and when (the file row keeps only the latest).
create table import_job_decision (
    id          bigserial primary key,
    file_id     bigint      not null references import_job_file (id),
    decided_by  text        not null,
    decided_at  timestamptz not null,
    agency_code text,
    year        integer,
    decision    text        check (decision in ('keep', 'replace'))
);

create index import_job_decision_file_idx on import_job_decision (file_id);
