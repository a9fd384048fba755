package org.disclosurehub.rollup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.distinctCells2024;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.rollup.AsOfRequests.file;
import static org.disclosurehub.rollup.AsOfRequests.patch;
import static org.disclosurehub.rollup.AsOfRequests.register;
import static org.disclosurehub.rollup.AsOfRequests.rollup;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.disclosurehub.MovableClock;
import org.disclosurehub.system.Clocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The list of a region's agencies changed after a day ({@link AsOfChanges#find}) is read from V26's
 * days of change for the region's divisions only: it names the agencies ever placed within the
 * region with a history row after the day, whatever the rest of the country wrote, and past {@link
 * AsOfChanges#laterRowsCap} of the region's days of change the region is rebuilt, with the same
 * answer. 包头市 (150200) and 乌海市 (150300), which no other test uses.
 */
@QuarkusTest
class AsOfChangesTest {
  private static final String BAOTOU = "150200";
  private static final String DONGHE = "150202";
  private static final String KUNDULUN = "150203";
  private static final String QINGSHAN = "150204"; // nothing ever placed in it
  private static final String WUHAI = "150300";
  private static final String HAIBOWAN = "150302";
  private static final String HAINAN = "150303";

  @Inject DataSource database;
  private final MovableClock clock = new MovableClock();

  // The same request is asked twice to compare the two ways of reading it: none is kept.
  @BeforeEach
  void readEveryAnswer() {
    AsOfRead.keepPastAnswers = false;
  }

  @AfterEach
  void restoreTheCap() {
    AsOfChanges.laterRowsCap = 50_000;
    AsOfChanges.rebuildShare = 0.5;
    AsOfRead.keepPastAnswers = true;
  }

  @Test
  void shouldListTheRegionsChangedAgenciesOnlyAndRebuildPastTheCap() throws Exception {
    QuarkusMock.installMockForType(clock, Clock.class);
    clock.at("2025-07-01T10:00");
    String movedOut = register("asof-list", "东河区迁出局", DONGHE);
    file(movedOut, naturalResources2024());
    String corrected = register("asof-list", "昆都仑区更正局", KUNDULUN);
    file(corrected, naturalResources2024());
    String left = register("asof-list", "昆都仑区未变局", KUNDULUN);
    file(left, naturalResources2024());
    String renamed = register("asof-list", "海勃湾区旧名局", HAIBOWAN);
    String wuhaiLeft = register("asof-list", "海南区未变局", HAINAN);
    file(wuhaiLeft, naturalResources2024());

    clock.at("2025-07-03T10:00");
    file(corrected, distinctCells2024());
    patch(renamed, Map.of("name", "海勃湾区新名局"));
    patch(movedOut, Map.of("divisionCode", HAIBOWAN));

    // Filed on the 5th while in 东河区, then (the service's clock set back) moved to 海南区 on the
    // 4th: 乌海市 as of the 4th lists it although the filing was kept before it ever was there.
    clock.at("2025-07-05T10:00");
    String filedThenMoved = register("asof-list", "东河区后迁局", DONGHE);
    clock.at("2025-07-05T11:00");
    file(filedThenMoved, naturalResources2024());
    clock.at("2025-07-04T10:00");
    patch(filedThenMoved, Map.of("divisionCode", HAINAN));
    clock.at("2025-07-06T10:00");

    // A neighbour's filing may rewrite an agency's plausibility row (a change of its own), so the
    // lists are held to what they must and must not name.
    assertThat(changed(BAOTOU, "2025-07-02"))
        .contains(movedOut, corrected, filedThenMoved)
        .doesNotContain(renamed, wuhaiLeft);
    assertThat(changed(DONGHE, "2025-07-02"))
        .contains(movedOut, filedThenMoved)
        .doesNotContain(corrected, left, renamed, wuhaiLeft);
    assertThat(changed(WUHAI, "2025-07-02"))
        .contains(movedOut, renamed, filedThenMoved)
        .doesNotContain(corrected, left);
    assertThat(changed(WUHAI, "2025-07-04")).containsExactly(filedThenMoved);
    assertThat(changed(BAOTOU, "2025-07-05")).isNull(); // nothing after the 5th
    assertThat(changed(QINGSHAN, "2025-06-30")).isNull();

    // Past the cap, the region is rebuilt (no list), with the answer of the list.
    List<String> listed = new ArrayList<>();
    for (String region : List.of(BAOTOU, KUNDULUN, WUHAI, HAIBOWAN)) {
      listed.add(given().get(rollup(region) + "?asOf=2025-07-02").asString());
    }
    AsOfChanges.laterRowsCap = 2; // 包头市 changed on more days since the 2nd
    assertThat(found(BAOTOU, "2025-07-02").changed()).isNull();
    assertThat(found(BAOTOU, "2025-07-02").rebuild()).isTrue();
    AsOfChanges.rebuildShare = Double.POSITIVE_INFINITY; // only the cap rebuilds
    List<String> rebuilt = new ArrayList<>();
    for (String region : List.of(BAOTOU, KUNDULUN, WUHAI, HAIBOWAN)) {
      rebuilt.add(given().get(rollup(region) + "?asOf=2025-07-02").asString());
    }
    assertThat(rebuilt).isEqualTo(listed);
    // 东河区's days of change since the 4th alone count (the filing on the 5th): within the cap.
    assertThat(changed(DONGHE, "2025-07-04")).containsExactlyInAnyOrder(filedThenMoved);
  }

  /** The codes of the agencies listed as changed after the day (null: none). */
  private List<String> changed(String region, String day) throws SQLException {
    AsOfChanges.Found found = found(region, day);
    if (found == null) {
      return null;
    }
    assertThat(found.changed()).as("listed, not over the cap").isNotNull();
    List<String> codes = new ArrayList<>();
    try (Connection connection = database.getConnection();
        PreparedStatement s =
            connection.prepareStatement("select code from agency where id = any(?)")) {
      s.setArray(1, connection.createArrayOf("bigint", found.changed()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          codes.add(rs.getString(1));
        }
      }
    }
    assertThat(codes).as("each listed agency exists").hasSize(found.changed().length);
    return codes;
  }

  private AsOfChanges.Found found(String region, String day) throws SQLException {
    String highest = region.endsWith("00") ? region.substring(0, 4) + "99" : region;
    Instant end = LocalDate.parse(day).plusDays(1).atStartOfDay(Clocks.BEIJING).toInstant();
    try (Connection connection = database.getConnection()) {
      return AsOfTables.changes(connection, end, region, highest);
    }
  }
}
