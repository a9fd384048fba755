package org.disclosurehub.rollup;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The roll-up queries, on one connection (a read-only snapshot, so a response's tag and body
 * describe the same data). Sums come from region_totals (a few rows per region and year), lists
 * from report_cells and the agency registry, each by a range scan of the region.
 */
final class RollupQueries {
  private final Connection connection;

  RollupQueries(Connection connection) {
    this.connection = connection;
  }

  /**
   * The agencies a roll-up covers: division codes from {@code lowest} to {@code highest}; their
   * sums are the region_totals rows of {@code code} and {@code scope} (own or all).
   */
  record Coverage(String code, String scope, String lowest, String highest) {}

  /** What identifies the data a response covers; its hash is the response's ETag. */
  record State(
      boolean regionKnown,
      long agencies,
      Instant agenciesChanged,
      long versions,
      Instant totalsChanged) {
    Instant lastModified() {
      Instant latest = Instant.EPOCH;
      for (Instant t : new Instant[] {agenciesChanged, totalsChanged}) {
        if (t != null && t.isAfter(latest)) {
          latest = t;
        }
      }
      return latest;
    }

    String fingerprint() {
      return agencies + "/" + agenciesChanged + "/" + versions + "/" + totalsChanged;
    }
  }

  /**
   * Whether any agency was ever registered within {@code region}, and the state of the registry and
   * of the totals rows the coverage and years span. Cheap: it never reads a report.
   */
  State state(Coverage region, Coverage coverage, int fromYear, int toYear) throws SQLException {
    // The coverage's own totals rows (its shards, per year) are bumped by every write of a report
    // within it, so their versions identify its data: a few rows, however large the region.
    // Without a region (the whole country) the 'own' rows of every division are summed instead.
    String totals =
        coverage.code() != null
            ? " from region_totals where division_code = ? and scope = ? and year between ? and ?"
            : " from region_totals where scope = 'own' and year between ? and ?"
                + " and division_code between ? and ?";
    try (PreparedStatement s =
        connection.prepareStatement(
            "select exists (select 1 from agency where division_code between ? and ?),"
                + " count(*), max(updated_at),"
                + " (select coalesce(sum(version), 0)"
                + totals
                + "),"
                + " (select max(updated_at)"
                + totals
                + ")"
                + " from agency where division_code between ? and ?")) {
      int p = 1;
      s.setString(p++, region.lowest());
      s.setString(p++, region.highest());
      for (int i = 0; i < 2; i++) {
        if (coverage.code() != null) {
          s.setString(p++, coverage.code());
          s.setString(p++, coverage.scope());
          s.setInt(p++, fromYear);
          s.setInt(p++, toYear);
        } else {
          s.setInt(p++, fromYear);
          s.setInt(p++, toYear);
          s.setString(p++, coverage.lowest());
          s.setString(p++, coverage.highest());
        }
      }
      s.setString(p++, coverage.lowest());
      s.setString(p, coverage.highest());
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return new State(
            rs.getBoolean(1),
            rs.getLong(2),
            instant(rs.getTimestamp(3)),
            rs.getLong(4),
            instant(rs.getTimestamp(5)));
      }
    }
  }

  /** The sums of a year: every cell, and the counters. */
  record Sums(
      BigDecimal[] cells,
      int reports,
      int late,
      int inconsistent,
      int carryOverMismatches,
      long publishedItems,
      int reportsStating) {}

  /** One aggregate query over the region's totals row of the year (none: zeros). */
  Sums sums(Coverage coverage, int year) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "with covered as (select * from region_totals"
                + "   where year = ? and division_code = ? and scope = ?)"
                + " select (select array_agg(total order by i) from (select u.i, sum(u.v) as total"
                + "     from covered c cross join lateral unnest(c.cells) with ordinality as u(v, i)"
                + "     group by u.i) cells),"
                + " coalesce(sum(reports), 0), coalesce(sum(late), 0),"
                + " coalesce(sum(inconsistent), 0), coalesce(sum(carry_over_mismatches), 0),"
                + " coalesce(sum(published_items), 0), coalesce(sum(reports_stating), 0)"
                + " from covered")) {
      s.setInt(1, year);
      s.setString(2, coverage.code());
      s.setString(3, coverage.scope());
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        java.sql.Array cells = rs.getArray(1);
        BigDecimal[] sums = zeros();
        if (cells != null) {
          BigDecimal[] summed = (BigDecimal[]) cells.getArray();
          System.arraycopy(summed, 0, sums, 0, Math.min(summed.length, sums.length));
        }
        return new Sums(
            sums,
            rs.getInt(2),
            rs.getInt(3),
            rs.getInt(4),
            rs.getInt(5),
            rs.getLong(6),
            rs.getInt(7));
      }
    }
  }

  /** How many agencies of the coverage are active in the year, and those without a report. */
  record Expected(int count, List<RegionRollup.AgencyRef> missing) {}

  private static final String ACTIVE =
      " from agency a where a.division_code between ? and ?"
          + " and (a.active_from is null or a.active_from <= ?)"
          + " and (a.active_to is null or ? <= a.active_to)";

  Expected expected(Coverage coverage, int year) throws SQLException {
    int count;
    try (PreparedStatement s = connection.prepareStatement("select count(*)" + ACTIVE)) {
      bindActive(s, 1, coverage, year);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        count = rs.getInt(1);
      }
    }
    List<RegionRollup.AgencyRef> missing = new ArrayList<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "select a.code, a.name"
                + ACTIVE
                // One probe of the unique (agency_id, year) index per agency: O(n log n) whatever
                // plan or statistics, unlike a range condition on the report's division.
                + " and not exists (select 1 from report_cells c"
                + "   where c.agency_id = a.id and c.year = ?)"
                + " order by a.code")) {
      bindActive(s, 1, coverage, year);
      s.setInt(5, year);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          missing.add(new RegionRollup.AgencyRef(rs.getString(1), rs.getString(2)));
        }
      }
    }
    return new Expected(count, missing);
  }

  private static void bindActive(PreparedStatement s, int from, Coverage coverage, int year)
      throws SQLException {
    s.setString(from, coverage.lowest());
    s.setString(from + 1, coverage.highest());
    s.setInt(from + 2, year);
    s.setInt(from + 3, year);
  }

  /** Reports of the year accepted with violations, by agency code. */
  List<RegionRollup.InconsistentReport> inconsistent(Coverage coverage, int year)
      throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "select a.code, c.rules from report_cells c join agency a on a.id = c.agency_id"
                + " where c.year = ? and c.division_code between ? and ? and c.violation_count > 0"
                + " order by a.code")) {
      s.setInt(1, year);
      s.setString(2, coverage.lowest());
      s.setString(3, coverage.highest());
      List<RegionRollup.InconsistentReport> reports = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          reports.add(
              new RegionRollup.InconsistentReport(
                  rs.getString(1), List.of((String[]) rs.getArray(2).getArray())));
        }
      }
      return reports;
    }
  }

  /** The breakdown's sortable columns and their SQL. */
  static final Map<String, String> SORTS = sorts();

  private static Map<String, String> sorts() {
    Map<String, String> sorts = new LinkedHashMap<>();
    sorts.put("code", "a.code");
    sorts.put("name", "a.name");
    sorts.put("division", "a.division_code");
    sorts.put("reported", "(c.report_id is not null)");
    sorts.put("late", "c.late");
    sorts.put("revision", "c.revision");
    sorts.put("newlyReceived", cell(RollupLayout.NEWLY_RECEIVED));
    sorts.put("totalHandled", cell(RollupLayout.OUTCOMES_TOTAL));
    sorts.put("granted", cell(RollupLayout.GRANTED));
    sorts.put("partiallyGranted", cell(RollupLayout.PARTIALLY_GRANTED));
    sorts.put("denied", sumOf(RollupLayout.DENIED));
    sorts.put("reviewTotal", cell(RollupLayout.review("administrativeReview", "total")));
    sorts.put(
        "litigationTotal",
        sumOf(
            List.of(
                RollupLayout.review("litigationDirect", "total"),
                RollupLayout.review("litigationAfterReview", "total"))));
    sorts.put(
        "corrected",
        sumOf(
            RollupLayout.reviewBlocks().stream()
                .map(b -> RollupLayout.review(b, "corrected"))
                .toList()));
    sorts.put("violationCount", "c.violation_count");
    return sorts;
  }

  private static String cell(int index) {
    return RollupLayout.sql("c.cells", index);
  }

  private static String sumOf(List<Integer> indexes) {
    return "(" + indexes.stream().map(RollupQueries::cell).collect(Collectors.joining(" + ")) + ")";
  }

  private static final String BREAKDOWN_FROM =
      " from agency a left join report_cells c on c.agency_id = a.id and c.year = ?"
          + " where a.division_code between ? and ?"
          + " and (c.report_id is not null or ((a.active_from is null or a.active_from <= ?)"
          + " and (a.active_to is null or ? <= a.active_to)))";

  /**
   * One row per covered agency: every agency of the coverage active in the year or with a report
   * for it. {@code limit} null means every row.
   */
  List<AgencyRollupRow> breakdown(
      Coverage coverage,
      int year,
      String sortKey,
      boolean descending,
      Integer offset,
      Integer limit)
      throws SQLException {
    String columns = SORTS.values().stream().collect(Collectors.joining(", "));
    String sql =
        "select "
            + columns
            + BREAKDOWN_FROM
            + " order by "
            + SORTS.get(sortKey)
            + (descending ? " desc" : " asc")
            + " nulls last, a.code"
            + (limit == null ? "" : " offset ? limit ?");
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      int p = bindBreakdown(s, coverage, year);
      if (limit != null) {
        s.setInt(p++, offset);
        s.setInt(p, limit);
      }
      List<AgencyRollupRow> rows = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new AgencyRollupRow(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getBoolean(4),
                  (Boolean) rs.getObject(5),
                  (Integer) rs.getObject(6),
                  count(rs, 7),
                  count(rs, 8),
                  count(rs, 9),
                  count(rs, 10),
                  count(rs, 11),
                  count(rs, 12),
                  count(rs, 13),
                  count(rs, 14),
                  (Integer) rs.getObject(15)));
        }
      }
      return rows;
    }
  }

  long breakdownCount(Coverage coverage, int year) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement("select count(*)" + BREAKDOWN_FROM)) {
      bindBreakdown(s, coverage, year);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static int bindBreakdown(PreparedStatement s, Coverage coverage, int year)
      throws SQLException {
    s.setInt(1, year);
    s.setString(2, coverage.lowest());
    s.setString(3, coverage.highest());
    s.setInt(4, year);
    s.setInt(5, year);
    return 6;
  }

  /** The cells a trend needs, summed per year in one aggregate query. */
  private static final List<Integer> TREND_CELLS = trendCells();

  private static List<Integer> trendCells() {
    TreeSet<Integer> cells = new TreeSet<>();
    cells.addAll(
        List.of(
            RollupLayout.NEWLY_RECEIVED,
            RollupLayout.CARRIED_FORWARD,
            RollupLayout.OUTCOMES_TOTAL,
            RollupLayout.GRANTED,
            RollupLayout.PARTIALLY_GRANTED,
            RollupLayout.FEES_AMOUNT));
    cells.addAll(RollupLayout.DENIED);
    for (String block : RollupLayout.reviewBlocks()) {
      for (String column : RollupLayout.reviewColumns()) {
        cells.add(RollupLayout.review(block, column));
      }
    }
    return List.copyOf(cells);
  }

  /** Sums per year (only the cells a trend needs are filled in), years without reports absent. */
  Map<Integer, Sums> trend(Coverage coverage, int fromYear, int toYear) throws SQLException {
    String sums =
        TREND_CELLS.stream()
            .map(i -> "sum(" + RollupLayout.sql("cells", i) + ")")
            .collect(Collectors.joining(", "));
    try (PreparedStatement s =
        connection.prepareStatement(
            "select year, sum(reports), sum(late), sum(inconsistent), sum(carry_over_mismatches),"
                + " sum(published_items), sum(reports_stating), "
                + sums
                + " from region_totals where year between ? and ? and division_code = ? and scope = ?"
                + " group by year")) {
      s.setInt(1, fromYear);
      s.setInt(2, toYear);
      s.setString(3, coverage.code());
      s.setString(4, coverage.scope());
      Map<Integer, Sums> years = new LinkedHashMap<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          BigDecimal[] cells = zeros();
          for (int k = 0; k < TREND_CELLS.size(); k++) {
            BigDecimal sum = rs.getBigDecimal(8 + k);
            cells[TREND_CELLS.get(k)] = sum == null ? BigDecimal.ZERO : sum;
          }
          years.put(
              rs.getInt(1),
              new Sums(
                  cells,
                  rs.getInt(2),
                  rs.getInt(3),
                  rs.getInt(4),
                  rs.getInt(5),
                  rs.getLong(6),
                  rs.getInt(7)));
        }
      }
      return years;
    }
  }

  /** How many agencies of the coverage are active in each year. */
  Map<Integer, Integer> expectedPerYear(Coverage coverage, int fromYear, int toYear)
      throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "select y, count(a.id) from generate_series(?, ?) as y left join agency a"
                + " on a.division_code between ? and ?"
                + " and (a.active_from is null or a.active_from <= y)"
                + " and (a.active_to is null or y <= a.active_to)"
                + " group by y order by y")) {
      s.setInt(1, fromYear);
      s.setInt(2, toYear);
      s.setString(3, coverage.lowest());
      s.setString(4, coverage.highest());
      Map<Integer, Integer> expected = new LinkedHashMap<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          expected.put(rs.getInt(1), rs.getInt(2));
        }
      }
      return expected;
    }
  }

  /** The indicators of summed counts: ratios of sums, never averages of ratios. */
  static RegionRollup.Indicators indicators(BigDecimal[] sums) {
    BigDecimal handled = sums[RollupLayout.OUTCOMES_TOTAL];
    BigDecimal disclosed = sums[RollupLayout.GRANTED].add(sums[RollupLayout.PARTIALLY_GRANTED]);
    return new RegionRollup.Indicators(
        ratio(disclosed, handled),
        ratio(denied(sums), handled),
        correction(sums, "administrativeReview"),
        correction(sums, "litigationDirect"),
        correction(sums, "litigationAfterReview"));
  }

  static BigDecimal denied(BigDecimal[] sums) {
    return RollupLayout.DENIED.stream().map(i -> sums[i]).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static RegionRollup.Correction correction(BigDecimal[] sums, String block) {
    BigDecimal corrected = sums[RollupLayout.review(block, "corrected")];
    BigDecimal decided =
        sums[RollupLayout.review(block, "upheld")]
            .add(corrected)
            .add(sums[RollupLayout.review(block, "other")]);
    return new RegionRollup.Correction(ratio(corrected, decided));
  }

  private static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
    return denominator.signum() == 0
        ? null
        : numerator.divide(denominator, 4, RoundingMode.HALF_UP);
  }

  static BigDecimal[] zeros() {
    BigDecimal[] zeros = new BigDecimal[RollupLayout.SIZE];
    Arrays.fill(zeros, BigDecimal.ZERO);
    return zeros;
  }

  private static Long count(ResultSet rs, int column) throws SQLException {
    BigDecimal value = rs.getBigDecimal(column);
    return value == null ? null : value.longValue();
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
