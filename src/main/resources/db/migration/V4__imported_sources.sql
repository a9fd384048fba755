-- Reports imported from their published text (POST /api/v1/imports?store=true): the revision is
-- marked, and the text is kept byte for byte with the media type it was sent as, so that every
-- number can be checked against what the agency published.
alter table report_revision add column imported boolean not null default false;

create table report_revision_source (
    revision_id bigint primary key references report_revision (id),
    media_type  text   not null,
    content     bytea  not null
);
