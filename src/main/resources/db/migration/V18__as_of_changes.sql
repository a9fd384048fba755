-- As published on a date, at the cost of a live read (issue 27, part 4): an as-of read first asks
-- whether anything its region's answer depends on changed after the day; when nothing did, the
-- live tables hold that day's answer and nothing is rebuilt from the history. That question reads
-- only what was written after the instant: each history by time, with the agency (or report) it
-- concerns in the index, so that the rows after the instant are read from the index alone.
create index agency_history_valid_from_idx on agency_history (valid_from, agency_id);
create index revision_cells_at_idx on revision_cells (at, report_id);
create index roster_change_at_idx on roster_change (at, agency_id);
create index review_entry_at_idx on review_entry (at, agency_id);
create index plausibility_history_at_idx on plausibility_history (at, agency_id);
