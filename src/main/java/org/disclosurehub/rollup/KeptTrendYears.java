package org.disclosurehub.rollup;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.disclosurehub.system.LeastRecentlyUsed;

/**
 * A region page's trend, its years before the page's year kept across tags: a filing for the page's
 * year (what changes a region's tag most of the year) changes none of them, so the first visitor
 * after it reads the year alone. They are kept under {@link StateReads.State#earlierYearsKey}, what
 * the tag knows of their inputs: when it moves, they are read again. The page's year is made from
 * what the page reads anyway: the year's sums, its expected agencies and its roster moves, which
 * are the trend's own sums, counts and moves of the year (the same rows, as {@link SumReads#trend},
 * {@link SumReads#expectedPerYear} and {@link RosterReads#moveCounts} count them).
 */
final class KeptTrendYears {
  /** The years before the page's, with their sums (only the trend's cells), and what they were. */
  private record Kept(String key, List<Trend.Year> years, Map<Integer, Sums> sums) {}

  /** How many regions' years (and scopes and spans) are kept: ten years of rows each. */
  private static final int REGIONS = 64;

  private final Map<String, Kept> kept = LeastRecentlyUsed.map(REGIONS);

  /**
   * The trend of {@code span} (its last year the page's, {@code summed}, with its roster moves
   * {@code moves}), its earlier years kept when the tag's state says they are unchanged.
   */
  RollupModels.TrendSums trend(
      Snapshot snapshot, RollupRequest span, SummedYear summed, List<RosterMove> moves)
      throws SQLException {
    if (span.from() >= span.to()) {
      return RollupModels.trendSums(snapshot, span); // no earlier year (and no moves read)
    }
    ReadScope scope = span.readScope();
    String region = scope.regionCode() + "|" + span.own() + "|" + span.from() + "-" + span.to();
    String key =
        snapshot
            .state()
            .state(scope.region(), scope.coverage(), scope.fromYear(), scope.toYear())
            .earlierYearsKey();
    Kept earlier;
    synchronized (kept) {
      earlier = kept.get(region);
    }
    if (earlier != null && earlier.key().equals(key)) {
      return withYear(span, earlier, summed, moves);
    }
    RollupModels.TrendSums read = RollupModels.trendSums(snapshot, span);
    Map<Integer, Sums> sums = new HashMap<>(read.sums());
    sums.remove(span.to());
    Kept fresh =
        new Kept(
            key,
            List.copyOf(read.trend().years().subList(0, read.trend().years().size() - 1)),
            Map.copyOf(sums));
    synchronized (kept) {
      kept.put(region, fresh);
    }
    return read;
  }

  private static RollupModels.TrendSums withYear(
      RollupRequest span, Kept earlier, SummedYear summed, List<RosterMove> moves) {
    int year = span.to();
    int joined = 0;
    int left = 0;
    for (RosterMove move : moves) {
      if (move.year() == year) {
        joined += move.joined() ? 1 : 0;
        left += move.joined() ? 0 : 1;
      }
    }
    List<Trend.Year> years = new ArrayList<>(earlier.years());
    years.add(Trend.Year.of(year, summed.expected().count(), joined, left, summed.sums()));
    Map<Integer, Sums> sums = new HashMap<>(earlier.sums());
    sums.put(year, summed.sums());
    return new RollupModels.TrendSums(
        new Trend(
            RegionRollup.Region.of(span.region()), span.scope(), span.from(), span.to(), years),
        sums);
  }
}
