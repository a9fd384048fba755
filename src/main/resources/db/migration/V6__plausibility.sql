-- Plausibility checks (issue 16), maintained by plausibility/Plausibility in the transaction that
-- makes a revision current or withdraws it; re-evaluated when a neighbour changes (the agency's
-- next year, or another agency of the same city and year). A withdrawn report has no rows.

-- The distinct character n-grams of each current report's narrative (TextFingerprint), by city:
-- the index that finds, for one narrative, every report of its city and year sharing text with
-- it, by looking up its own n-grams (no pass over pairs of reports). The n-gram leads the key, so
-- that a lookup is a probe per n-gram whatever the statistics say about a city's year (a new
-- year has none until ANALYZE, and a (city, year) prefix would then read the whole city).
create table narrative_ngram (
    -- the agency's city (地级): the first four digits of its division, then 00
    city       text    not null,
    year       integer not null,
    ngram      integer not null,
    agency_id  bigint  not null references agency (id),
    primary key (ngram, city, year, agency_id)
);

create index narrative_ngram_agency_idx on narrative_ngram (agency_id, year);

-- What the checks found in each current report.
create table report_plausibility (
    agency_id           bigint       not null references agency (id),
    year                integer      not null,
    -- characters and distinct n-grams of the narrative left to compare
    characters          integer      not null,
    ngrams              integer      not null,
    -- TEXT_REUSE: share (0..1) found again in the agency's previous year; null without one
    previous_year_share numeric(5,4),
    -- TEXT_REUSE: the highest share found again in another report of the city and year, and whose
    same_city_share     numeric(5,4),
    same_city_agency_id bigint       references agency (id),
    -- NARRATIVE_MISMATCH and YEAR_JUMP findings ([{rule, path, expected, actual, message, quote}])
    findings            jsonb        not null,
    -- the distinct rules of findings
    rules               text[]       not null,
    primary key (agency_id, year)
);

create index report_plausibility_same_city_idx on report_plausibility (same_city_agency_id, year);

-- Grows with every change to the plausibility of a city's reports of a year (a report's own, or a
-- neighbour's re-evaluation), so that a roll-up's ETag changes with the warnings it shows. Its row
-- lock also makes the writers of one city and year take turns, as each may update the others'.
create table plausibility_version (
    city     text    not null,
    year     integer not null,
    version  bigint  not null,
    primary key (city, year)
);
