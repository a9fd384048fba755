package org.disclosurehub.rollup;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.disclosurehub.system.LeastRecentlyUsed;

/**
 * What a region's year shows that no agency's name enters, read once and kept across tags while
 * {@link StateReads.State#nameFreeKey} is unchanged: a rename moves the tag (pages name agencies),
 * and the first page after it then reads only what names enter (the missing, the late, the
 * findings, the roster's moves, the table), not the sums and counts again.
 */
final class KeptYearFigures {
  /**
   * A year's figures: its sums, how many agencies were expected and the divisions short of reports
   * (where the missing are searched), the reports of unknown lateness, the inconsistent and the
   * warned reports (by code), the CARRY_OVER mismatches explained, and, for a page, the counts per
   * division (else null).
   */
  record Figures(
      Sums sums,
      int expected,
      List<String> shortDivisions,
      int latenessUnknown,
      List<RegionRollup.InconsistentReport> inconsistent,
      List<RegionRollup.WarnedReports> warned,
      int carryOverExplained,
      List<CompletenessReads.DivisionCompleteness> divisions) {

    /** Reads them (the counts per division too when {@code withDivisions} holds for the sums). */
    static Figures read(Snapshot snapshot, RollupRequest query, Predicate<Sums> withDivisions)
        throws SQLException {
      Coverage coverage = query.coverage();
      int year = query.year();
      Sums sums = snapshot.sums().sums(coverage, year);
      CompletenessReads completeness = snapshot.completeness();
      int expected = completeness.expectedCount(coverage, year);
      // Everyone expected has reported (an agency reports once a year): nobody is missing.
      List<String> shortDivisions =
          expected <= sums.reports() ? List.of() : completeness.shortDivisions(coverage, year);
      return new Figures(
          sums,
          expected,
          shortDivisions,
          snapshot.notable().latenessUnknown(coverage, year),
          // The sums count the roster's inconsistent reports and those breaking CARRY_OVER (the
          // same rows these listings select): none counted, none to list, no statement.
          sums.inconsistent() > 0 ? snapshot.notable().inconsistent(coverage, year) : List.of(),
          snapshot.warnings().warned(coverage, year),
          sums.carryOverMismatches() > 0
              ? snapshot.warnings().carryOverExplained(coverage, year)
              : 0,
          withDivisions.test(sums) ? completeness.divisionCompleteness(coverage, year) : null);
    }

    /** The expected agencies and the missing among them, by name: read now. */
    CompletenessReads.Expected expected(Snapshot snapshot, RollupRequest query)
        throws SQLException {
      return shortDivisions.isEmpty()
          ? new CompletenessReads.Expected(expected, List.of(), List.of())
          : snapshot
              .completeness()
              .missingIn(query.coverage(), query.year(), expected, shortDivisions);
    }
  }

  private record Kept(String key, Figures figures) {}

  /** How many regions' years (and scopes and spans) are kept: a few KB each. */
  private static final int REGIONS = 64;

  private final Map<String, Kept> kept = LeastRecentlyUsed.map(REGIONS);

  /**
   * The figures of {@code query}'s year for a response tagged over {@code tagged} (a page: its
   * trend's years; a document: the year): kept while that state but for names is unchanged, on the
   * same {@code day}. The counts per division are read when {@code withDivisions} holds for the
   * sums. Never for a read as of a day, whose tables are not the ones its tag covers.
   */
  Figures figures(
      Snapshot snapshot,
      RollupRequest query,
      ReadScope tagged,
      String day,
      Predicate<Sums> withDivisions)
      throws SQLException {
    String region =
        tagged.regionCode()
            + "|"
            + query.own()
            + "|"
            + tagged.fromYear()
            + "-"
            + tagged.toYear()
            + "|"
            + query.year();
    String key =
        snapshot
                .state()
                .state(tagged.region(), tagged.coverage(), tagged.fromYear(), tagged.toYear())
                .nameFreeKey()
            + "|"
            + day;
    Kept earlier;
    synchronized (kept) {
      earlier = kept.get(region);
    }
    if (earlier != null && earlier.key().equals(key)) {
      return earlier.figures();
    }
    Figures figures = Figures.read(snapshot, query, withDivisions);
    synchronized (kept) {
      kept.put(region, new Kept(key, figures));
    }
    return figures;
  }
}
