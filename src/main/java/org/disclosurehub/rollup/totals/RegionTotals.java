package org.disclosurehub.rollup.totals;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.disclosurehub.agency.AgencyMoved;
import org.disclosurehub.report.Report;
import org.disclosurehub.report.RuleViolation;
import org.disclosurehub.sql.Sql;
import org.disclosurehub.submission.ReportRevised;
import org.disclosurehub.submission.ReportWithdrawn;

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
    Sql.inTransaction(
        connection -> {
          new Work(new TotalsRows(connection), revised.agencyId(), revised.at())
              .replace(
                  revised.agencyCode(),
                  revised.divisionCode(),
                  revised.year(),
                  revised.revision(),
                  revised.report(),
                  revised.violations(),
                  revised.imported());
          return null;
        });
  }

  /** A withdrawn report leaves every sum, count and listing; nothing happens if it added none. */
  void withdrawn(@Observes ReportWithdrawn withdrawn) {
    Sql.inTransaction(
        connection -> {
          new Work(new TotalsRows(connection), withdrawn.agencyId(), withdrawn.at())
              .replace(null, null, withdrawn.year(), 0, null, List.of(), false);
          return null;
        });
  }

  /** The agency's reports move into its new division, so that they count where it now is. */
  void moved(@Observes AgencyMoved moved) {
    Sql.flushPending();
    Sql.inTransaction(
        connection -> {
          new Work(new TotalsRows(connection), moved.agencyId(), moved.at())
              .moved(moved.divisionCode());
          return null;
        });
  }

  /** One agency's change, collected as deltas and applied at once. */
  private static final class Work {
    private final TotalsRows rows;
    private final long agencyId;
    private final int shard;
    private final Instant at;

    /** What each totals row gets: contributions, each added or taken off (+1, -1). */
    private final Map<TotalsKey, List<Signed>> changes =
        new TreeMap<>(
            Comparator.comparing(TotalsKey::division)
                .thenComparing(TotalsKey::scope)
                .thenComparingInt(TotalsKey::year));

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
        List<RuleViolation> violations,
        boolean imported)
        throws SQLException {
      // The agency's row locked; under the lock, its report row, and the report's contribution of
      // the year and its neighbours' for the carry-over check (one round trip).
      TotalsRows.Locked locked = rows.lockAgency(agencyId, year, year - 1, year + 1);
      FiledReport filed = locked.filed();
      Map<Integer, Contribution> around = locked.years();
      Contribution old = around.get(year);
      Contribution fresh = null;
      if (report != null) {
        if (filed == null) {
          throw new IllegalStateException("no report row for " + agencyCode + " " + year);
        }
        fresh =
            Contribution.of(
                division,
                year,
                revision,
                report,
                violations,
                filed,
                imported,
                around.get(year - 1));
      }
      if (old != null) {
        add(year, old, -1);
      }
      if (fresh != null) {
        add(year, fresh, +1);
      } else if (old != null) {
        rows.delete(agencyId, year);
      }
      Contribution next = around.get(year + 1);
      Contribution flipped = null;
      if (next != null) {
        boolean mismatch =
            fresh != null && Contribution.carryOverMismatch(next.cells(), fresh.cells());
        if (mismatch != next.carryOverMismatch()) {
          add(year + 1, next, -1);
          flipped = next.withCarryOverMismatch(mismatch);
          add(year + 1, flipped, +1);
        }
      }
      List<TotalsDelta.Shared> deltas = deltas();
      if (fresh != null && flipped == null && deltas.size() == 1) {
        // A filing's usual change: its row and its one delta, in one round trip.
        rows.writeThenAdd(agencyId, year, fresh, deltas.get(0), shard, at);
        return;
      }
      if (fresh != null) {
        rows.write(agencyId, year, fresh);
      }
      if (flipped != null) {
        rows.write(agencyId, year + 1, flipped);
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
      rows.add(deltas(), shard, at);
    }

    /** Adds a report's contribution, times {@code sign}, to every totals row it counts in. */
    private void add(int year, Contribution c, int sign) {
      Signed signed = new Signed(c, sign);
      for (String[] region : TotalsKey.regionsOf(c.division())) {
        changes
            .computeIfAbsent(new TotalsKey(year, region[0], region[1]), k -> new ArrayList<>())
            .add(signed);
      }
    }

    /**
     * The deltas, in key order: neighbouring keys that get the same contributions (a filing's
     * regions of its year, all of them) share one delta, summed once and written in one statement.
     */
    private List<TotalsDelta.Shared> deltas() {
      List<TotalsDelta.Shared> deltas = new ArrayList<>();
      List<Signed> previous = null;
      for (Map.Entry<TotalsKey, List<Signed>> entry : changes.entrySet()) {
        if (!entry.getValue().equals(previous)) {
          TotalsDelta delta = new TotalsDelta();
          entry.getValue().forEach(s -> delta.add(s.contribution(), s.sign()));
          deltas.add(new TotalsDelta.Shared(new ArrayList<>(), delta));
          previous = entry.getValue();
        }
        deltas.get(deltas.size() - 1).keys().add(entry.getKey());
      }
      return deltas;
    }
  }

  /** A contribution added to a totals row ({@code sign} +1) or taken off it (-1). */
  private record Signed(Contribution contribution, int sign) {}
}
