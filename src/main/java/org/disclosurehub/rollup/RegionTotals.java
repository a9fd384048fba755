package org.disclosurehub.rollup;

import io.quarkus.hibernate.orm.panache.Panache;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.disclosurehub.agency.Agency;
import org.disclosurehub.region.Division;
import org.disclosurehub.report.Report;
import org.disclosurehub.report.ReportLayout;
import org.disclosurehub.report.RuleViolation;
import org.disclosurehub.system.Clocks;
import org.hibernate.Session;

/**
 * Keeps {@code report_cells} (the cells of each current report) and {@code region_totals} (their
 * sums per region and year) in step with the reports. Called in the transaction that makes a
 * revision current, so roll-ups can never drift from the reports they add up.
 *
 * <p>Every change is applied as a delta (minus the report's previous contribution, plus its new
 * one) to the totals rows the report counts in (its division's own agencies; all agencies of its
 * county, city and province), plus, when CARRY_OVER of the agency's next year flips, to that year's
 * rows. A roll-up then reads one row. Totals rows are updated in key order, so concurrent writers
 * never deadlock; the agency row is locked first, so that two years of one agency are never
 * maintained at once (CARRY_OVER reads the neighbouring year).
 */
public final class RegionTotals {

  /**
   * Each region's totals of a year are split over this many rows, an agency's contribution always
   * in the same one (agency id modulo SHARDS), so that concurrent writers in one province seldom
   * wait for each other's row lock. Reads sum the shards.
   */
  static final int SHARDS = 16;

  private RegionTotals() {}

  /**
   * Makes {@code report} (revision {@code revision}, accepted with {@code violations}) the
   * contribution of the agency's report for {@code year}, replacing whatever it contributed before.
   * The report row must exist (its first submission time decides lateness when the report gives no
   * publishedOn).
   */
  public static void replace(
      Agency agency,
      int year,
      int revision,
      Report report,
      List<RuleViolation> violations,
      Instant at) {
    RollupFreshness.dataChanged();
    session()
        .doWork(
            connection ->
                new Work(connection, at).replace(agency, year, revision, report, violations));
  }

  /**
   * Removes the contribution of the agency's report for {@code year} (a withdrawn report): it
   * leaves every sum, count and listing of the roll-ups. Nothing happens if it contributed none.
   */
  public static void remove(Agency agency, int year, Instant at) {
    RollupFreshness.dataChanged();
    session()
        .doWork(connection -> new Work(connection, at).replace(agency, year, 0, null, List.of()));
  }

  /**
   * Moves the agency's reports into its new division after {@code agency.divisionCode} changed, so
   * that they count where the agency now is.
   */
  public static void moved(Agency agency, Instant at) {
    RollupFreshness.dataChanged();
    session().flush();
    session().doWork(connection -> new Work(connection, at).moved(agency));
  }

  private static Session session() {
    return Panache.getEntityManager().unwrap(Session.class);
  }

  /** What one report adds to its division's totals. */
  record Contribution(
      long reportId,
      String division,
      int revision,
      BigDecimal[] cells,
      Long publishedItems,
      LocalDate publishedOn,
      boolean late,
      int violationCount,
      String[] rules,
      boolean carryOverMismatch) {

    Contribution in(String otherDivision) {
      return new Contribution(
          reportId,
          otherDivision,
          revision,
          cells,
          publishedItems,
          publishedOn,
          late,
          violationCount,
          rules,
          carryOverMismatch);
    }

    Contribution withCarryOverMismatch(boolean mismatch) {
      return new Contribution(
          reportId,
          division,
          revision,
          cells,
          publishedItems,
          publishedOn,
          late,
          violationCount,
          rules,
          mismatch);
    }
  }

  /** A change to one region_totals row. */
  private static final class Delta {
    int reports;
    int late;
    int inconsistent;
    int carryOverMismatches;
    long publishedItems;
    int reportsStating;
    final BigDecimal[] cells = zeros();

    void add(Contribution c, int sign) {
      reports += sign;
      late += c.late() ? sign : 0;
      inconsistent += c.violationCount() > 0 ? sign : 0;
      carryOverMismatches += c.carryOverMismatch() ? sign : 0;
      if (c.publishedItems() != null) {
        publishedItems += sign * c.publishedItems();
        reportsStating += sign;
      }
      BigDecimal factor = BigDecimal.valueOf(sign);
      for (int i = 0; i < cells.length && i < c.cells().length; i++) {
        cells[i] = cells[i].add(c.cells()[i].multiply(factor));
      }
    }
  }

