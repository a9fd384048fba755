package org.disclosurehub.rollup;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.disclosurehub.report.Report;
import org.disclosurehub.sql.Sql;

/** The sums of a region: a year's (one aggregate over its totals shards) and a trend's per year. */
final class SumReads {
  private final ReadTables tables;

  SumReads(ReadTables tables) {
    this.tables = tables;
  }

  // A report_cells row's contribution to a totals row's counters, as TotalsDelta adds it.
  private static final String COUNTERS =
      """
      count(*) as reports, count(*) filter (where late) as late,
      count(*) filter (where violation_count > 0) as inconsistent,
      count(*) filter (where carry_over_mismatch) as carry_over_mismatches,
      coalesce(sum(published_items), 0) as published_items,
      count(published_items) as reports_stating,
      count(*) filter (where format_version = '2019') as trial_format_reports""";

  // The region's totals of the year less the reports of agencies not on its roster
  // (CompletenessReads.outsideReports: a few rows), so that the sums are the roster's.
  private static final Sql SUMS =
      Sql.of(
          """
          with covered as (select * from region_totals
                           where year = :year and division_code = :code and scope = :scope),
          outside as (%s),
          removed as (select %s from outside)
          select (select array_agg(total order by i)
                  from (select u.i, sum(u.v) as total
                        from (select k.i, k.v
                              from covered c cross join lateral unnest(c.cells)
                                   with ordinality as k(v, i)
                              union all
                              select k.i, -k.v
                              from outside o cross join lateral unnest(o.cells)
                                   with ordinality as k(v, i)) u
                        group by u.i) cells),
                 coalesce(sum(reports), 0) - (select reports from removed) as reports,
                 coalesce(sum(late), 0) - (select late from removed) as late,
                 coalesce(sum(inconsistent), 0) - (select inconsistent from removed) as inconsistent,
                 coalesce(sum(carry_over_mismatches), 0)
                   - (select carry_over_mismatches from removed) as carry_over_mismatches,
                 coalesce(sum(published_items), 0)
                   - (select published_items from removed) as published_items,
                 coalesce(sum(reports_stating), 0)
                   - (select reports_stating from removed) as reports_stating,
                 coalesce(sum(trial_format_reports), 0)
                   - (select trial_format_reports from removed) as trial_format_reports
          from covered"""
              .formatted(CompletenessReads.outsideReports(":year"), COUNTERS));

