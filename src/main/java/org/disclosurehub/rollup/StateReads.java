package org.disclosurehub.rollup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.disclosurehub.region.Division;
import org.disclosurehub.sql.Sql;
import org.disclosurehub.system.HubConfig;

/**
 * The state of the rows a response covers, whose hash is its ETag: the registry's rows per division
 * and the coverage's totals rows, never an agency or a report.
 */
final class StateReads {
  private final Connection connection;
  private final HubConfig.Checks checks;
  private final boolean asOf;

  StateReads(Connection connection, HubConfig.Checks checks) {
    this(connection, checks, false);
  }

  private StateReads(Connection connection, HubConfig.Checks checks, boolean asOf) {
    this.connection = connection;
    this.checks = checks;
    this.asOf = asOf;
  }

  /**
   * The state read that begins an as-of read's snapshot: repeatable read but not read only, since
   * the read writes temporary tables in it ({@link AsOfRead}).
   */
  static StateReads beginningAsOf(Connection connection, HubConfig.Checks checks) {
    return new StateReads(connection, checks, true);
  }

  /** What identifies the data a response covers; its hash is the response's ETag. */
  record State(
      boolean regionKnown,
      long agencies,
      Instant agenciesChanged,
      long agencyVersions,
      long versions,
      Instant totalsChanged,
      long plausibilityVersions,
      String thresholds,
      long earlierVersions,
      long spanMoves,
      long renames) {
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
      return joined(
          agencies,
          agenciesChanged,
          agencyVersions,
          versions,
          totalsChanged,
          plausibilityVersions,
          thresholds,
          spanMoves);
    }

    /**
     * What the years before the last one covered are summed and counted from, as far as the tag
     * itself knows it: the registry (its version less its renames moves with every change to an
     * agency but a rename, its span's inputs included, and with every roster change) and the
     * coverage's totals rows of those years (moved by every report of theirs, and by a report that
     * moves its agency's span into them). A page keeps its trend's earlier years under it ({@link
     * KeptTrendYears}), so that a filing for the page's year does not read them again.
     */
    String earlierYearsKey() {
      return joined(agencies, agencyVersions - renames, spanMoves, earlierVersions);
    }

    /**
     * The tag's state but for names: the registry's versions less its renames (V30), which a rename
     * moves alike, and no instant of change. What no agency's name enters (sums, counts, warnings
     * counted by code) is the same under the same key ({@link KeptYearFigures}).
     */
    String nameFreeKey() {
      return joined(
          agencies,
          agencyVersions - renames,
          versions,
          totalsChanged,
          plausibilityVersions,
          thresholds,
          spanMoves);
    }

