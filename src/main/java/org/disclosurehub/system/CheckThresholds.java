package org.disclosurehub.system;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import javax.sql.DataSource;
import org.disclosurehub.sql.Sql;

/**
 * The TEXT_REUSE thresholds in force at an instant (V19's check_thresholds): an as-of read judges
 * the stored shares by the thresholds of its day, as the service did then, not by today's. A day
 * answered as immutable must not change when an operator changes hub.checks.* later. Each start
 * records the configuration when it differs from the row in force now; before the first row, the
 * running configuration is the only one known and answers. The YEAR_JUMP thresholds need no
 * history: its findings are judged when a report is stored, and kept (plausibility_history).
 */
@ApplicationScoped
public class CheckThresholds {
  private final DataSource dataSource;
  private final HubConfig config;
  private final Clock clock;

  CheckThresholds(DataSource dataSource, HubConfig config, Clock clock) {
    this.dataSource = dataSource;
    this.config = config;
    this.clock = clock;
  }

  /** The three TEXT_REUSE thresholds. */
  public record Reuse(double previousYearReuse, double sameCityReuse, int reuseMinCharacters) {
    static Reuse of(HubConfig.Checks checks) {
      return new Reuse(
          checks.previousYearReuse(), checks.sameCityReuse(), checks.reuseMinCharacters());
    }
  }

  void started(@Observes StartupEvent started) {
    record(Reuse.of(config.checks()), clock.instant());
  }

  // One writer at a time (replicas start together); a row only when the one in force differs.
  private static final Sql RECORD =
      Sql.of(
          """
          select pg_advisory_xact_lock(hashtext('check_thresholds'));
          insert into check_thresholds (valid_from, previous_year_reuse, same_city_reuse,
                                        reuse_min_characters)
          select :at, :previous, :sameCity, :minCharacters
          where not exists (select 1
                            from (select * from check_thresholds where valid_from <= :at
                                  order by valid_from desc, id desc limit 1) t
                            where t.previous_year_reuse = :previous
                              and t.same_city_reuse = :sameCity
                              and t.reuse_min_characters = :minCharacters)""");

  /**
   * Records that the thresholds are {@code reuse} from {@code at} on, unless the row in force then
   * says so already. The service calls it at each start with its configuration and clock.
   */
  public void record(Reuse reuse, Instant at) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (var s = RECORD.prepare(connection)) {
        s.set("at", at)
            .set("previous", reuse.previousYearReuse())
            .set("sameCity", reuse.sameCityReuse())
            .set("minCharacters", reuse.reuseMinCharacters())
            .execute();
      }
      connection.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("recording the check thresholds failed", e);
    }
  }

  private static final Sql IN_FORCE =
      Sql.of(
          """
          select previous_year_reuse, same_city_reuse, reuse_min_characters
          from check_thresholds where valid_from < :end
          order by valid_from desc, id desc limit 1""");

  /** The thresholds in force just before {@code end} (the configuration's before any row). */
  public Reuse at(Connection connection, Instant end) throws SQLException {
    try (var s = IN_FORCE.prepare(connection)) {
      s.set("end", end);
      try (var rs = s.query()) {
        return rs.next()
            ? new Reuse(rs.getDouble(1), rs.getDouble(2), rs.getInt(3))
            : Reuse.of(config.checks());
      }
    }
  }

  /** {@link #at} on a connection of its own. */
  public Reuse at(Instant end) {
    try (Connection connection = dataSource.getConnection()) {
      return at(connection, end);
    } catch (SQLException e) {
      throw new IllegalStateException("reading the check thresholds failed", e);
    }
  }

  /** The configuration's checks with the TEXT_REUSE thresholds in force just before {@code end}. */
  public HubConfig.Checks checksAt(Connection connection, Instant end) throws SQLException {
    return with(config.checks(), at(connection, end));
  }

  /** {@code checks} with the TEXT_REUSE thresholds of {@code reuse}. */
  public static HubConfig.Checks with(HubConfig.Checks checks, Reuse reuse) {
    return new HubConfig.Checks() {
      @Override
      public double previousYearReuse() {
        return reuse.previousYearReuse();
      }

      @Override
      public double sameCityReuse() {
        return reuse.sameCityReuse();
      }

      @Override
      public int reuseMinCharacters() {
        return reuse.reuseMinCharacters();
      }

      @Override
      public double jumpFactor() {
        return checks.jumpFactor();
      }

      @Override
      public int jumpFloor() {
        return checks.jumpFloor();
      }
    };
  }
}
