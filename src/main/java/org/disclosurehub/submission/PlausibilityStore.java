package org.disclosurehub.submission;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.disclosurehub.report.PlausibilityChecks;
import org.disclosurehub.sql.Sql;

/**
 * The statements of {@link Plausibility}: {@code report_plausibility} (what the checks found in
 * each current report), {@code narrative_fingerprint} (each narrative's n-grams, by city and year)
 * and {@code plausibility_version} (the counters roll-up tags include). Typed rows only; what to
 * write is decided in Plausibility. Runs on the writing transaction's connection, after the
 * entities' pending changes are flushed (as the native queries it replaces did).
 */
final class PlausibilityStore {
  private PlausibilityStore() {}

  /** What was stored for a report: findings (JSON), characters, the shares and the closest. */
  record Stored(
      String findings,
      int characters,
      BigDecimal previousYearShare,
      BigDecimal sameCityShare,
      String sameCityAgency) {}

  /**
   * Another agency's report sharing {@code shared} n-grams with a narrative; it has {@code ngrams}.
   */
  record Shared(long agencyId, String code, int shared, int ngrams) {
    /** The share of the other's narrative found in this one. */
    BigDecimal share() {
      return PlausibilityChecks.share(ngrams == 0 ? 0 : (double) shared / ngrams);
    }
  }

  private static final Sql CURRENT =
      Sql.of(
          """
          select p.findings::text, p.characters, p.previous_year_share, p.same_city_share, a.code
          from report_plausibility p left join agency a on a.id = p.same_city_agency_id
          where p.agency_id = :agency and p.year = :year""");

  static Optional<Stored> current(long agencyId, int year) {
    return query(
        CURRENT,
        rs ->
            rs.next()
                ? Optional.of(
                    new Stored(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getBigDecimal(3),
                        rs.getBigDecimal(4),
                        rs.getString(5)))
                : Optional.empty(),
        "agency",
        agencyId,
        "year",
        year);
  }

  private static final Sql COUNT_CHANGE =
      Sql.of(
          """
          insert into plausibility_version (city, year, version)
          values (:city, :year, 1), (:city, :year + 1, 1)
          on conflict (city, year) do update set version = plausibility_version.version + 1
          returning year, version""");

  private static final Sql COUNT_CHANGE_OF_YEAR =
      Sql.of(
          """
          insert into plausibility_version (city, year, version) values (:city, :year, 1)
          on conflict (city, year) do update set version = plausibility_version.version + 1
          returning year, version""");

  /**
   * Counts a change to the city's plausibility of the year, and of the next only if asked; the
   * year's version now (this transaction's change included).
   */
  static long countChange(String city, int year, boolean andNext) {
    return query(
        andNext ? COUNT_CHANGE : COUNT_CHANGE_OF_YEAR,
        rs -> {
          long version = 0;
          while (rs.next()) {
            if (rs.getInt(1) == year) {
              version = rs.getLong(2);
            }
          }
          return version;
        },
        "city",
        city,
        "year",
        year);
  }

  private static final Sql DELETE =
      Sql.of("delete from report_plausibility where agency_id = :agency and year = :year");

  static void delete(long agencyId, int year) {
    update(DELETE, "agency", agencyId, "year", year);
  }

  private static final Sql YEARS =
      Sql.of("select year from report_plausibility where agency_id = :agency order by year");

  /** The years the agency has a report evaluated for. */
  static List<Integer> years(long agencyId) {
    return query(
        YEARS,
        rs -> {
          List<Integer> years = new ArrayList<>();
          while (rs.next()) {
            years.add(rs.getInt(1));
          }
          return years;
        },
        "agency",
        agencyId);
  }

  private static final Sql MOVE_INDEX =
      Sql.of(
          "update narrative_fingerprint set city = :city where agency_id = :agency and year = :year");

  /** The agency's n-grams of the year are now in {@code city}'s index. */
  static void moveIndex(long agencyId, int year, String city) {
    update(MOVE_INDEX, "city", city, "agency", agencyId, "year", year);
  }

  private static final Sql UNINDEX =
      Sql.of("delete from narrative_fingerprint where agency_id = :agency and year = :year");

