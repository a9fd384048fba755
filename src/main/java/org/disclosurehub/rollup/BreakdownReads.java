package org.disclosurehub.rollup;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.disclosurehub.region.Regions;
import org.disclosurehub.sql.Sql;
import org.disclosurehub.system.HubConfig;

/**
 * The breakdown: one row per agency of the coverage on the roster of the year or with a report for
 * it, sorted (and for a page's table filtered) in SQL. The sort key is checked before it gets here
 * ({@link BreakdownOrder}).
 */
final class BreakdownReads {
  private final Connection connection;
  private final HubConfig.Checks checks;

  BreakdownReads(Connection connection, HubConfig.Checks checks) {
    this.connection = connection;
    this.checks = checks;
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
    sorts.put("formatVersion", "c.format_version");
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
    sorts.put(
        "warnings", "(case when c.report_id is not null then " + WarningReads.WARNINGS + " end)");
    return sorts;
  }

  private static String cell(int index) {
    return RollupLayout.sql("c.cells", index);
  }

  private static String sumOf(List<Integer> indexes) {
    return "("
        + indexes.stream().map(BreakdownReads::cell).collect(Collectors.joining(" + "))
        + ")";
  }

  /** Every agency of the coverage active in the year or with a report for it. */
  private static final String BREAKDOWN_FROM =
      """
      from agency a
      left join lateral (select * from report_cells c
                         where c.agency_id = a.id and c.year = :year offset 0) c on true
      left join lateral (select * from report_plausibility p
                         where p.agency_id = a.id and p.year = :year offset 0) p on true
      where a.division_code between :lowest and :highest
        and (c.report_id is not null or (%s))"""
          .formatted(Sql.expectedIn(":year"));

  private static final Sql BREAKDOWN_COUNT = Sql.of("select count(*) %s".formatted(BREAKDOWN_FROM));

  private static final Map<String, Sql> BREAKDOWNS = new ConcurrentHashMap<>();

  /** The breakdown in one order, a page of it or every row (parsed once per variant). */
  private static Sql breakdown(String sortKey, boolean descending, boolean paged) {
    return BREAKDOWNS.computeIfAbsent(
        sortKey + "/" + descending + "/" + paged,
        variant -> breakdownSql(sortKey, descending, paged));
  }

  private static Sql breakdownSql(String sortKey, boolean descending, boolean paged) {
    return Sql.of(
        """
        select %s
        %s
        order by %s %s nulls last, a.code%s"""
            .formatted(
                String.join(", ", SORTS.values()),
                BREAKDOWN_FROM,
                SORTS.get(sortKey),
                descending ? "desc" : "asc",
                paged ? " offset :offset limit :limit" : ""));
  }

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
    try (var s = breakdown(sortKey, descending, limit != null).prepare(connection)) {
      WarningReads.withThresholds(s, checks)
          .set("year", year)
          .set("lowest", coverage.lowest())
          .set("highest", coverage.highest());
      if (limit != null) {
        s.set("offset", offset).set("limit", limit);
      }
      return rows(s);
    }
  }

  private static List<AgencyRollupRow> rows(Sql.Statement s) throws SQLException {
    List<AgencyRollupRow> rows = new ArrayList<>();
    try (ResultSet rs = s.query()) {
      while (rs.next()) {
        rows.add(
            new AgencyRollupRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                Regions.name(rs.getString(3)),
                rs.getBoolean(4),
                (Boolean) rs.getObject(5),
                (Integer) rs.getObject(6),
                rs.getString(7),
                count(rs, 8),
                count(rs, 9),
                count(rs, 10),
                count(rs, 11),
                count(rs, 12),
                count(rs, 13),
                count(rs, 14),
                count(rs, 15),
                (Integer) rs.getObject(16),
                rs.getArray(17) == null ? null : List.of((String[]) rs.getArray(17).getArray())));
      }
    }
    return rows;
  }

  /** Which rows of the breakdown a page's table shows: its filters, as SQL. */
  static final Map<String, String> FILTERS =
      Map.of(
          "all", "",
          "missing", " and c.report_id is null",
          "late", " and c.late",
          "inconsistent", " and c.violation_count > 0");

  private static final Map<String, Sql> TABLES = new ConcurrentHashMap<>();

  // The coverage's agencies in code order, before anything is joined to them: sorted by code, a
  // page's table walks them in that order and stops at its last row, so a page costs its 50
  // agencies' probes rather than every agency's (the sort matches the outer one, nulls included,
  // so the planner keeps the order and stops early; "offset 0" keeps the subquery as it is).
  private static final String AGENCIES_BY_CODE =
      """
      (select * from agency where division_code between :lowest and :highest
       order by code %s offset 0) a""";

  /**
   * One page of the breakdown for a page's table, filtered and sorted in SQL: by the column, then
   * by code in the same direction, agencies without a value first when ascending and last when
   * descending (as a page sorts). {@code matching} is how many rows the filter matches (the
   * roll-up's counts): by code, a page in the back half is read walking from the end.
   */
  List<AgencyRollupRow> table(
      Coverage coverage,
      int year,
      String sortKey,
      boolean descending,
      String filter,
      int offset,
      int limit,
      int matching)
      throws SQLException {
    boolean byCode = sortKey.equals("code");
    boolean fromTheEnd = byCode && offset > matching - offset - limit && offset < matching;
    boolean walkDescending = fromTheEnd != descending;
    String direction = walkDescending ? "desc nulls last" : "asc nulls first";
    Sql sql =
        TABLES.computeIfAbsent(
            sortKey + "/" + walkDescending + "/" + filter,
            variant ->
                Sql.of(
                    """
                    select %s
                    %s%s
                    order by %s %s, a.code %s
                    offset :offset limit :limit"""
                        .formatted(
                            String.join(", ", SORTS.values()),
                            byCode
                                ? BREAKDOWN_FROM.replace(
                                    "from agency a\n",
                                    "from " + AGENCIES_BY_CODE.formatted(direction) + "\n")
                                : BREAKDOWN_FROM,
                            FILTERS.get(filter),
                            sortKey.equals("late") ? "coalesce(c.late, false)" : SORTS.get(sortKey),
                            direction,
                            walkDescending ? "desc" : "asc")));
    try (var s = sql.prepare(connection)) {
      WarningReads.withThresholds(s, checks)
          .set("year", year)
          .set("lowest", coverage.lowest())
          .set("highest", coverage.highest())
          .set("offset", fromTheEnd ? Math.max(0, matching - offset - limit) : offset)
          .set("limit", fromTheEnd ? Math.min(limit, matching - offset) : limit);
      List<AgencyRollupRow> rows = rows(s);
      if (fromTheEnd) {
        Collections.reverse(rows);
      }
      return rows;
    }
  }

  long breakdownCount(Coverage coverage, int year) throws SQLException {
    try (var s = BREAKDOWN_COUNT.prepare(connection)) {
      s.set("year", year).set("lowest", coverage.lowest()).set("highest", coverage.highest());
      try (ResultSet rs = s.query()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static Long count(ResultSet rs, int column) throws SQLException {
    BigDecimal value = rs.getBigDecimal(column);
    return value == null ? null : value.longValue();
  }
}
