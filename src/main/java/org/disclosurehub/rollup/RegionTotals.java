package org.disclosurehub.rollup;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.disclosurehub.agency.AgencyMoved;
import org.disclosurehub.region.Division;
import org.disclosurehub.report.AccountingRules;
import org.disclosurehub.report.Report;
import org.disclosurehub.report.ReportLayout;
import org.disclosurehub.report.ReportYears;
import org.disclosurehub.report.RuleViolation;
import org.disclosurehub.submission.ReportRevised;
import org.disclosurehub.submission.ReportWithdrawn;
import org.disclosurehub.system.Clocks;
import org.hibernate.Session;

/**
 * Keeps {@code report_cells} (the cells of each current report) and {@code region_totals} (their
 * sums per region and year) in step with the reports. It observes the report and agency events
 * synchronously, inside the transaction that fires them, so roll-ups can never drift from the
 * reports they add up: if maintaining the totals fails, the write fails.
 *
 * <p>Every change is applied as a delta (minus the report's previous contribution, plus its new
 * one) to the totals rows the report counts in (its division's own agencies; all agencies of its
 * county, city and province), plus, when CARRY_OVER of the agency's next year flips, to that year's
 * rows. A roll-up then sums a few rows: the {@link #SHARDS} of its region and year. Totals rows are
 * updated in key order, so concurrent writers never deadlock; the agency row is locked first, so
 * that two years of one agency are never maintained at once (CARRY_OVER reads the neighbouring
 * year).
 */
@ApplicationScoped
class RegionTotals {

  /**
   * Each region's totals of a year are split over this many rows, an agency's contribution always
   * in the same one (agency id modulo SHARDS), so that concurrent writers in one province seldom
   * wait for each other's row lock. Reads sum the shards.
   */
  static final int SHARDS = 16;

  /** A new current revision replaces whatever the agency's report of the year contributed. */
  void revised(@Observes ReportRevised revised) {
    session()
        .doWork(
            connection ->
                new Work(new TotalsRows(connection), revised.agencyId(), revised.at())
                    .replace(
                        revised.agencyCode(),
                        revised.divisionCode(),
                        revised.year(),
                        revised.revision(),
                        revised.report(),
                        revised.violations()));
  }

  /** A withdrawn report leaves every sum, count and listing; nothing happens if it added none. */
  void withdrawn(@Observes ReportWithdrawn withdrawn) {
    session()
        .doWork(
            connection ->
                new Work(new TotalsRows(connection), withdrawn.agencyId(), withdrawn.at())
                    .replace(null, null, withdrawn.year(), 0, null, List.of()));
  }

  /** The agency's reports move into its new division, so that they count where it now is. */
  void moved(@Observes AgencyMoved moved) {
    session().flush();
    session()
        .doWork(
            connection ->
                new Work(new TotalsRows(connection), moved.agencyId(), moved.at())
                    .moved(moved.divisionCode()));
  }

  private static Session session() {
    return Panache.getEntityManager().unwrap(Session.class);
  }