  private static final Sql INDEX =
      Sql.of(
          """
          insert into narrative_fingerprint (agency_id, year, city, ngrams)
          values (:agency, :year, :city, :ngrams::integer[])""");

  /**
   * The agency's narrative of the year in the city's index: these n-grams (none: out of it). What
   * was indexed before is taken out first, unless nothing {@code was}.
   */
  static void index(long agencyId, String city, int year, int[] ngrams, boolean was) {
    if (was) {
      update(UNINDEX, "agency", agencyId, "year", year);
    }
    if (ngrams.length > 0) {
      update(INDEX, "city", city, "year", year, "ngrams", boxed(ngrams), "agency", agencyId);
    }
  }

  private static final Sql KEEP =
      Sql.of(
          """
          insert into report_plausibility (agency_id, year, characters, ngrams,
              previous_year_share, same_city_share, same_city_agency_id, findings, rules)
          values (:agency, :year, :characters, :ngrams, :previousYearShare, :sameCityShare,
                  :sameCityAgency, cast(:findings as jsonb), :rules)
          on conflict (agency_id, year) do update set
              characters = excluded.characters, ngrams = excluded.ngrams,
              previous_year_share = excluded.previous_year_share,
              same_city_share = excluded.same_city_share,
              same_city_agency_id = excluded.same_city_agency_id,
              findings = excluded.findings, rules = excluded.rules""");

  private static final Sql COUNT_CHANGE_AND_KEEP = COUNT_CHANGE.then(KEEP);
  private static final Sql COUNT_CHANGE_OF_YEAR_AND_KEEP = COUNT_CHANGE_OF_YEAR.then(KEEP);

  /** A change to count ({@link #countChange}: the city's lock) whose version is not needed. */
  record CountChange(String city, boolean andNext) {}

  /**
   * Keeps what the checks found in the agency's report of the year; with {@code first}, counts that
   * change first, in the same round trip (the city's lock held from it to the commit).
   */
  static void keep(
      Optional<CountChange> first,
      long agencyId,
      int year,
      int characters,
      int ngrams,
      BigDecimal previousYearShare,
      BigDecimal sameCityShare,
      Long sameCityAgencyId,
      String findings,
      String[] rules) {
    Sql sql =
        first.isEmpty()
            ? KEEP
            : first.get().andNext() ? COUNT_CHANGE_AND_KEEP : COUNT_CHANGE_OF_YEAR_AND_KEEP;
    run(
        connection -> {
          try (var s = sql.prepare(connection)) {
            bind(s, "agency", agencyId, "year", year, "characters", characters, "ngrams", ngrams);
            bind(s, "previousYearShare", previousYearShare, "sameCityShare", sameCityShare);
            bind(s, "sameCityAgency", sameCityAgencyId, "findings", findings, "rules", rules);
            if (first.isPresent()) {
              s.set("city", first.get().city());
            }
            s.execute();
          }
          return null;
        });
  }

  private static final Sql REEVALUATED =
      Sql.of(
          """
          update report_plausibility set previous_year_share = :previousYearShare,
              findings = cast(:findings as jsonb), rules = :rules
          where agency_id = :agency and year = :year""");

  /** The comparison with the year before, evaluated again. */
  static void reevaluated(
      long agencyId, int year, BigDecimal previousYearShare, String findings, String[] rules) {
    update(
        REEVALUATED,
        "agency",
        agencyId,
        "year",
        year,
        "previousYearShare",
        previousYearShare,
        "findings",
        findings,
        "rules",
        rules);
  }

  private static final Sql RAISE_WHERE_CLOSER =
      Sql.of(
          """
          update report_plausibility p
          set same_city_share = s.share, same_city_agency_id = :agency
          from unnest(:agencies::bigint[], :shares::numeric[]) as s(agency_id, share)
          where p.agency_id = s.agency_id and p.year = :year
            and (s.share > coalesce(p.same_city_share, 0)
                 or (p.same_city_agency_id = :agency and s.share >= p.same_city_share))""");

