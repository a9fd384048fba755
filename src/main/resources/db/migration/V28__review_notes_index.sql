-- The notes on warnings (review_entry rows with a rule: explained, confirmed, rejected, reopened),
-- by report and rule, newest last. A roll-up asks, for each warned report of a region, whether its
-- last note on each warning explains it (WarningReads.EXPLAINED_AT, CARRY_OVER_EXPLAINED); through
-- the (agency_id, year, seq) key that probe read back through every entry of the report, one
-- 'filed' entry per filing, to find none. Filings' entries have no rule and are not in this index,
-- so it costs them nothing. The same statements and answers; a probe per note (bench/README,
-- session 30, h30k).
create index review_entry_notes_idx on review_entry (agency_id, year, rule, seq)
    where rule is not null;
