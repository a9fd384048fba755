package org.disclosurehub.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.disclosurehub.Fixtures.agencyId;
import static org.disclosurehub.Fixtures.registerAgency;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * V20 splits {@code division_agencies} into shards by agency, so that the first reports of two
 * agencies of one division (an import job's backfill: each moves its agency's span) no longer take
 * turns on the division's one shared row. Agencies here lie in 石河子市 (659001), which no other test
 * uses.
 */
@QuarkusTest
class DivisionAgenciesShardTest {
  private static final int THIS_YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

  @Inject DataSource database;

  @Test
  void shouldNotMakeFirstReportsOfOneDivisionWaitForEachOther() throws Exception {
    long first = agencyId(database, registerAgency("659001"));
    long second = agencyId(database, registerAgency("659001"));
    while (Math.floorMod(second, 16) == Math.floorMod(first, 16)) {
      second = agencyId(database, registerAgency("659001"));
    }
    try (Connection one = database.getConnection();
        Connection other = database.getConnection()) {
      one.setAutoCommit(false);
      other.setAutoCommit(false);
      try {
        // A first report of an earlier year moves the agency's span: its count is held until the
        // commit. Another agency's first report of the division goes on meanwhile.
        firstReport(one, first, THIS_YEAR - 3);
        other.createStatement().execute("set local lock_timeout = '3s'");
        long otherAgency = second;
        assertThatCode(() -> firstReport(other, otherAgency, THIS_YEAR - 2))
            .as("the second agency's first report while the first's is not committed")
            .doesNotThrowAnyException();
      } finally {
        one.rollback();
        other.rollback();
      }
    }
  }

  @Test
  void shouldMoveTheSpanOfAnAgencyWhoseTwoEarlierYearsAreStoredAtOnce() throws Exception {
    long agency = agencyId(database, registerAgency("659001"));
    try (Connection one = database.getConnection();
        Connection other = database.getConnection()) {
      one.setAutoCommit(false);
      other.setAutoCommit(false);
      // The first store holds the agency's span; the second waits for it, then moves the span
      // the first one left (V22). Before V22 it found the span's row deleted and failed.
      firstReport(one, agency, THIS_YEAR - 2);
      ExecutorService background = Executors.newSingleThreadExecutor();
      try {
        Future<?> waiting =
            background.submit(
                () -> {
                  firstReport(other, agency, THIS_YEAR - 4);
                  other.commit();
                  return null;
                });
        Thread.sleep(300);
        assertThat(waiting).as("the second store waits for the first").isNotDone();
        one.commit();
        assertThatCode(() -> waiting.get(10, TimeUnit.SECONDS))
            .as("the second store, once the first has committed")
            .doesNotThrowAnyException();
      } finally {
        background.shutdownNow();
      }
      try (ResultSet rs =
          one.createStatement()
              .executeQuery("select first_year from agency_span where agency_id = " + agency)) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1))
            .as("the span starts with the earliest report")
            .isEqualTo(THIS_YEAR - 4);
        assertThat(rs.next()).as("one span per agency").isFalse();
      }
      // Report rows without revisions are this test's only: they go, and the span with them
      // (other tests of the division count the roster's moves from the spans).
      one.createStatement().execute("delete from report where agency_id = " + agency);
      one.createStatement().execute("select agency_span_refresh(" + agency + ")");
      one.commit();
    }
  }

  @Test
  void shouldCountEveryAgencyInItsOwnShardOfItsSpan() throws Exception {
    for (int i = 0; i < 3; i++) {
      registerAgency("659001");
    }
    // Every division, span and shard: the count equals the agencies whose span it is.
    String differing =
        """
        with counted as (
          select division_code, first_year, last_year, shard, agencies from division_agencies
          where agencies > 0),
        spans as (
          select division_code, first_year, last_year, mod(agency_id, 16) as shard,
                 count(*) as agencies
          from agency_span group by division_code, first_year, last_year, mod(agency_id, 16))
        select (select count(*) from (table counted except all table spans) a)
             + (select count(*) from (table spans except all table counted) b)""";
    try (Connection connection = database.getConnection();
        ResultSet rs = connection.createStatement().executeQuery(differing)) {
      rs.next();
      assertThat(rs.getInt(1)).as("shards whose count differs from the spans'").isZero();
    }
  }

  private static void firstReport(Connection connection, long agencyId, int year)
      throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "insert into report (agency_id, year, current_revision, first_submitted_at)"
                + " values (?, ?, 1, now())")) {
      s.setLong(1, agencyId);
      s.setInt(2, year);
      s.executeUpdate();
    }
  }
}