    private static String joined(Object... parts) {
      StringBuilder key = new StringBuilder();
      for (Object part : parts) {
        key.append(key.isEmpty() ? "" : "/").append(part);
      }
      return key.toString();
    }
  }

  // The coverage's own totals rows (its shards, per year) are bumped by every write of a report
  // within it, so their versions identify its data: a few rows, however large the region.
  // Without a region (the whole country) the 'own' rows of every division are summed instead.
  // The registry likewise: a row per division (division_registry, kept by the V8 triggers) counts
  // its agencies and every change to them.
  // A rename moves the registry's version and its renames alike (V30).
  // A first report for an earlier year moves its agency's span and so the years between (V29's
  // span_moves, sharded, usually no row).
  // The plausibility warnings change with neighbours too (another report of the city, the year
  // before): their counters per city and year, and the thresholds they are judged by, count too.
  // The totals rows are read once for their three figures (all years' versions, the last change,
  // the versions of the years before the last), not once per figure: every roll-up reads its state.
  private static final String STATE =
      """
      select (select coalesce(sum(agencies), 0) > 0 from division_registry
              where division_code between :regionLowest and :regionHighest),
             r.agencies, r.changed_at, r.versions, t.versions, t.updated_at,
             (select coalesce(sum(version), 0) from plausibility_version
              where city between :cityLowest and :cityHighest and year between :fromYear and :toYear),
             t.earlier_versions,
             (select coalesce(sum(moves), 0) from span_moves
              where division_code between :lowest and :highest),
             r.renames
      from (select coalesce(sum(agencies), 0) as agencies, max(changed_at) as changed_at,
                   coalesce(sum(version), 0) as versions, coalesce(sum(renames), 0) as renames
            from division_registry where division_code between :lowest and :highest) r,
           (select coalesce(sum(version), 0) as versions, max(updated_at) as updated_at,
                   coalesce(sum(version) filter (where year < :toYear), 0) as earlier_versions
            from region_totals where %1$s) t""";

  private static final String OF_REGION =
      "division_code = :code and scope = :scope and year between :fromYear and :toYear";

  private static final String OF_COUNTRY =
      """
      scope = 'own' and year between :fromYear and :toYear
        and division_code between :lowest and :highest""";

  // The snapshot is begun by the same round trip as the first state read: the driver sends its
  // BEGIN, this SET and the query at once, where a SET of its own would cost a round trip more.
  private static final String BEGIN_SNAPSHOT =
      "set transaction isolation level repeatable read, read only;\n";

  private static final Sql STATE_OF_REGION = Sql.of(STATE.formatted(OF_REGION));
  private static final Sql STATE_OF_COUNTRY = Sql.of(STATE.formatted(OF_COUNTRY));
  private static final Sql BEGIN_STATE_OF_REGION =
      Sql.of(BEGIN_SNAPSHOT + STATE.formatted(OF_REGION));
  private static final Sql BEGIN_STATE_OF_COUNTRY =
      Sql.of(BEGIN_SNAPSHOT + STATE.formatted(OF_COUNTRY));
  private static final String BEGIN_AS_OF_SNAPSHOT =
      "set transaction isolation level repeatable read;\n";
  private static final Sql BEGIN_AS_OF_STATE_OF_REGION =
      Sql.of(BEGIN_AS_OF_SNAPSHOT + STATE.formatted(OF_REGION));
  private static final Sql BEGIN_AS_OF_STATE_OF_COUNTRY =
      Sql.of(BEGIN_AS_OF_SNAPSHOT + STATE.formatted(OF_COUNTRY));

  /** Whether the snapshot was begun: the first state read begins it. */
  private boolean begun;

  /** The last state read, by its arguments: a document asks again for what its ETag was made of. */
  private List<Object> stateKey;

  private State stateRead;

  /**
   * Whether any agency was ever registered within {@code region}, and the state of the registry and
   * of the totals rows the coverage and years span. Cheap: it never reads a report.
   */
  State state(Coverage region, Coverage coverage, int fromYear, int toYear) throws SQLException {
    // One snapshot (repeatable read): the same question has the same answer.
    List<Object> key = List.of(region, coverage, fromYear, toYear);
    if (!key.equals(stateKey)) {
      stateRead = readState(region, coverage, fromYear, toYear);
      stateKey = key;
    }
    return stateRead;
  }

  private State readState(Coverage region, Coverage coverage, int fromYear, int toYear)
      throws SQLException {
    boolean country = coverage.code() == null;
    Sql sql =
        begun
            ? (country ? STATE_OF_COUNTRY : STATE_OF_REGION)
            : asOf
                ? (country ? BEGIN_AS_OF_STATE_OF_COUNTRY : BEGIN_AS_OF_STATE_OF_REGION)
                : (country ? BEGIN_STATE_OF_COUNTRY : BEGIN_STATE_OF_REGION);
    try (var s = sql.prepare(connection)) {
      s.set("regionLowest", region.lowest())
          .set("regionHighest", region.highest())
          .set("lowest", coverage.lowest())
          .set("highest", coverage.highest())
          .set("fromYear", fromYear)
          .set("toYear", toYear)
          .set("cityLowest", Division.cityOf(coverage.lowest()))
          .set("cityHighest", Division.cityOf(coverage.highest()));
      if (!country) {
        s.set("code", coverage.code()).set("scope", coverage.scope());
      }
      try (ResultSet rs = begun ? s.query() : s.queryLast()) {
        begun = true;
        rs.next();
        return new State(
            rs.getBoolean(1),
            rs.getLong(2),
            instant(rs.getTimestamp(3)),
            rs.getLong(4),
            rs.getLong(5),
            instant(rs.getTimestamp(6)),
            rs.getLong(7),
            checks.previousYearReuse()
                + "/"
                + checks.sameCityReuse()
                + "/"
                + checks.reuseMinCharacters()
                + "/"
                + checks.jumpFactor()
                + "/"
                + checks.jumpFloor(),
            rs.getLong(8),
            rs.getLong(9),
            rs.getLong(10));
      }
    }
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
