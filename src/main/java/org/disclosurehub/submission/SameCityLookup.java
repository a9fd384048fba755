package org.disclosurehub.submission;

import java.util.ArrayList;
import java.util.List;
import org.disclosurehub.sql.Sql;
import org.disclosurehub.submission.PlausibilityStore.Shared;

/**
 * TEXT_REUSE's same-city lookup: the other reports of a city and year sharing n-grams with a
 * narrative, from {@code narrative_fingerprint} (V25). A filing looks up before it takes the city
 * and year's lock ({@code plausibility_version}), reading the year's version in the same statement,
 * and uses what it found if under the lock the version is one more (its own count): every writer of
 * the city's index of the year (filing, withdrawal, move) counts that version under the lock before
 * it writes, so nothing the lookup read has changed. Otherwise it looks up again under the lock.
 */
record SameCityLookup(
    String city, int year, long excluded, int[] ngrams, long version, List<Shared> shared) {

  /**
   * Every other agency of the city with a narrative of the year that shares n-grams with these;
   * most shared first. One row per report of the city and year, each sorted array intersected with
   * these in C (intarray's {@code &}, in schema {@code text_reuse}): exact counts, for a few
   * microseconds a report, whatever share of their text the city's reports hold in common (V6's
   * index visited a row per shared n-gram and report, which a city's common sentences made
   * quadratic over its backfill).
   */
  static final String SHARED_WITH =
      """
      with shared as materialized (
        select f.agency_id,
               text_reuse.icount(f.ngrams operator(text_reuse.&) :ngrams::integer[]) as shared
        from narrative_fingerprint f
        where f.city = :city and f.year = :year and f.agency_id <> :excluded)
      select s.agency_id, a.code, s.shared, p.ngrams
      from shared s
      join agency a on a.id = s.agency_id
      join report_plausibility p on p.agency_id = s.agency_id and p.year = :year
      where s.shared > 0
      order by s.shared desc, a.code""";

  private static final Sql SHARED = Sql.of(SHARED_WITH);

  // One statement, one snapshot: the version and what the index held at it.
  private static final Sql SHARED_AT_VERSION =
      Sql.of(
          """
          with found as ("""
              + SHARED_WITH
              + """
          )
          select (select version from plausibility_version where city = :city and year = :year),
                 f.agency_id, f.code, f.shared, f.ngrams
          from (values (1)) as one(row) left join found f on true
          order by f.shared desc, f.code""");

  /** Looks up before the city's lock, with the version of the city and year it read. */
  static SameCityLookup before(String city, int year, long excluded, int[] ngrams) {
    return PlausibilityStore.query(
        SHARED_AT_VERSION,
        rs -> {
          long version = 0;
          List<Shared> shared = new ArrayList<>();
          while (rs.next()) {
            version = rs.getLong(1);
            if (rs.getObject(2) != null) {
              shared.add(new Shared(rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getInt(5)));
            }
          }
          return new SameCityLookup(city, year, excluded, ngrams, version, List.copyOf(shared));
        },
        parameters(city, year, excluded, ngrams));
  }

  /**
   * Under the city's lock, whose version is now {@code now}: what was found before if this
   * transaction's count is the only one since, else the lookup again.
   */
  List<Shared> under(long now) {
    return now == version + 1 ? shared : sharedWith(city, year, excluded, ngrams);
  }

  /** The lookup, under the city's lock (or where none is needed). */
  static List<Shared> sharedWith(String city, int year, long excluded, int[] ngrams) {
    return PlausibilityStore.query(
        SHARED,
        rs -> {
          List<Shared> shared = new ArrayList<>();
          while (rs.next()) {
            shared.add(new Shared(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4)));
          }
          return shared;
        },
        parameters(city, year, excluded, ngrams));
  }

  private static Object[] parameters(String city, int year, long excluded, int[] ngrams) {
    return new Object[] {
      "city", city, "year", year, "excluded", excluded, "ngrams", PlausibilityStore.boxed(ngrams)
    };
  }
}