  /** A region_totals row: a region, its agencies ({@code all}) or only its own, and a year. */
  private record Key(int year, String division, String scope) {}

  /**
   * The totals rows a report of an agency in {@code division} counts in: its division's own
   * agencies, and all agencies of its division, its city and its province.
   */
  static List<String[]> regions(String division) {
    Division d = new Division(division);
    List<String[]> regions = new ArrayList<>();
    regions.add(new String[] {division, "own"});
    regions.add(new String[] {division, "all"});
    if (d.level() == Division.Level.county) {
      regions.add(new String[] {division.substring(0, 4) + "00", "all"});
    }
    if (d.level() != Division.Level.province) {
      regions.add(new String[] {division.substring(0, 2) + "0000", "all"});
    }
    return regions;
  }

  private static final class Work {
    private final Connection connection;
    private final Instant at;
    private int shard;
    private final Map<Key, Delta> deltas =
        new TreeMap<>(
            Comparator.comparing(Key::division)
                .thenComparing(Key::scope)
                .thenComparingInt(Key::year));

    Work(Connection connection, Instant at) {
      this.connection = connection;
      this.at = at;
    }

    void replace(
        Agency agency, int year, int revision, Report report, List<RuleViolation> violations)
        throws SQLException {
      Filed filed = lockAgency(agency.id, year);
      // The report of the year, and its neighbours for the carry-over check, in one query.
      Map<Integer, Contribution> around = readYears(agency.id, year - 1, year + 1);
      Contribution old = around.get(year);
      Contribution fresh = null;
      if (report != null) {
        fresh =
            contribution(agency, year, revision, report, violations, filed, around.get(year - 1));
      }
      if (old != null) {
        add(year, old, -1);
      }
      if (fresh != null) {
        add(year, fresh, +1);
        write(agency.id, year, fresh);
      } else if (old != null) {
        delete(agency.id, year);
      }
      Contribution next = around.get(year + 1);
      if (next != null) {
        boolean mismatch = fresh != null && carryOverMismatch(next.cells(), fresh.cells());
        if (mismatch != next.carryOverMismatch()) {
          add(year + 1, next, -1);
          Contribution flipped = next.withCarryOverMismatch(mismatch);
          add(year + 1, flipped, +1);
          write(agency.id, year + 1, flipped);
        }
      }
      apply();
    }

