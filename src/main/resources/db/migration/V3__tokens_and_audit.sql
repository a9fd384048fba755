-- Bearer tokens of agencies. Only the SHA-256 (hex) of a token is stored: the token itself is
-- shown once, when it is issued. A revoked token keeps its row, since revisions name it.
create table agency_token (
    id           bigint generated always as identity primary key,
    agency_id    bigint      not null references agency (id),
    token_sha256 text        not null unique check (token_sha256 ~ '^[0-9a-f]{64}$'),
    created_at   timestamptz not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);

create index agency_token_agency_idx on agency_token (agency_id);

-- The audit trail of every revision: who wrote it ('admin' or 'token:<agency_token.id>'), why
-- (the optional X-Change-Reason header), and whether it withdrew the report. A withdrawal is a
-- revision of its own that repeats the content it withdrew, so nothing is lost. Revisions stored
-- before this migration have no recorded author: 'unrecorded'.
alter table report_revision
    add column author    text,
    add column reason    text check (char_length(reason) <= 500),
    add column withdrawn boolean not null default false;

update report_revision set author = 'unrecorded' where author is null;

alter table report_revision
    alter column author set not null,
    add constraint report_revision_author_check
        check (author ~ '^(admin|token:[1-9][0-9]*|unrecorded)$');
