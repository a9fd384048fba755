-- Revisions and the imported texts they were read from are the audit trail: a correction or a
-- withdrawal adds a revision, nothing ever changes or removes one (issue 22). The service never
-- updates or deletes these rows; the database now refuses it to anyone, the service's user and a
-- superuser alike (a trigger binds every role; privileges would not bind the owner). TRUNCATE is
-- refused too. A future migration that must repair a row says so explicitly:
--   alter table report_revision disable trigger report_revision_append_only; ... enable ...
-- Flyway's clean (the tests' clean-at-start) drops the tables whole and is not affected.
create function refuse_changing_history() returns trigger
    language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op
        using errcode = 'insufficient_privilege',
              hint = 'A correction or withdrawal is a new revision';
end;
$$;

create trigger report_revision_append_only
    before update or delete on report_revision
    for each row execute function refuse_changing_history();

create trigger report_revision_no_truncate
    before truncate on report_revision
    for each statement execute function refuse_changing_history();

create trigger report_revision_source_append_only
    before update or delete on report_revision_source
    for each row execute function refuse_changing_history();

create trigger report_revision_source_no_truncate
    before truncate on report_revision_source
    for each statement execute function refuse_changing_history();
