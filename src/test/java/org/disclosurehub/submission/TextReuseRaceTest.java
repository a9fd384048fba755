package org.disclosurehub.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.JSON;
import static org.disclosurehub.Fixtures.agencyId;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.registerNamed;
import static org.disclosurehub.Fixtures.reportPath;
import static org.disclosurehub.Fixtures.withOverview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * TEXT_REUSE looks up the reports of the city sharing text before it takes the city and year's
 * lock, and uses that lookup only if no other writer counted a change since. Two filings of one
 * text are made to look up first and then wait for the lock together: the one that gets it second
 * must still find the other. Agencies in 崇左市 (451400), which no other test uses; a narrative of its
 * own each run, so that earlier runs' reports share nothing with it.
 */
@QuarkusTest
class TextReuseRaceTest {
  private static final String CITY = "451400";
  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  @Inject DataSource database;

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  @Test
  void shouldFindAFilingCommittedBetweenTheLookupAndTheLock() throws Exception {
    String one = registerNamed("451402", "崇左市江州区自然资源局");
    String other = registerNamed("451421", "扶绥县自然资源局");
    // Different shards of the roll-up totals: neither waits for the other before the city's lock.
    while (Math.floorMod(agencyId(database, other), 16)
        == Math.floorMod(agencyId(database, one), 16)) {
      other = registerNamed("451421", "扶绥县自然资源局");
    }
    ObjectNode report = withOverview(naturalResources2024(), narrative(new Random()));
    List<Future<JsonNode>> filings;
    try (Connection holder = database.getConnection()) {
      try (PreparedStatement s =
          holder.prepareStatement(
              "insert into plausibility_version (city, year, version) values (?, 2024, 1)"
                  + " on conflict (city, year) do nothing")) {
        s.setString(1, CITY);
        s.executeUpdate();
      }
      holder.setAutoCommit(false);
      // The city and year's lock, held (nothing counted) while both filings look up: each finds
      // nothing yet, at the same version.
      try (PreparedStatement s =
          holder.prepareStatement(
              "select version from plausibility_version where city = ? and year = 2024 for update")) {
        s.setString(1, CITY);
        s.executeQuery().close();
      }
      filings =
          List.of(one, other).stream()
              .map(a -> pool.submit(() -> PlausibilityApiTest.put(a, 2024, report, 201)))
              .toList();
      waitForTwoWaitingOnTheCity();
      holder.commit();
    }
    for (Future<JsonNode> filing : filings) {
      filing.get(30, TimeUnit.SECONDS);
    }

    // Each finds the other, whichever stored first: the same text, a share of 1.
    assertThat(sameCity(one)).isEqualTo("1.0000 " + other);
    assertThat(sameCity(other)).isEqualTo("1.0000 " + one);
  }

  private void waitForTwoWaitingOnTheCity() throws Exception {
    String waiting =
        "select count(*) from pg_stat_activity where datname = current_database()"
            + " and wait_event_type = 'Lock' and query like '%into plausibility_version%'";
    for (int i = 0; i < 300; i++) {
      try (Connection c = database.getConnection();
          ResultSet rs = c.createStatement().executeQuery(waiting)) {
        rs.next();
        if (rs.getInt(1) == 2) {
          return;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the two filings never both waited for the city's lock");
  }

  private static String sameCity(String agency) throws Exception {
    JsonNode read = JSON.readTree(given().get(reportPath(agency, 2024)).asString());
    return read.at("/textReuse/sameCity").decimalValue().setScale(4)
        + " "
        + read.at("/textReuse/sameCityAgency").asText();
  }

  /** 400 characters drawn at random: no other report's n-grams. */
  private static String narrative(Random random) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      text.append((char) (0x4e00 + random.nextInt(0x5000)));
      if (i % 40 == 39) {
        text.append('。');
      }
    }
    return text.toString();
  }
}
