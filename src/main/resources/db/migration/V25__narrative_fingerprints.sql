-- TEXT_REUSE's same-city index, one row per report instead of one per n-gram (issue 25, import
-- jobs). V6's narrative_ngram made a lookup probe every n-gram of the narrative and visit every
-- other report holding it: a city's common sentences are held by most of its reports, so each
-- filing read about (its n-grams x the share they hold in common x the reports of the city and
-- year) rows, one heap fetch each, and a backfill of a city paid that quadratically; each filing
-- also inserted one row per n-gram into two B-trees. Now a filing writes one row, and a lookup
-- reads the city and year's rows and intersects each sorted array with the narrative's in C
-- (intarray): the same exact counts, at a few microseconds per report of the city instead of a
-- heap fetch per shared n-gram.

-- intarray in a schema of its own, off the search path: its operators on integer[] (&&, @>, <@)
-- would otherwise take the place of the built-in ones everywhere. Trusted since PostgreSQL 13:
-- the database's owner may create it. Where someone installed it before, it is moved there (it is
-- relocatable), since SameCityLookup names it by that schema.
create schema if not exists text_reuse;
do $$
begin
  if exists (select 1 from pg_extension where extname = 'intarray') then
    alter extension intarray set schema text_reuse;
  else
    create extension intarray with schema text_reuse;
  end if;
end
$$;

-- The distinct character n-grams (TextFingerprint) of each current report's narrative, ascending,
-- with the agency's city (地级). No row: nothing to compare (a narrative without text of its own).
-- A fingerprint of a few hundred n-grams is 1–3 KB: kept in the row (no TOAST), so that a lookup
-- reads the city and year's rows page by page.
create table narrative_fingerprint (
    agency_id  bigint    not null references agency (id),
    year       integer   not null,
    city       text      not null,
    ngrams     integer[] not null,
    primary key (agency_id, year)
) with (toast_tuple_target = 8160);

create index narrative_fingerprint_city_idx on narrative_fingerprint (city, year);

insert into narrative_fingerprint (agency_id, year, city, ngrams)
select agency_id, year, min(city), array_agg(ngram order by ngram)
from narrative_ngram
group by agency_id, year;

drop table narrative_ngram;
