-- Import job files (issue 25, issue 24).

-- agency_from is one of a closed set (title, metadata, signature, file name, person), as the API
-- enumerates it; who chose the agency is in the file's decisions already.
update import_job_file set agency_from = 'person' where agency_from like 'chosen by %';

-- The order workers claim a job's files in: the archive's order scrambled (jobs still in the order
-- they came). Archives list an agency's years, or a year's agencies, one after the other; claimed
-- in that order, the workers would take files of one agency (or one city and year) at the same
-- time and wait for each other's locks.
alter table import_job_file add column claim_order bigint;
update import_job_file set claim_order = id;
alter table import_job_file alter column claim_order set not null;
drop index import_job_file_queued_idx;
create index import_job_file_queued_idx on import_job_file (claim_order) where state = 'queued';