  /** One aggregate query over the region's totals rows of the year (none: zeros). */
  Sums sums(Coverage coverage, int year) throws SQLException {
    try (var s = tables.prepare(SUMS)) {
      s.set("year", year)
          .set("lowest", coverage.lowest())
          .set("highest", coverage.highest())
          .set("code", coverage.code())
          .set("scope", coverage.scope());
      try (ResultSet rs = s.query()) {
        rs.next();
        java.sql.Array cells = rs.getArray(1);
        BigDecimal[] sums = Sums.zeros();
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
            rs.getInt(7),
            rs.getInt(8));
      }
    }
  }

  // The coverage's reports of the year on the roster, row by row rather than from the kept totals:
  // a few agencies' rows (AsOfDelta), summed in Java (rowSums, CellTotals). Summed in SQL, their
  // cells unnested and grouped by position cost 22 ms for 200 reports of 222 cells at the
  // nation's scale. The cells themselves are read only for revisions whose text is not kept
  // (RevisionCellsText): writing them as text was most of an as-of read's database time.
  private static final Sql ROWS =
      Sql.of(
          """
          select c.report_id, c.revision, c.late, c.violation_count, c.carry_over_mismatch,
                 c.published_items, c.format_version
          from report_cells c
          where c.year = :year and c.division_code between :lowest and :highest%s"""
              .formatted(CompletenessReads.ON_ROSTER_C));

  // The cells of the rows ROWS found, by report (one row of each in the tables read).
  private static final Sql CELLS =
      Sql.of("select c.report_id, c.cells from report_cells c where c.report_id = any(:reports)");

  /**
   * The year's reports on the roster summed one by one (none: zeros), as SUMS and COUNTERS add
   * them: a cell's sum skips its nulls and takes its terms' largest scale, as PostgreSQL's does.
   */
  Sums rowSums(Coverage coverage, int year) throws SQLException {
    List<RevisionCellsText.Key> revisions = new ArrayList<>();
    int late = 0;
    int inconsistent = 0;
    int carryOverMismatches = 0;
    long publishedItems = 0;
    int reportsStating = 0;
    int trialFormatReports = 0;
    try (var s = tables.prepare(ROWS)) {
      s.set("year", year).set("lowest", coverage.lowest()).set("highest", coverage.highest());
      try (ResultSet rs = s.query()) {
        while (rs.next()) {
          revisions.add(new RevisionCellsText.Key(rs.getLong(1), rs.getInt(2)));
          late += rs.getBoolean(3) ? 1 : 0;
          inconsistent += rs.getInt(4) > 0 ? 1 : 0;
          carryOverMismatches += rs.getBoolean(5) ? 1 : 0;
          long items = rs.getLong(6);
          if (!rs.wasNull()) {
            publishedItems += items;
            reportsStating++;
          }
          trialFormatReports += Report.TRIAL_FORMAT.equals(rs.getString(7)) ? 1 : 0;
        }
      }
    }
    BigDecimal[] sums = Sums.zeros();
    CellTotals cells = new CellTotals(sums.length);
    for (String text : cellsOf(revisions)) {
      cells.add(text);
    }
    cells.addTo(sums);
    return new Sums(
        sums,
        revisions.size(),
        late,
        inconsistent,
        carryOverMismatches,
        publishedItems,
        reportsStating,
        trialFormatReports);
  }

  /** The cells of each revision as text: kept, or read (in the same tables) and then kept. */
  private String[] cellsOf(List<RevisionCellsText.Key> revisions) throws SQLException {
    String[] texts = RevisionCellsText.kept(revisions);
    Map<Long, Integer> missing = new HashMap<>();
    for (int i = 0; i < texts.length; i++) {
      if (texts[i] == null) {
        missing.put(revisions.get(i).report(), i);
      }
    }
    if (missing.isEmpty()) {
      return texts;
    }
    try (var s = tables.prepare(CELLS)) {
      s.set("reports", missing.keySet().toArray(Long[]::new));
      try (ResultSet rs = s.query()) {
        while (rs.next()) {
          int i = missing.get(rs.getLong(1));
          texts[i] = rs.getString(2);
          RevisionCellsText.keep(revisions.get(i), texts[i]);
        }
      }
    }
    return texts;
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

  // Planning the trend's statements (forty sums, the roster's rule per year) costs more than
  // running
  // them, and their plans do not depend on the region or the years: from the trend on, the
  // snapshot plans each statement once per connection (a generic plan) instead of on every call.
  // EXPECTED_PER_YEAR and RosterReads.MOVE_COUNTS, which follow it, are as quick with generic
  // plans;
  // RosterReads.MOVES is not and asks for custom plans again.
  static final String GENERIC_PLANS = "set local plan_cache_mode = force_generic_plan;\n";

  // Per year, the region's totals less the reports of agencies not on that year's roster.
  private static final Sql TREND =
      Sql.of(
          GENERIC_PLANS
              + """
          with totals as (
            select year, sum(reports) as reports, sum(late) as late,
                   sum(inconsistent) as inconsistent,
                   sum(carry_over_mismatches) as carry_over_mismatches,
                   sum(published_items) as published_items, sum(reports_stating) as reports_stating,
                   sum(trial_format_reports) as trial_format_reports, %1$s
            from region_totals
            where year between :fromYear and :toYear and division_code = :code and scope = :scope
            group by year),
          removed as (
            select o.year, %2$s, %3$s
            from generate_series(:fromYear, :toYear) y cross join lateral (%4$s) o
            group by o.year)
          select t.year, %5$s
          from totals t left join removed r using (year)"""
                  .formatted(
                      trendSums("cells", "t"),
                      COUNTERS,
                      trendSums("cells", "r"),
                      CompletenessReads.outsideReports("y"),
                      trendColumns()));

  private static String trendSums(String column, String alias) {
    return java.util.stream.IntStream.range(0, TREND_CELLS.size())
        .mapToObj(
            k -> "sum(" + RollupLayout.sql(column, TREND_CELLS.get(k)) + ") as " + alias + "c" + k)
        .collect(Collectors.joining(", "));
  }

  private static String trendColumns() {
    List<String> columns = new java.util.ArrayList<>();
    for (String counter :
        List.of(
            "reports",
            "late",
            "inconsistent",
            "carry_over_mismatches",
            "published_items",
            "reports_stating",
            "trial_format_reports")) {
      columns.add("t.%1$s - coalesce(r.%1$s, 0)".formatted(counter));
    }
    for (int k = 0; k < TREND_CELLS.size(); k++) {
      columns.add("t.tc%1$d - coalesce(r.rc%1$d, 0)".formatted(k));
    }
    return String.join(", ", columns);
  }

  /** Sums per year (only the cells a trend needs are filled in), years without reports absent. */
  Map<Integer, Sums> trend(Coverage coverage, int fromYear, int toYear) throws SQLException {
    try (var s = tables.prepare(TREND)) {
      s.set("fromYear", fromYear)
          .set("toYear", toYear)
          .set("code", coverage.code())
          .set("scope", coverage.scope())
          .set("lowest", coverage.lowest())
          .set("highest", coverage.highest());
      Map<Integer, Sums> years = new LinkedHashMap<>();
      try (ResultSet rs = s.queryLast()) {
        while (rs.next()) {
          BigDecimal[] cells = Sums.zeros();
          for (int k = 0; k < TREND_CELLS.size(); k++) {
            BigDecimal sum = rs.getBigDecimal(9 + k);
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
                  rs.getInt(7),
                  rs.getInt(8)));
        }
      }
      return years;
    }
  }

  // From division_agencies (V8) and the roster's exceptions, as EXPECTED: a few rows per division
  // and year.
  private static final Sql EXPECTED_PER_YEAR =
      Sql.of(
          """
          select y,
                 (select coalesce(sum(d.agencies), 0) from division_agencies d
                  where d.division_code between :lowest and :highest
                    and d.first_year <= y and y <= d.last_year)
                 + (select coalesce(sum(x.n), 0) from (%s) x)
          from generate_series(:fromYear, :toYear) as y
          order by y"""
              .formatted(CompletenessReads.ROSTER_EXCEPTIONS.formatted("y")));

  /** How many agencies of the coverage are on the roster of each year. */
  Map<Integer, Integer> expectedPerYear(Coverage coverage, int fromYear, int toYear)
      throws SQLException {
    try (var s = tables.prepare(EXPECTED_PER_YEAR)) {
      s.set("fromYear", fromYear)
          .set("toYear", toYear)
          .set("lowest", coverage.lowest())
          .set("highest", coverage.highest());
      Map<Integer, Integer> expected = new LinkedHashMap<>();
      try (ResultSet rs = s.query()) {
        while (rs.next()) {
          expected.put(rs.getInt(1), rs.getInt(2));
        }
      }
      return expected;
    }
  }
}