  /**
   * Where the share of theirs found in the agency's text is higher than their closest match so far,
   * the agency's report becomes their closest match. One statement.
   */
  static void raiseWhereCloser(long agencyId, int year, List<Shared> shared) {
    update(
        RAISE_WHERE_CLOSER,
        "year",
        year,
        "agency",
        agencyId,
        "agencies",
        shared.stream().map(Shared::agencyId).toArray(Long[]::new),
        "shares",
        shared.stream().map(Shared::share).toArray(BigDecimal[]::new));
  }

  private static final Sql CITY_INDEXED =
      Sql.of("select city from narrative_fingerprint where agency_id = :agency and year = :year");

  /** The city whose index holds the agency's narrative of the year, if it is indexed. */
  static Optional<String> cityIndexed(long agencyId, int year) {
    return query(CITY_INDEXED, PlausibilityStore::first, "agency", agencyId, "year", year);
  }

  private static final Sql NGRAMS =
      Sql.of(
          """
          select coalesce((select ngrams from narrative_fingerprint
                           where agency_id = :agency and year = :year), '{}')""");

  /** The agency's indexed n-grams of the year, in order. */
  static int[] ngramsOf(long agencyId, int year) {
    Integer[] ngrams =
        query(
            NGRAMS,
            rs -> rs.next() ? (Integer[]) rs.getArray(1).getArray() : new Integer[0],
            "agency",
            agencyId,
            "year",
            year);
    return Arrays.stream(ngrams).mapToInt(Integer::intValue).toArray();
  }

  private static final Sql SET_SAME_CITY =
      Sql.of(
          """
          update report_plausibility set same_city_share = :share, same_city_agency_id = :closest
          where agency_id = :agency and year = :year""");

  static void setSameCity(long agencyId, int year, BigDecimal share, Long closest) {
    update(SET_SAME_CITY, "agency", agencyId, "year", year, "share", share, "closest", closest);
  }

  private static final Sql CLOSEST_MATCH_OF =
      Sql.of(
          """
          select agency_id, same_city_share from report_plausibility
          where same_city_agency_id = :agency and year = :year""");

  /** The reports of the year whose closest match is the agency's report, with that share. */
  static Map<Long, BigDecimal> closestMatchOf(long agencyId, int year) {
    return query(
        CLOSEST_MATCH_OF,
        rs -> {
          Map<Long, BigDecimal> found = new LinkedHashMap<>();
          while (rs.next()) {
            found.put(rs.getLong(1), rs.getBigDecimal(2));
          }
          return found;
        },
        "agency",
        agencyId,
        "year",
        year);
  }

  private static final Sql CURRENT_CONTENT =
      Sql.of(
          """
          select v.content::text from report r
          join report_revision v on v.report_id = r.id and v.revision = r.current_revision
          where r.agency_id = :agency and r.year = :year and not v.withdrawn""");

  /** The content (JSON) of the agency's current report of the year, unless withdrawn. */
  static Optional<String> currentContent(long agencyId, int year) {
    return query(CURRENT_CONTENT, PlausibilityStore::first, "agency", agencyId, "year", year);
  }

  private static Optional<String> first(ResultSet rs) throws SQLException {
    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
  }

  static Integer[] boxed(int[] values) {
    return Arrays.stream(values).boxed().toArray(Integer[]::new);
  }

  /** Runs {@code sql} with these name, value pairs. */
  private static void update(Sql sql, Object... namesAndValues) {
    run(
        connection -> {
          try (var s = sql.prepare(connection)) {
            bind(s, namesAndValues);
            return s.update();
          }
        });
  }

  /** A query's rows, read. */
  interface Reader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** Runs the query {@code sql} with these name, value pairs, and reads its rows. */
  static <T> T query(Sql sql, Reader<T> reader, Object... namesAndValues) {
    return run(
        connection -> {
          try (var s = sql.prepare(connection)) {
            bind(s, namesAndValues);
            try (ResultSet rs = s.query()) {
              return reader.read(rs);
            }
          }
        });
  }

  private static void bind(Sql.Statement s, Object... namesAndValues) throws SQLException {
    for (int i = 0; i < namesAndValues.length; i += 2) {
      s.set((String) namesAndValues[i], namesAndValues[i + 1]);
    }
  }

  private static <T> T run(Sql.Work<T> work) {
    Sql.flushPending();
    return Sql.inTransaction(work);
  }
}
