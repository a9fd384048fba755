package org.disclosurehub.rollup;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the roll-up models a {@link RollupQuery} asks for, with the queries of one snapshot. */
final class Rollups {
  private Rollups() {}

  /** A region's year, with the sums it was built from (CSV writes those). */
  record Summed(RegionRollup rollup, Sums sums) {}

  static Summed year(RollupQueries queries, RollupQuery query) throws SQLException {
    Coverage coverage = query.coverage();
    Sums sums = queries.sums(coverage, query.year());
    RollupQueries.Expected expected = queries.expected(coverage, query.year());
    RegionRollup rollup =
        RegionRollup.of(
            query,
            sums,
            expected,
            queries.inconsistent(coverage, query.year()),
            queries.warned(coverage, query.year()));
    return new Summed(rollup, sums);
  }

  static Trend trend(RollupQueries queries, RollupQuery query) throws SQLException {
    Coverage coverage = query.coverage();
    Map<Integer, Sums> sums = queries.trend(coverage, query.from(), query.to());
    Map<Integer, Integer> expected = queries.expectedPerYear(coverage, query.from(), query.to());
    List<Trend.Year> years = new ArrayList<>();
    for (int year = query.from(); year <= query.to(); year++) {
      years.add(
          Trend.Year.of(
              year, expected.getOrDefault(year, 0), sums.getOrDefault(year, Sums.none())));
    }
    return new Trend(
        RegionRollup.Region.of(query.region()), query.scope(), query.from(), query.to(), years);
  }

  /** Every row of the breakdown, in the order asked for. */
  static List<AgencyRollupRow> agencies(
      RollupQueries queries, RollupQuery query, RollupQueries.Order order) throws SQLException {
    return queries.breakdown(
        query.coverage(), query.year(), order.key(), order.descending(), null, null);
  }

  /** One page of the breakdown. */
  static AgencyRollupPage agencies(
      RollupQueries queries,
      RollupQuery query,
      RollupQueries.Order order,
      io.quarkus.panache.common.Page page)
      throws SQLException {
    List<AgencyRollupRow> rows =
        queries.breakdown(
            query.coverage(),
            query.year(),
            order.key(),
            order.descending(),
            page.index * page.size,
            page.size);
    return new AgencyRollupPage(
        rows, page.index, page.size, queries.breakdownCount(query.coverage(), query.year()));
  }
}