    void moved(Agency agency) throws SQLException {
      lockAgency(agency.id);
      List<Integer> years = new ArrayList<>();
      try (PreparedStatement s =
          connection.prepareStatement(
              "select year from report_cells where agency_id = ? and division_code <> ?")) {
        s.setLong(1, agency.id);
        s.setString(2, agency.divisionCode);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            years.add(rs.getInt(1));
          }
        }
      }
      for (int year : years) {
        Contribution old = read(agency.id, year);
        Contribution now = old.in(agency.divisionCode);
        add(year, old, -1);
        add(year, now, +1);
        write(agency.id, year, now);
      }
      apply();
    }

    /** Adds a report's contribution, times {@code sign}, to every totals row it counts in. */
    private void add(int year, Contribution c, int sign) {
      for (String[] region : regions(c.division())) {
        deltas.computeIfAbsent(new Key(year, region[0], region[1]), k -> new Delta()).add(c, sign);
      }
    }

    /** The report row of (agency, year): its id and first submission time. */
    private record Filed(long reportId, Instant firstSubmittedAt) {}

    /** Locks the agency (see {@link #lockAgency(long)}) and reads its report row of the year. */
    private Filed lockAgency(long agencyId, int year) throws SQLException {
      shard = (int) Math.floorMod(agencyId, (long) SHARDS);
      try (PreparedStatement s =
          connection.prepareStatement(
              "select r.id, r.first_submitted_at from agency a"
                  + " left join report r on r.agency_id = a.id and r.year = ?"
                  + " where a.id = ? for no key update of a")) {
        s.setInt(1, year);
        s.setLong(2, agencyId);
        try (ResultSet rs = s.executeQuery()) {
          if (!rs.next() || rs.getTimestamp(2) == null) {
            return null;
          }
          return new Filed(rs.getLong(1), rs.getTimestamp(2).toInstant());
        }
      }
    }

    private void lockAgency(long agencyId) throws SQLException {
      shard = (int) Math.floorMod(agencyId, (long) SHARDS);
      try (PreparedStatement s =
          connection.prepareStatement("select id from agency where id = ? for no key update")) {
        s.setLong(1, agencyId);
        s.executeQuery().close();
      }
    }

    private Contribution contribution(
        Agency agency,
        int year,
        int revision,
        Report report,
        List<RuleViolation> violations,
        Filed filed,
        Contribution previousYear) {
      if (filed == null) {
        throw new IllegalStateException("no report row for " + agency.code + " " + year);
      }
      long reportId = filed.reportId();
      Instant firstSubmittedAt = filed.firstSubmittedAt();
      BigDecimal[] cells = cellsOf(report);
      LocalDate published =
          report.publishedOn() != null
              ? report.publishedOn()
              : firstSubmittedAt.atZone(Clocks.BEIJING).toLocalDate();
      String[] rules =
          violations.stream().map(RuleViolation::rule).distinct().sorted().toArray(String[]::new);
      Integer statedItems =
          report.publishedItems() == null ? null : report.publishedItems().total();
      return new Contribution(
          reportId,
          agency.divisionCode,
          revision,
          cells,
          statedItems == null ? null : statedItems.longValue(),
          report.publishedOn(),
          published.isAfter(deadline(year)),
          violations.size(),
          rules,
          previousYear != null && carryOverMismatch(cells, previousYear.cells()));
    }

    private Map<Integer, Contribution> readYears(long agencyId, int from, int to)
        throws SQLException {
      try (PreparedStatement s =
          connection.prepareStatement(
              "select report_id, division_code, revision, cells, published_items, published_on,"
                  + " late, violation_count, rules, carry_over_mismatch, year"
                  + " from report_cells where agency_id = ? and year between ? and ?")) {
        s.setLong(1, agencyId);
        s.setInt(2, from);
        s.setInt(3, to);
        Map<Integer, Contribution> years = new HashMap<>();
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            years.put(rs.getInt(11), contribution(rs));
          }
        }
        return years;
      }
    }

    private Contribution read(long agencyId, int year) throws SQLException {
      return readYears(agencyId, year, year).get(year);
    }

    /** A report_cells row, its columns in the order {@link #readYears} selects them. */
    private static Contribution contribution(ResultSet rs) throws SQLException {
      long items = rs.getLong(5);
      Long publishedItems = rs.wasNull() ? null : items;
      java.sql.Date publishedOn = rs.getDate(6);
      return new Contribution(
          rs.getLong(1),
          rs.getString(2),
          rs.getInt(3),
          (BigDecimal[]) rs.getArray(4).getArray(),
          publishedItems,
          publishedOn == null ? null : publishedOn.toLocalDate(),
          rs.getBoolean(7),
          rs.getInt(8),
          (String[]) rs.getArray(9).getArray(),
          rs.getBoolean(10));
    }

    private void write(long agencyId, int year, Contribution c) throws SQLException {
      try (PreparedStatement s =
          connection.prepareStatement(
              "insert into report_cells (report_id, agency_id, year, division_code, revision,"
                  + " cells, published_items, published_on, late, violation_count, rules,"
                  + " carry_over_mismatch) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                  + " on conflict (report_id) do update set division_code = excluded.division_code,"
                  + " revision = excluded.revision, cells = excluded.cells,"
                  + " published_items = excluded.published_items,"
                  + " published_on = excluded.published_on, late = excluded.late,"
                  + " violation_count = excluded.violation_count, rules = excluded.rules,"
                  + " carry_over_mismatch = excluded.carry_over_mismatch")) {
        s.setLong(1, c.reportId());
        s.setLong(2, agencyId);
        s.setInt(3, year);
        s.setString(4, c.division());
        s.setInt(5, c.revision());
        s.setArray(6, numeric(c.cells()));
        if (c.publishedItems() == null) {
          s.setNull(7, Types.BIGINT);
        } else {
          s.setLong(7, c.publishedItems());
        }
        if (c.publishedOn() == null) {
          s.setNull(8, Types.DATE);
        } else {
          s.setObject(8, c.publishedOn());
        }
        s.setBoolean(9, c.late());
        s.setInt(10, c.violationCount());
        s.setArray(11, connection.createArrayOf("text", c.rules()));
        s.setBoolean(12, c.carryOverMismatch());
        s.executeUpdate();
      }
    }

    private void delete(long agencyId, int year) throws SQLException {
      try (PreparedStatement s =
          connection.prepareStatement(
              "delete from report_cells where agency_id = ? and year = ?")) {
        s.setLong(1, agencyId);
        s.setInt(2, year);
        s.executeUpdate();
      }
    }

    /**
     * Adds every delta to its totals row (the agency's shard), creating the row on first use, in
     * key order so that concurrent writers cannot deadlock; one round trip for all of them.
     */
    private void apply() throws SQLException {
      try (PreparedStatement s =
          connection.prepareStatement(
              "insert into region_totals as t (division_code, scope, year, shard, reports, late,"
                  + " inconsistent, carry_over_mismatches, published_items, reports_stating,"
                  + " cells, version, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)"
                  + " on conflict (division_code, scope, year, shard) do update set"
                  + " reports = t.reports + excluded.reports, late = t.late + excluded.late,"
                  + " inconsistent = t.inconsistent + excluded.inconsistent,"
                  + " carry_over_mismatches = t.carry_over_mismatches"
                  + " + excluded.carry_over_mismatches,"
                  + " published_items = t.published_items + excluded.published_items,"
                  + " reports_stating = t.reports_stating + excluded.reports_stating,"
                  + " cells = array(select coalesce(a, 0) + coalesce(b, 0)"
                  + " from unnest(t.cells, excluded.cells) with ordinality as u(a, b, i) order by i),"
                  + " version = t.version + 1, updated_at = greatest(t.updated_at, excluded.updated_at)")) {
        for (Map.Entry<Key, Delta> entry : deltas.entrySet()) {
          Key key = entry.getKey();
          Delta d = entry.getValue();
          s.setString(1, key.division());
          s.setString(2, key.scope());
          s.setInt(3, key.year());
          s.setInt(4, shard);
          s.setInt(5, d.reports);
          s.setInt(6, d.late);
          s.setInt(7, d.inconsistent);
          s.setInt(8, d.carryOverMismatches);
          s.setLong(9, d.publishedItems);
          s.setInt(10, d.reportsStating);
          s.setArray(11, numeric(d.cells));
          s.setTimestamp(12, Timestamp.from(at));
          s.addBatch();
        }
        s.executeBatch();
      }
      deltas.clear();
    }

    private Array numeric(BigDecimal[] values) throws SQLException {
      return connection.createArrayOf("numeric", values);
    }
  }

  /**
   * The cells of a report (totals computed) in RollupLayout.CELLS order: those of its own format,
   * the other format's 0. A 2019 report's cells that count the same as a 2021 cell count there too.
   */
  static BigDecimal[] cellsOf(Report report) {
    BigDecimal[] cells = zeros();
    for (ReportLayout.Cell cell : ReportLayout.cellsOf(report)) {
      int i = RollupLayout.index(cell.pointer());
      Number n = RollupLayout.CELLS.get(i).value().apply(report);
      cells[i] = n instanceof BigDecimal b ? b : BigDecimal.valueOf(n.longValue());
    }
    if (report.activeDisclosure2019() != null) {
      ReportLayout.SAME_IN_2021.forEach(
          (trial, current) ->
              cells[RollupLayout.index(current)] = cells[RollupLayout.index(trial)]);
    }
    return cells;
  }

  /** CARRY_OVER: 二、上年结转 of a year against 四、结转下年度 of the year before, per column. */
  static boolean carryOverMismatch(BigDecimal[] year, BigDecimal[] previousYear) {
    for (int c = 0; c < RollupLayout.CARRIED_OVER_COLUMNS.size(); c++) {
      BigDecimal carriedOver = year[RollupLayout.CARRIED_OVER_COLUMNS.get(c)];
      BigDecimal carriedForward = previousYear[RollupLayout.CARRIED_FORWARD_COLUMNS.get(c)];
      if (carriedOver.compareTo(carriedForward) != 0) {
        return true;
      }
    }
    return false;
  }

  /** The last day to publish a year's report: 31 January of the next year (条例 第五十条). */
  static LocalDate deadline(int year) {
    return LocalDate.of(year + 1, 1, 31);
  }

  private static BigDecimal[] zeros() {
    BigDecimal[] zeros = new BigDecimal[RollupLayout.SIZE];
    Arrays.fill(zeros, BigDecimal.ZERO);
    return zeros;
  }
}
