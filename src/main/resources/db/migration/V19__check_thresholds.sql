-- The TEXT_REUSE thresholds over time (issue 27, part 4). A report's shares are stored; whether a
-- share is a warning is judged when read, by the thresholds configured (hub.checks.*). A read as of
-- a day is judged by the thresholds in force at the end of that day, so that an answer served as
-- immutable stays what the service published then when the configuration changes later. Each
-- start of the service appends its configuration here when it differs from the row in force
-- (system/CheckThresholds); rows are never changed. Before the first row, the configuration of
-- the running service is the only one known.
create table check_thresholds (
    id                   bigint generated always as identity primary key,
    valid_from           timestamptz      not null,
    previous_year_reuse  double precision not null,
    same_city_reuse      double precision not null,
    reuse_min_characters integer          not null
);

create index check_thresholds_valid_from_idx on check_thresholds (valid_from, id);

create trigger check_thresholds_append_only
    before update or delete on check_thresholds
    for each row execute function refuse_changing_history();