  /** What one report adds to its division's totals: a report_cells row. */
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
      boolean carryOverMismatch,
      String formatVersion) {

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
          carryOverMismatch,
          formatVersion);
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
          mismatch,
          formatVersion);
    }

    boolean inTrialFormat() {
      return Report.TRIAL_FORMAT.equals(formatVersion);
    }
  }

  /** A change to one region_totals row. */
  static final class Delta {
    int reports;
    int late;
    int inconsistent;
    int carryOverMismatches;
    long publishedItems;
    int reportsStating;
    int trialFormatReports;
    final BigDecimal[] cells = Sums.zeros();

    void add(Contribution c, int sign) {
      reports += sign;
      trialFormatReports += c.inTrialFormat() ? sign : 0;
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
  record Key(int year, String division, String scope) {}

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
      regions.add(new String[] {Division.cityOf(division), "all"});
    }
    if (d.level() != Division.Level.province) {
      regions.add(new String[] {Division.provinceOf(division), "all"});
    }
    return regions;
  }

  /** One agency's change, collected as deltas and applied at once. */
  private static final class Work {
    private final TotalsRows rows;
    private final long agencyId;
    private final int shard;
    private final Instant at;
    private final Map<Key, Delta> deltas =
        new TreeMap<>(
            Comparator.comparing(Key::division)
                .thenComparing(Key::scope)
                .thenComparingInt(Key::year));

    Work(TotalsRows rows, long agencyId, Instant at) {
      this.rows = rows;
      this.agencyId = agencyId;
      this.shard = (int) Math.floorMod(agencyId, (long) SHARDS);
      this.at = at;
    }

    /** Makes {@code report} (null: none) the agency's contribution for {@code year}. */
    void replace(
        String agencyCode,
        String division,
        int year,
        int revision,
        Report report,
        List<RuleViolation> violations)
        throws SQLException {
      TotalsRows.Filed filed = rows.lockAgency(agencyId, year);
      // The report of the year, and its neighbours for the carry-over check, in one query.
      Map<Integer, Contribution> around = rows.readYears(agencyId, year - 1, year + 1);
      Contribution old = around.get(year);
      Contribution fresh = null;
      if (report != null) {
        if (filed == null) {
          throw new IllegalStateException("no report row for " + agencyCode + " " + year);
        }
        fresh =
            contribution(division, year, revision, report, violations, filed, around.get(year - 1));
      }
      if (old != null) {
        add(year, old, -1);
      }
      if (fresh != null) {
        add(year, fresh, +1);
        rows.write(agencyId, year, fresh);
      } else if (old != null) {
        rows.delete(agencyId, year);
      }
      Contribution next = around.get(year + 1);
      if (next != null) {
        boolean mismatch = fresh != null && carryOverMismatch(next.cells(), fresh.cells());
        if (mismatch != next.carryOverMismatch()) {
          add(year + 1, next, -1);
          Contribution flipped = next.withCarryOverMismatch(mismatch);
          add(year + 1, flipped, +1);
          rows.write(agencyId, year + 1, flipped);
        }
      }
      rows.add(deltas, shard, at);
    }

    void moved(String division) throws SQLException {
      rows.lockAgency(agencyId);
      for (int year : rows.yearsOutside(agencyId, division)) {
        Contribution old = rows.readYears(agencyId, year, year).get(year);
        Contribution now = old.in(division);
        add(year, old, -1);
        add(year, now, +1);
        rows.write(agencyId, year, now);
      }
      rows.add(deltas, shard, at);
    }

    /** Adds a report's contribution, times {@code sign}, to every totals row it counts in. */
    private void add(int year, Contribution c, int sign) {
      for (String[] region : regions(c.division())) {
        deltas.computeIfAbsent(new Key(year, region[0], region[1]), k -> new Delta()).add(c, sign);
      }
    }
  }

  /** What a report adds: its cells, lateness, violations and CARRY_OVER against the year before. */
  static Contribution contribution(
      String division,
      int year,
      int revision,
      Report report,
      List<RuleViolation> violations,
      TotalsRows.Filed filed,
      Contribution previousYear) {
    BigDecimal[] cells = cellsOf(report);
    LocalDate published =
        report.publishedOn() != null
            ? report.publishedOn()
            : filed.firstSubmittedAt().atZone(Clocks.BEIJING).toLocalDate();
    String[] rules =
        violations.stream().map(v -> v.rule().name()).distinct().sorted().toArray(String[]::new);
    Integer statedItems = report.publishedItems() == null ? null : report.publishedItems().total();
    return new Contribution(
        filed.reportId(),
        division,
        revision,
        cells,
        statedItems == null ? null : statedItems.longValue(),
        report.publishedOn(),
        published.isAfter(deadline(year)),
        violations.size(),
        rules,
        previousYear != null && carryOverMismatch(cells, previousYear.cells()),
        ReportLayout.formatOf(report));
  }

  /**
   * The cells of a report (totals computed) in RollupLayout.CELLS order: those of its own format,
   * the other format's 0. A 2019 report's cells that count the same as a 2021 cell count there too.
   */
  static BigDecimal[] cellsOf(Report report) {
    BigDecimal[] cells = Sums.zeros();
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

  /** CARRY_OVER ({@link AccountingRules#carryOver}) on the stored cells of two years. */
  static boolean carryOverMismatch(BigDecimal[] year, BigDecimal[] previousYear) {
    return !AccountingRules.carryOver(
            RollupLayout.carriedOver(year), RollupLayout.carriedForward(previousYear))
        .isEmpty();
  }

  /** The last day to publish a year's report: 31 January of the next year (条例 第五十条). */
  static LocalDate deadline(int year) {
    return ReportYears.deadline(year);
  }
}
