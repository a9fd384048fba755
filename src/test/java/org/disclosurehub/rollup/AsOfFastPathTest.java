package org.disclosurehub.rollup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.distinctCells2024;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.reportPath;
import static org.disclosurehub.Fixtures.withOverview;
import static org.disclosurehub.Fixtures.zhongweiCivilAffairs2024;
import static org.disclosurehub.rollup.AsOfRequests.YEAR;
import static org.disclosurehub.rollup.AsOfRequests.file;
import static org.disclosurehub.rollup.AsOfRequests.patch;
import static org.disclosurehub.rollup.AsOfRequests.register;
import static org.disclosurehub.rollup.AsOfRequests.rollup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.disclosurehub.Fixtures;
import org.disclosurehub.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A region as of a day after which some of its agencies changed is answered from the live rows of
 * the others and the history of the changed ones (AsOfChanges); it must answer exactly what the
 * rebuild of every agency from the history answers. Each answer is asked twice, once with every
 * read made to take the fast path and once the rebuild ({@link AsOfChanges#rebuildShare}), and the
 * two bodies must be equal byte for byte: the roll-ups of the city and of each county, their agency
 * lists, the document, reports.csv. 白山市 (220600) gets a scripted history (corrections, withdrawals,
 * moves, renames, agencies registered after the day, imports, a roster change); 鸡西市 (230300) random
 * histories from seeds; 佳木斯市 (230800) a patch that changes nothing the history keeps. No other test
 * uses these cities.
 */
@QuarkusTest
class AsOfFastPathTest {
  private static final String BAISHAN = "220600";
  private static final List<String> BAISHAN_COUNTIES =
      List.of("220602", "220605", "220621", "220622");
  private static final String JIXI = "230300";
  private static final List<String> JIXI_COUNTIES = List.of("230302", "230303", "230304", "230305");
  private static final String JIAMUSI = "230800";
  private static final List<String> JIAMUSI_COUNTIES = List.of("230803", "230804");
  private static final String YICHUN = "230700";
  private static final List<String> YICHUN_COUNTIES =
      List.of("230717", "230718", "230719", "230722");
  private static final String QITAIHE = "230900";
  private static final List<String> QITAIHE_COUNTIES = List.of("230902", "230903");
  private static final String OUTSIDE = "230904"; // 七台河市茄子河区: where 伊春市's agencies move to
  private static final String DOCUMENT = "/api/v1/regions/%s/annual-report/" + YEAR;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final MovableClock clock = new MovableClock();

  // The same request is asked twice to compare the two ways of reading it: none is kept.
  @BeforeEach
  void readEveryAnswer() {
    AsOfRead.keepPastAnswers = false;
  }

  @AfterEach
  void restoreTheShare() {
    AsOfChanges.rebuildShare = 0.5;
    AsOfRead.keepPastAnswers = true;
  }

  @Test
  void shouldAnswerWhatTheRebuildAnswersAfterEveryKindOfChange() throws Exception {
    QuarkusMock.installMockForType(clock, Clock.class);
    List<String> c = BAISHAN_COUNTIES;
    clock.at("2025-03-01T10:00");
    String corrected = register("asof-fast", "浑江区更正局", c.get(0));
    file(corrected, naturalResources2024());
    String renamed = register("asof-fast", "浑江区旧名局", c.get(0));
    file(renamed, distinctCells2024());
    file(renamed, naturalResources2024()); // corrected before the day too
    String withdrawnLater = register("asof-fast", "江源区后撤局", c.get(1));
    file(withdrawnLater, zhongweiCivilAffairs2024());
    String withdrawnBefore = register("asof-fast", "江源区先撤局", c.get(1));
    file(withdrawnBefore, naturalResources2024());
    admin().delete(reportPath(withdrawnBefore, YEAR)).then().statusCode(200);
    String moved = register("asof-fast", "抚松县迁出局", c.get(2));
    file(moved, distinctCells2024());
    String imported = register("asof-fast", "靖宇县导入局", c.get(3));
    importReport(imported);
    String excluded = register("asof-fast", "靖宇县撤销局", c.get(3));
    String mismatched = register("asof-fast", "靖宇县不符局", c.get(3));
    file(mismatched, withOverview(naturalResources2024(), "全年共收到政府信息公开申请75件。"));
    for (int i = 0; i < 6; i++) { // agencies left alone: their live rows are copied
      file(register("asof-fast", "白山未变局" + i, c.get(i % 4)), naturalResources2024());
    }

    clock.at("2025-03-02T10:00");
    String filedOnTheDay = register("asof-fast", "江源区当日局", c.get(1));
    importReport(filedOnTheDay);

    clock.at("2025-03-04T10:00");
    file(corrected, distinctCells2024());
    patch(renamed, Map.of("name", "浑江区新名局"));
    admin().delete(reportPath(withdrawnLater, YEAR)).then().statusCode(200);
    patch(moved, Map.of("divisionCode", c.get(0)));
    file(register("asof-fast", "抚松县新设局", c.get(2)), zhongweiCivilAffairs2024());
    importReport(imported); // a second revision, imported
    file(filedOnTheDay, naturalResources2024());
    admin()
        .contentType("application/json")
        .body(Map.of("expected", false, "cause", "abolished", "reason", "2025年撤销"))
        .post("/api/v1/agencies/" + excluded + "/roster/" + YEAR)
        .then()
        .statusCode(201);
    explainWarnings(mismatched);

    for (String day : List.of("2025-02-28", "2025-03-01", "2025-03-02", "2025-03-03")) {
      assertSamePaths(BAISHAN, BAISHAN_COUNTIES, day);
    }
  }

  /**
   * A PATCH that changes nothing the history keeps (the same division, the same name; or only the
   * credit code) still sets the agency's updated_at, and with it its division's changed_at, which a
   * document prints as 数据截至: the copy of the agencies unchanged since a day took that instant from
   * the live row, later than the day (seed 10497621844566 found it), and when nothing else had
   * changed the live tables answered with it.
   */
  @Test
  void shouldDateTheRegistryByItsHistoryWhenAPatchChangedNothingItKeeps() throws Exception {
    QuarkusMock.installMockForType(clock, Clock.class);
    clock.at("2025-05-01T10:00");
    // Registered only: a neighbour's filing would rewrite its plausibility row, a change in itself.
    String untouched = register("asof-fast", "向阳区原样局", JIAMUSI_COUNTIES.get(0));
    String corrected = register("asof-fast", "前进区更正局", JIAMUSI_COUNTIES.get(1));
    file(corrected, naturalResources2024());
    clock.at("2025-05-03T10:00");
    patch(untouched, Map.of("divisionCode", JIAMUSI_COUNTIES.get(0))); // where it already is
    file(corrected, distinctCells2024());
    assertSamePaths(JIAMUSI, JIAMUSI_COUNTIES, "2025-05-02");
    clock.at("2025-05-05T10:00");
    patch(untouched, Map.of("name", "向阳区原样局")); // its own name: nothing else changes
    String document = given().get(DOCUMENT.formatted(JIAMUSI) + "?asOf=2025-05-04").asString();
    assertThat(document).contains("<dt>数据截至</dt><dd>2025年5月5日 00:00（北京时间）</dd>");
    assertSamePaths(JIAMUSI, JIAMUSI_COUNTIES, "2025-05-04");
  }

  /**
   * The seeds every run takes, so that CI repeats itself: 42 (the default before), 10497621844566
   * (the registry's instant, above), 7 and 1001; {@code -Dasof.seed=N} runs one more, {@code
   * -Dasof.seeds=N -Dasof.firstSeed=S} the seeds S to S+N-1 and names every one that differs (1 to
   * 123 were run so against the views, all the same).
   */
  private static final long[] SEEDS = {42L, 10497621844566L, 7L, 1001L};

  private static final LocalDate FIRST_DAY = LocalDate.of(2025, 4, 10);

  /** Each history takes days of its own, after the last one's (the city keeps its agencies). */
  private static int histories;

  @Test
  void shouldAnswerWhatTheRebuildAnswersOverRandomHistories() throws Exception {
    QuarkusMock.installMockForType(clock, Clock.class);
    List<Long> seeds = new ArrayList<>();
    for (long seed : SEEDS) {
      seeds.add(seed);
    }
    Long oneMore = Long.getLong("asof.seed");
    if (oneMore != null) {
      seeds.add(oneMore);
    }
    int many = Integer.getInteger("asof.seeds", 0);
    long first = Long.getLong("asof.firstSeed", 1L);
    for (long seed = first; seed < first + many; seed++) {
      seeds.add(seed);
    }
    List<String> differing = new ArrayList<>();
    for (long seed : seeds) {
      try {
        randomHistory(seed);
      } catch (AssertionError e) {
        if (many == 0) {
          throw e;
        }
        differing.add(seed + ": " + e.getMessage().lines().findFirst().orElse(""));
      }
      if (many > 0) { // a long loop says how far it got
        System.out.println("asof.seed " + seed + (differing.isEmpty() ? " same" : " " + differing));
      }
    }
    assertThat(differing).as("seeds whose fast answer differs, of " + seeds.size()).isEmpty();
  }

  private void randomHistory(long seed) throws Exception {
    Random random = new Random(seed);
    List<String> agencies = new ArrayList<>();
    Map<String, Boolean> filed = new LinkedHashMap<>();
    List<ObjectNode> reports =
        List.of(naturalResources2024(), distinctCells2024(), zhongweiCivilAffairs2024());
    List<String> days = new ArrayList<>();
    LocalDate start = FIRST_DAY.plusDays(5L * histories++);
    for (int d = 0; d < 5; d++) {
      String day = start.plusDays(d).toString();
      days.add(day);
      clock.at(day + "T0" + (1 + random.nextInt(8)) + ":00");
      for (int op = 0; op < 2 + random.nextInt(5); op++) {
        int kind = agencies.isEmpty() ? 0 : random.nextInt(6);
        String agency = agencies.isEmpty() ? null : agencies.get(random.nextInt(agencies.size()));
        String county = JIXI_COUNTIES.get(random.nextInt(JIXI_COUNTIES.size()));
        switch (kind) {
          case 0 -> {
            String code = register("asof-fast", "鸡西随机局" + agencies.size(), county);
            agencies.add(code);
            filed.put(code, false);
          }
          case 1, 2 -> {
            file(agency, reports.get(random.nextInt(reports.size())).deepCopy());
            filed.put(agency, true);
          }
          case 3 -> {
            if (filed.get(agency)) {
              admin().delete(reportPath(agency, YEAR)).then().statusCode(200);
              filed.put(agency, false);
            }
          }
          case 4 -> patch(agency, Map.of("divisionCode", county));
          default -> patch(agency, Map.of("name", "鸡西改名局" + random.nextInt(1000)));
        }
      }
    }
    for (String day : days) {
      assertSamePaths(JIXI, JIXI_COUNTIES, day + " (seed " + seed + ", -Dasof.seed=" + seed + ")");
    }
  }

  /**
   * A correction of the year before flips a report's CARRY_OVER flag in place (no revision of its
   * own): the agency changed after the day, so its report counts with its flag then, and the
   * region's count of mismatches is the live one less its flag now plus its flag then.
   */
  @Test
  void shouldCountTheCarryOverFlagThenAfterTheYearBeforeWasCorrected() throws Exception {
    QuarkusMock.installMockForType(clock, Clock.class);
    clock.at("2025-06-01T10:00");
    String agency = registerFrom2023("七台河更正上年局", QITAIHE_COUNTIES.get(0));
    ObjectNode y2023 = naturalResources2024();
    fileYear(agency, 2023, y2023, "2024-01-15");
    fileYear(agency, YEAR, naturalResources2024(), "2025-01-15"); // 2023 carried forward 6 + 1
    file(register("asof-fast", "七台河未变局", QITAIHE_COUNTIES.get(1)), naturalResources2024());
    clock.at("2025-06-03T10:00");
    for (String column : List.of("naturalPerson", "total")) { // mends 2024, as RollupTest does
      for (String row : List.of("/requests/outcomes/granted", "/requests/outcomes/total")) {
        Fixtures.at(y2023, row).put(column, y2023.at(row + "/" + column).intValue() + 2);
      }
      Fixtures.at(y2023, "/requests/carriedForward")
          .put(column, y2023.at("/requests/carriedForward/" + column).intValue() - 2);
    }
    fileYear(agency, 2023, y2023, "2024-01-15");
    String carryOver = "/consistency/carryOverMismatches";
    assertThat(JSON.readTree(given().get(rollup(QITAIHE)).asString()).at(carryOver).intValue())
        .isZero();
    String asOf = rollup(QITAIHE) + "?asOf=2025-06-02";
    assertThat(JSON.readTree(given().get(asOf).asString()).at(carryOver).intValue()).isEqualTo(1);
    assertSamePaths(QITAIHE, QITAIHE_COUNTIES, "2025-06-02");
  }

  /**
   * Random histories of what else a roll-up counts: late, imported (lateness unknown) and warned
   * reports, explained warnings, roster changes (an agency excluded, merged into one outside the
   * region, included again), active years changed, agencies moved out of the region and back, the
   * year before filed; 伊春市 (230700), each seed on days of its own.
   */
  @Test
  void shouldAnswerWhatTheRebuildAnswersOverRandomHistoriesOfTheRoster() throws Exception {
    QuarkusMock.installMockForType(clock, Clock.class);
    String mergedInto = register("asof-fast", "七台河并入局", OUTSIDE);
    List<String> differing = new ArrayList<>();
    for (long seed : seeds()) {
      if (seeds().size() > SEEDS.length) { // a long loop says how far it got
        System.out.println("asof.roster.seed " + seed + " " + differing);
      }
      try {
        randomRosterHistory(seed, mergedInto);
      } catch (AssertionError e) {
        if (seeds().size() == SEEDS.length) {
          throw e;
        }
        differing.add(seed + ": " + e.getMessage().lines().findFirst().orElse(""));
      }
    }
    assertThat(differing).as("seeds whose fast answer differs").isEmpty();
  }

  private void randomRosterHistory(long seed, String mergedInto) throws Exception {
    Random random = new Random(seed);
    List<String> agencies = new ArrayList<>();
    Map<String, Boolean> filed = new LinkedHashMap<>();
    List<String> days = new ArrayList<>();
    LocalDate start = FIRST_DAY.plusDays(5L * histories++);
    for (int d = 0; d < 5; d++) {
      String day = start.plusDays(d).toString();
      days.add(day);
      clock.at(day + "T0" + (1 + random.nextInt(8)) + ":00");
      for (int op = 0; op < 2 + random.nextInt(5); op++) {
        int kind = agencies.isEmpty() ? 0 : random.nextInt(10);
        String agency = agencies.isEmpty() ? null : agencies.get(random.nextInt(agencies.size()));
        String county = YICHUN_COUNTIES.get(random.nextInt(YICHUN_COUNTIES.size()));
        switch (kind) {
          case 0 -> {
            String code = registerFrom2023("伊春随机局" + agencies.size(), county);
            agencies.add(code);
            filed.put(code, false);
          }
          case 1, 2 -> {
            ObjectNode report =
                switch (random.nextInt(4)) {
                  case 0 -> naturalResources2024();
                  case 1 -> distinctCells2024();
                  case 2 -> zhongweiCivilAffairs2024();
                  default -> withOverview(naturalResources2024(), "全年共收到政府信息公开申请75件。");
                };
            // Refused (422) while off the roster by its years: nothing changes then.
            if (filedOrRefused(
                agency, YEAR, report, random.nextBoolean() ? "2025-01-05" : "2025-03-05")) {
              filed.put(agency, true);
            }
          }
          case 3 -> {
            if (filed.get(agency)) {
              admin().delete(reportPath(agency, YEAR)).then().statusCode(200);
              filed.put(agency, false);
            }
          }
          case 4 -> {
            if (filedOrRefused(agency, YEAR, null, null)) {
              filed.put(agency, true);
            }
          }
          case 5 -> {
            Map<String, Object> change =
                switch (random.nextInt(3)) {
                  case 0 -> Map.of("expected", false, "cause", "abolished", "reason", "撤销");
                  case 1 ->
                      Map.of(
                          "expected",
                          false,
                          "cause",
                          "merged",
                          "mergedInto",
                          mergedInto,
                          "reason",
                          "并入七台河");
                  default -> Map.of("expected", true, "cause", "included", "reason", "应报");
                };
            admin()
                .contentType("application/json")
                .body(change)
                .post("/api/v1/agencies/" + agency + "/roster/" + YEAR)
                .then()
                .statusCode(201);
          }
          case 6 -> // from 2025: its report of 2024 is off the roster (refused once it has one)
              admin()
                  .contentType("application/merge-patch+json")
                  .body(Map.of("activeFrom", random.nextBoolean() ? 2025 : 2023))
                  .patch("/api/v1/agencies/" + agency);
          case 7 -> patch(agency, Map.of("divisionCode", random.nextBoolean() ? OUTSIDE : county));
          case 8 -> { // the year before, while 2024 has no report (no flag flipped in place)
            if (!filed.get(agency)) {
              filedOrRefused(agency, 2023, naturalResources2024(), "2024-01-15");
            }
          }
          default -> {
            if (filed.get(agency)
                && JSON.readTree(given().get(reportPath(agency, YEAR) + "/review").asString())
                        .get("warnings")
                        .size()
                    > 0) {
              explainWarnings(agency);
            }
          }
        }
      }
    }
    for (String day : days) {
      assertSamePaths(
          YICHUN, YICHUN_COUNTIES, day + " (seed " + seed + ", -Dasof.seed=" + seed + ")");
    }
  }

  private static List<Long> seeds() {
    List<Long> seeds = new ArrayList<>();
    for (long seed : SEEDS) {
      seeds.add(seed);
    }
    Long oneMore = Long.getLong("asof.seed");
    if (oneMore != null) {
      seeds.add(oneMore);
    }
    int many = Integer.getInteger("asof.seeds", 0);
    long first = Long.getLong("asof.firstSeed", 1L);
    for (long seed = first; seed < first + many; seed++) {
      seeds.add(seed);
    }
    return seeds;
  }

  /** Registers an agency active from 2023 (so that it may file the year before). */
  private static String registerFrom2023(String name, String division) {
    String code = Fixtures.newAgencyCode("asof-fast");
    admin()
        .contentType("application/json")
        .body(Map.of("code", code, "name", name, "divisionCode", division, "activeFrom", 2023))
        .post("/api/v1/agencies")
        .then()
        .statusCode(201);
    return code;
  }

  /** Files (or, without a report, imports) a year's report: whether it was stored. */
  private static boolean filedOrRefused(
      String agency, int year, ObjectNode report, String publishedOn) {
    var request =
        report == null
            ? admin()
                .contentType("text/plain; charset=utf-8")
                .body(
                    Fixtures.text("/reports/zhongwei-civil-affairs-2024.txt")
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports?store=true&agency=" + agency + "&year=" + year)
            : admin()
                .contentType("application/json")
                .body(report.put("publishedOn", publishedOn).toString())
                .put(reportPath(agency, year));
    int status = request.then().extract().statusCode();
    assertThat(status).as(agency + " " + year).isIn(200, 201, 422);
    return status != 422;
  }

  private static void fileYear(String agency, int year, ObjectNode report, String publishedOn) {
    int status =
        admin()
            .contentType("application/json")
            .body(report.put("publishedOn", publishedOn).toString())
            .put(reportPath(agency, year))
            .then()
            .extract()
            .statusCode();
    assertThat(status).as(agency + " " + year).isIn(200, 201);
  }

  /** Every path of the city and its counties as of the day: the fast answer is the rebuild's. */
  private static void assertSamePaths(String city, List<String> counties, String dayAndNote) {
    String day = dayAndNote.substring(0, 10);
    List<String> paths = new ArrayList<>();
    for (String region : concat(city, counties)) {
      paths.add(rollup(region));
      paths.add(rollup(region) + "/agencies");
    }
    paths.add(rollup(city) + "?scope=own");
    paths.add(rollup(city) + "?format=csv");
    paths.add(DOCUMENT.formatted(city));
    paths.add("/api/v1/reports.csv?division=" + city + "&year=" + YEAR);
    for (String path : paths) {
      String asOf = path + (path.contains("?") ? "&" : "?") + "asOf=" + day;
      AsOfChanges.rebuildShare = Double.POSITIVE_INFINITY; // never rebuild
      Response fast = given().get(asOf);
      AsOfChanges.rebuildShare = -1; // always rebuild
      Response rebuilt = given().get(asOf);
      assertThat(fast.statusCode()).as(asOf + " " + dayAndNote).isEqualTo(rebuilt.statusCode());
      assertThat(fast.asString()).as(asOf + " " + dayAndNote).isEqualTo(rebuilt.asString());
    }
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(rest);
    return all;
  }

  private static void importReport(String agency) {
    admin()
        .contentType("text/plain; charset=utf-8")
        .body(
            Fixtures.text("/reports/zhongwei-civil-affairs-2024.txt")
                .getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/imports?store=true&agency=" + agency + "&year=" + YEAR)
        .then()
        .statusCode(200);
  }

  /** Explains every open warning of the agency's report (review entries, issue 26). */
  static void explainWarnings(String agency) throws Exception {
    explainWarnings(agency, YEAR);
  }

  /** Explains every open warning of the agency's report of the year. */
  static void explainWarnings(String agency, int year) throws Exception {
    String review = reportPath(agency, year) + "/review";
    Response current = given().get(review);
    JsonNode warnings = JSON.readTree(current.asString()).get("warnings");
    assertThat(warnings).as("the report's warnings").isNotEmpty();
    for (JsonNode warning : warnings) {
      Map<String, Object> note = new LinkedHashMap<>();
      note.put("action", "explained");
      note.put("rule", warning.get("rule").asText());
      if (warning.hasNonNull("path")) {
        note.put("path", warning.get("path").asText());
      }
      note.put("text", "数字以正文为准，表格按更正后口径填报");
      admin()
          .contentType("application/json")
          .header("If-Match", given().get(review).header("ETag"))
          .body(JSON.writeValueAsBytes(note))
          .post(review + "/warnings")
          .then()
          .statusCode(201);
    }
  }
}
