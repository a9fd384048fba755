package org.disclosurehub.rollup;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.disclosurehub.region.Division;
import org.disclosurehub.region.Regions;
import org.disclosurehub.system.HubConfig;
import org.disclosurehub.system.ProblemException;

/**
 * The roll-up reads and their row mapping, on one connection (a read-only snapshot, so a response's
 * tag and body describe the same data). Sums come from region_totals (a region's shards per year),
 * lists from report_cells and the agency registry, each by a range scan of the region.
 */
final class RollupQueries {
  private final Connection connection;
  private final HubConfig.Checks checks;

  // A region's listings read a few rows out of national tables, so each row's agency (and cells)
  // is fetched by its key: the "offset 0" keeps each lateral subquery an index probe per row,
  // where the planner (random_page_cost 4) would otherwise hash-join a sequential scan of the
  // whole table (181,646 agencies, 545,000 plausibility rows) to find a region's few hundred.
  private static final String AGENCY_OF_C =
      "cross join lateral (select code, name from agency where id = c.agency_id offset 0) a";

  private static final String VIOLATIONS_OF_C =
      """
      case when c.violation_count > 0 then
        (select r.violations from report_revision r
         where r.report_id = c.report_id and r.revision = c.revision) end""";

  RollupQueries(Connection connection, HubConfig.Checks checks) {
    this.connection = connection;
    this.checks = checks;
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
      String thresholds) {
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
      return agencies
          + "/"
          + agenciesChanged
          + "/"
          + agencyVersions
          + "/"
          + versions
          + "/"
          + totalsChanged
          + "/"
          + plausibilityVersions
          + "/"
          + thresholds;
    }
  }

  // The coverage's own totals rows (its shards, per year) are bumped by every write of a report
  // within it, so their versions identify its data: a few rows, however large the region.
  // Without a region (the whole country) the 'own' rows of every division are summed instead.
  // The registry likewise: a row per division (division_registry, kept by the V8 triggers) counts
  // its agencies and every change to them.
  // The plausibility warnings change with neighbours too (another report of the city, the year
  // before): their counters per city and year, and the thresholds they are judged by, count too.
  private static final String STATE =
      """
      select (select coalesce(sum(agencies), 0) > 0 from division_registry
              where division_code between :regionLowest and :regionHighest),
             coalesce(sum(agencies), 0), max(changed_at), coalesce(sum(version), 0),
             (select coalesce(sum(version), 0) from region_totals where %1$s),
             (select max(updated_at) from region_totals where %1$s),
             (select coalesce(sum(version), 0) from plausibility_version
              where city between :cityLowest and :cityHighest and year between :fromYear and :toYear)
      from division_registry where division_code between :lowest and :highest""";

  private static final Sql STATE_OF_REGION =
      Sql.of(
          STATE.formatted(
              "division_code = :code and scope = :scope and year between :fromYear and :toYear"));

  private static final Sql STATE_OF_COUNTRY =
      Sql.of(
          STATE.formatted(
              """
              scope = 'own' and year between :fromYear and :toYear
                and division_code between :lowest and :highest"""));

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
    try (var s = (country ? STATE_OF_COUNTRY : STATE_OF_REGION).prepare(connection)) {
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
      try (ResultSet rs = s.query()) {
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
                + checks.jumpFloor());
      }
    }
  }

  private static final Sql SUMS =
      Sql.of(
          """
          with covered as (select * from region_totals
                           where year = :year and division_code = :code and scope = :scope)
          select (select array_agg(total order by i)
                  from (select u.i, sum(u.v) as total
                        from covered c cross join lateral unnest(c.cells) with ordinality as u(v, i)
                        group by u.i) cells),
                 coalesce(sum(reports), 0), coalesce(sum(late), 0),
                 coalesce(sum(inconsistent), 0), coalesce(sum(carry_over_mismatches), 0),
                 coalesce(sum(published_items), 0), coalesce(sum(reports_stating), 0),
                 coalesce(sum(trial_format_reports), 0)
          from covered""");

  /** One aggregate query over the region's totals rows of the year (none: zeros). */
  Sums sums(Coverage coverage, int year) throws SQLException {
    try (var s = SUMS.prepare(connection)) {
      s.set("year", year).set("code", coverage.code()).set("scope", coverage.scope());
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

  /** How many agencies of the coverage are active in the year, and those without a report. */
  record Expected(int count, List<RegionRollup.AgencyRef> missing, List<String> missingDivisions) {}

  // The agencies of the coverage expected for the year (division_agencies, kept by the V8
  // triggers: a few rows per division, however many agencies the region has), and the reports of
  // the year by agencies outside their span (only agencies with explicit active years can have
  // those, found through their partial index).
  private static final String OUTSIDE =
      """
      select a.division_code, count(*) as n
      from agency a join report_cells c on c.agency_id = a.id and c.year = :year
      where a.division_code between :lowest and :highest
        and (a.active_from is not null or a.active_to is not null)
        and not (%s)
      group by a.division_code"""
          .formatted(Sql.activeIn(":year"));

  private static final Sql EXPECTED =
      Sql.of(
          """
          select (select coalesce(sum(agencies), 0) from division_agencies
                  where division_code between :lowest and :highest
                    and first_year <= :year and :year <= last_year),
                 (select coalesce(sum(n), 0) from (%s) o)"""
              .formatted(OUTSIDE));

  // Per division of the coverage: the agencies expected for the year (division_agencies) and the
  // reports and late reports of the year (its own totals rows, their shards added up).
  private static final String BY_DIVISION =
      """
      with expected as (
        select division_code, sum(agencies) as n from division_agencies
        where division_code between :lowest and :highest
          and first_year <= :year and :year <= last_year
        group by division_code),
      reported as (
        select division_code, sum(reports) as n, sum(late) as late from region_totals
        where scope = 'own' and year = :year and division_code between :lowest and :highest
        group by division_code)""";

  // The divisions short of reports: fewer reports by expected agencies (their reports less those
  // outside their span) than expected agencies.
  private static final Sql SHORT_DIVISIONS =
      Sql.of(
          """
          %s,
          outside as (%s)
          select e.division_code
          from expected e left join reported r using (division_code)
               left join outside o using (division_code)
          where e.n > coalesce(r.n, 0) - coalesce(o.n, 0)"""
              .formatted(BY_DIVISION, OUTSIDE));

  // One probe of the unique (agency_id, year) index per agency of the divisions where someone is
  // missing: O(n log n) whatever plan or statistics, unlike a range condition on the report's
  // division, and nothing at all when everyone expected has reported.
  private static final Sql MISSING =
      Sql.of(
          """
          select a.code, a.name, a.division_code from agency a
          where a.division_code between :lowest and :highest
            and a.division_code = any(:divisions) and %s
            and not exists (select 1 from report_cells c where c.agency_id = a.id and c.year = :year)
          order by a.code"""
              .formatted(Sql.activeIn(":year")));

  /**
   * The agencies expected for the year and those of them without a report. {@code reports} (the
   * coverage's current reports of the year, from its totals) settles it when every expected agency
   * has reported: an agency reports once a year, so then nobody is missing and no agency is read.
   * Otherwise only the divisions short of reports are searched.
   */
  Expected expected(Coverage coverage, int year, long reports) throws SQLException {
    int count;
    long outside;
    try (var s = EXPECTED.prepare(connection)) {
      s.set("lowest", coverage.lowest()).set("highest", coverage.highest()).set("year", year);
      try (ResultSet rs = s.query()) {
        rs.next();
        count = rs.getInt(1);
        outside = rs.getLong(2);
      }
    }
    List<RegionRollup.AgencyRef> missing = new ArrayList<>();
    List<String> divisions = new ArrayList<>();
    if (count <= reports - outside) {
      return new Expected(count, missing, divisions);
    }
    List<String> shortOf = new ArrayList<>();
    try (var s = SHORT_DIVISIONS.prepare(connection)) {
      s.set("lowest", coverage.lowest()).set("highest", coverage.highest()).set("year", year);
      try (ResultSet rs = s.query()) {
        while (rs.next()) {
          shortOf.add(rs.getString(1));
        }
      }
    }
    if (shortOf.isEmpty()) {
      return new Expected(count, missing, divisions);
    }
    try (var s = MISSING.prepare(connection)) {
      s.set("lowest", coverage.lowest())
          .set("highest", coverage.highest())
          .set("divisions", shortOf.toArray(String[]::new))
          .set("year", year);
      try (ResultSet rs = s.query()) {
        while (rs.next()) {
          missing.add(new RegionRollup.AgencyRef(rs.getString(1), rs.getString(2)));
          divisions.add(rs.getString(3));
        }
      }
    }
    return new Expected(count, missing, divisions);
  }

  private static final Sql INCONSISTENT =
      Sql.of(
          """
          select a.code, c.rules from report_cells c %s
          where c.year = :year and c.division_code between :lowest and :highest
            and c.violation_count > 0
          order by a.code"""
              .formatted(AGENCY_OF_C));

  /** Reports of the year accepted with violations, by agency code. */
  List<RegionRollup.InconsistentReport> inconsistent(Coverage coverage, int year)
      throws SQLException {
    try (var s = INCONSISTENT.prepare(connection)) {
      s.set("year", year).set("lowest", coverage.lowest()).set("highest", coverage.highest());
      List<RegionRollup.InconsistentReport> reports = new ArrayList<>();
      try (ResultSet rs = s.query()) {
        while (rs.next()) {
          reports.add(
              new RegionRollup.InconsistentReport(
                  rs.getString(1), List.of((String[]) rs.getArray(2).getArray())));
        }
      }
      return reports;
    }
  }

  /** The violations a current report of the year was accepted with, as stored (JSON). */
  record StoredViolations(String agency, String agencyName, String violations) {}

  private static final Sql VIOLATIONS =
      Sql.of(
          """
          select a.code, a.name, v.violations::text
          from report_cells c
          %s
          join report_revision v on v.report_id = c.report_id and v.revision = c.revision
          where c.year = :year and c.division_code between :lowest and :highest
            and c.violation_count > 0
          order by a.code"""
              .formatted(AGENCY_OF_C));

  List<StoredViolations> violations(Coverage coverage, int year) throws SQLException {
    try (var s = VIOLATIONS.prepare(connection)) {
      s.set("year", year).set("lowest", coverage.lowest()).set("highest", coverage.highest());
      List<StoredViolations> found = new ArrayList<>();
      try (ResultSet rs = s.query()) {
        while (rs.next()) {
          found.add(new StoredViolations(rs.getString(1), rs.getString(2), rs.getString(3)));
        }
      }
      return found;
    }
  }

  private static final Sql CARRY_OVER_MISMATCHES =
      Sql.of(
          """
          select a.code, a.name from report_cells c %s
          where c.year = :year and c.division_code between :lowest and :highest
            and c.carry_over_mismatch
          order by a.code"""
              .formatted(AGENCY_OF_C));

  /** Agencies whose current report of the year breaks CARRY_OVER against the year before. */
  List<RegionRollup.AgencyRef> carryOverMismatches(Coverage coverage, int year)
      throws SQLException {
    return agencyRefs(CARRY_OVER_MISMATCHES, coverage, year);
  }

  /** The agencies (code, name) a listing of the coverage's reports of the year selects. */
  private List<RegionRollup.AgencyRef> agencyRefs(Sql sql, Coverage coverage, int year)
      throws SQLException {
    try (var s = sql.prepare(connection)) {
      s.set("year", year).set("lowest", coverage.lowest()).set("highest", coverage.highest());
      List<RegionRollup.AgencyRef> found = new ArrayList<>();
      try (ResultSet rs = s.query()) {
        while (rs.next()) {
          found.add(new RegionRollup.AgencyRef(rs.getString(1), rs.getString(2)));
        }
      }
      return found;
    }
  }

  /**
   * The reports a region's document sums, by agency code: who, which revision, late or not, the
   * findings of those accepted with violations (only theirs are read from the revisions) and, when
   * asked, every cell. One range scan of the region's report_cells.
   */
  private static final Sql DOCUMENT_REPORTS =
      Sql.of(
          """
          select a.code, a.name, c.division_code, c.revision, c.late, %s,
                 case when :withCells then c.cells end, c.format_version
          from report_cells c
          %s
          where c.year = :year and c.division_code between :lowest and :highest
          order by a.code"""
              .formatted(VIOLATIONS_OF_C, AGENCY_OF_C));

  /**
   * The reports of a region's document that its page names one by one when it does not list every
   * report: the inconsistent, through their partial index.
   */
  private static final Sql DOCUMENT_REPORTS_OF_NOTE =
      Sql.of(
          """
          select a.code, a.name, c.division_code, c.revision, c.late, %s, null, c.format_version
          from report_cells c
          %s
          where c.year = :year and c.division_code between :lowest and :highest
            and c.violation_count > 0
          order by a.code"""
              .formatted(VIOLATIONS_OF_C, AGENCY_OF_C));

  List<DocumentReport> documentReportsOfNote(Coverage coverage, int year) throws SQLException {
    try (var s = DOCUMENT_REPORTS_OF_NOTE.prepare(connection)) {
      s.set("year", year).set("lowest", coverage.lowest()).set("highest", coverage.highest());
      return documentReports(s);
    }
  }

  /** A division's completeness: agencies expected, reports, late reports. */
  record DivisionCompleteness(String division, int expected, int reported, int late) {}

  private static final Sql DIVISION_COMPLETENESS =
      Sql.of(
          """
          %s
          select division_code, coalesce(e.n, 0), coalesce(r.n, 0), coalesce(r.late, 0)
          from expected e full join reported r using (division_code)
          order by division_code"""
              .formatted(BY_DIVISION));

  /** Every division of the coverage with agencies expected or reports, by code. */
  List<DivisionCompleteness> divisionCompleteness(Coverage coverage, int year) throws SQLException {
    try (var s = DIVISION_COMPLETENESS.prepare(connection)) {
      s.set("year", year).set("lowest", coverage.lowest()).set("highest", coverage.highest());
      List<DivisionCompleteness> divisions = new ArrayList<>();
      try (ResultSet rs = s.query()) {
        while (rs.next()) {
          divisions.add(
              new DivisionCompleteness(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)));
        }
      }
      return divisions;
    }
  }

  /** A report a region's document sums; {@code violations} is JSON, {@code cells} may be null. */
  record DocumentReport(
      String code,
      String name,
      String division,
      int revision,
      boolean late,
      String violations,
      BigDecimal[] cells,
      String formatVersion) {}

  List<DocumentReport> documentReports(Coverage coverage, int year, boolean withCells)
      throws SQLException {
    try (var s = DOCUMENT_REPORTS.prepare(connection)) {
      s.set("year", year)
          .set("lowest", coverage.lowest())
          .set("highest", coverage.highest())
          .set("withCells", withCells);
      return documentReports(s);
    }
  }

  private static List<DocumentReport> documentReports(Sql.Statement s) throws SQLException {
    List<DocumentReport> reports = new ArrayList<>();
    try (ResultSet rs = s.query()) {
      while (rs.next()) {
        java.sql.Array cells = rs.getArray(7);
        reports.add(
            new DocumentReport(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getInt(4),
                rs.getBoolean(5),
                rs.getString(6),
                cells == null ? null : (BigDecimal[]) cells.getArray(),
                rs.getString(8)));
      }
    }
    return reports;
  }

  /**
   * The plausibility warnings a report has (report_plausibility {@code p}), as a text[] in rule
   * order: NARRATIVE_MISMATCH and YEAR_JUMP as they were found, TEXT_REUSE judged by the thresholds
   * now (as the report's own warnings are).
   */
  static final String WARNINGS =
      """
      array_remove(array[
        case when 'NARRATIVE_MISMATCH' = any(p.rules) then 'NARRATIVE_MISMATCH' end,
        case when p.characters >= :reuseMinCharacters
              and (p.previous_year_share > :previousYearReuse or p.same_city_share > :sameCityReuse)
             then 'TEXT_REUSE' end,
        case when 'YEAR_JUMP' = any(p.rules) then 'YEAR_JUMP' end], null)""";

  /** The plausibility rules, in the order of {@link #WARNINGS}. */
  static final List<String> WARNING_RULES =
      List.of("NARRATIVE_MISMATCH", "TEXT_REUSE", "YEAR_JUMP");

  // 1: the warnings, 2: a filter of the rows, 3: the agency of each.
  private static final String WARNED_SQL =
      """
      select a.code, %1$s
      from report_plausibility p
      join report_cells c on c.agency_id = p.agency_id and c.year = p.year
      %3$s
      where p.year = :year and p.division_code between :lowest and :highest%2$s
        and cardinality(%1$s) > 0
      order by a.code""";

  // The rows of report_plausibility_flagged_idx (V8): every row with a warning while both reuse
  // thresholds are at least FLAGGED_SHARE, so that a region's warnings cost what it has, not
  // what it is. Below that, every row of the region is read.
  private static final double FLAGGED_SHARE = 0.5;

  private static final Sql WARNED_FLAGGED =
      Sql.of(
          WARNED_SQL.formatted(
              WARNINGS,
              "\n  and (p.rules <> '{}' or p.previous_year_share > 0.5 or p.same_city_share > 0.5)",
              AGENCY_OF_C));

  private static final Sql WARNED_ALL = Sql.of(WARNED_SQL.formatted(WARNINGS, "", AGENCY_OF_C));

  private Sql.Statement withThresholds(Sql.Statement s) throws SQLException {
    return withThresholds(s, checks);
  }

  /** Sets the parameters of {@link #WARNINGS}. */
  static Sql.Statement withThresholds(Sql.Statement s, HubConfig.Checks checks)
      throws SQLException {
    return s.set("reuseMinCharacters", checks.reuseMinCharacters())
        .set("previousYearReuse", BigDecimal.valueOf(checks.previousYearReuse()))
        .set("sameCityReuse", BigDecimal.valueOf(checks.sameCityReuse()));
  }

  /** How many reports of the year have each plausibility warning, and whose. */
  List<RegionRollup.WarnedReports> warned(Coverage coverage, int year) throws SQLException {
    Map<String, List<String>> agencies = new LinkedHashMap<>();
    WARNING_RULES.forEach(rule -> agencies.put(rule, new ArrayList<>()));
    boolean flagged =
        checks.previousYearReuse() >= FLAGGED_SHARE && checks.sameCityReuse() >= FLAGGED_SHARE;
    try (var s = (flagged ? WARNED_FLAGGED : WARNED_ALL).prepare(connection)) {
      withThresholds(s)
          .set("year", year)
          .set("lowest", coverage.lowest())
          .set("highest", coverage.highest());
      try (ResultSet rs = s.query()) {
        while (rs.next()) {
          for (String rule : (String[]) rs.getArray(2).getArray()) {
            agencies.get(rule).add(rs.getString(1));
          }
        }
      }
    }
    return agencies.entrySet().stream()
        .map(e -> new RegionRollup.WarnedReports(e.getKey(), e.getValue().size(), e.getValue()))
        .toList();
  }

  /** The order of a breakdown: a column of {@link #SORTS}, ascending or descending. */
  record Order(String key, boolean descending) {
    /** {@code sort} as given: a column, {@code -} first for descending; null is by code. */
    static Order of(String sort) {
      String key = sort == null ? "code" : sort.startsWith("-") ? sort.substring(1) : sort;
      if (!SORTS.containsKey(key)) {
        throw ProblemException.invalidParameter(
            "sort", "must be one of " + String.join(", ", SORTS.keySet()));
      }
      return new Order(key, sort != null && sort.startsWith("-"));
    }
  }

  /** The breakdown's sortable columns and their SQL. */
  static final Map<String, String> SORTS = sorts();

  private static Map<String, String> sorts() {
    Map<String, String> sorts = new LinkedHashMap<>();
    sorts.put("code", "a.code");
    sorts.put("name", "a.name");
    sorts.put("division", "a.division_code");
    sorts.put("reported", "(c.report_id is not null)");
    sorts.put("late", "c.late");
    sorts.put("revision", "c.revision");
    sorts.put("formatVersion", "c.format_version");
    sorts.put("newlyReceived", cell(RollupLayout.NEWLY_RECEIVED));
    sorts.put("totalHandled", cell(RollupLayout.OUTCOMES_TOTAL));
    sorts.put("granted", cell(RollupLayout.GRANTED));
    sorts.put("partiallyGranted", cell(RollupLayout.PARTIALLY_GRANTED));
    sorts.put("denied", sumOf(RollupLayout.DENIED));
    sorts.put("reviewTotal", cell(RollupLayout.review("administrativeReview", "total")));
    sorts.put(
        "litigationTotal",
        sumOf(
            List.of(
                RollupLayout.review("litigationDirect", "total"),
                RollupLayout.review("litigationAfterReview", "total"))));
    sorts.put(
        "corrected",
        sumOf(
            RollupLayout.reviewBlocks().stream()
                .map(b -> RollupLayout.review(b, "corrected"))
                .toList()));
    sorts.put("violationCount", "c.violation_count");
    sorts.put("warnings", "(case when c.report_id is not null then " + WARNINGS + " end)");
    return sorts;
  }

  private static String cell(int index) {
    return RollupLayout.sql("c.cells", index);
  }

  private static String sumOf(List<Integer> indexes) {
    return "(" + indexes.stream().map(RollupQueries::cell).collect(Collectors.joining(" + ")) + ")";
  }

  /** Every agency of the coverage active in the year or with a report for it. */
  private static final String BREAKDOWN_FROM =
      """
      from agency a
      left join lateral (select * from report_cells c
                         where c.agency_id = a.id and c.year = :year offset 0) c on true
      left join lateral (select * from report_plausibility p
                         where p.agency_id = a.id and p.year = :year offset 0) p on true
      where a.division_code between :lowest and :highest
        and (c.report_id is not null or (%s))"""
          .formatted(Sql.activeIn(":year"));

  private static final Sql BREAKDOWN_COUNT = Sql.of("select count(*) %s".formatted(BREAKDOWN_FROM));

  private static final Map<String, Sql> BREAKDOWNS = new ConcurrentHashMap<>();

  /** The breakdown in one order, a page of it or every row (parsed once per variant). */
  private static Sql breakdown(String sortKey, boolean descending, boolean paged) {
    return BREAKDOWNS.computeIfAbsent(
        sortKey + "/" + descending + "/" + paged,
        variant -> breakdownSql(sortKey, descending, paged));
  }

  private static Sql breakdownSql(String sortKey, boolean descending, boolean paged) {
    return Sql.of(
        """
        select %s
        %s
        order by %s %s nulls last, a.code%s"""
            .formatted(
                String.join(", ", SORTS.values()),
                BREAKDOWN_FROM,
                SORTS.get(sortKey),
                descending ? "desc" : "asc",
                paged ? " offset :offset limit :limit" : ""));
  }

  /**
   * One row per covered agency: every agency of the coverage active in the year or with a report
   * for it. {@code limit} null means every row.
   */
  List<AgencyRollupRow> breakdown(
      Coverage coverage,
      int year,
      String sortKey,
      boolean descending,
      Integer offset,
      Integer limit)
      throws SQLException {
    try (var s = breakdown(sortKey, descending, limit != null).prepare(connection)) {
      withThresholds(s)
          .set("year", year)
          .set("lowest", coverage.lowest())
          .set("highest", coverage.highest());
      if (limit != null) {
        s.set("offset", offset).set("limit", limit);
      }
      return rows(s);
    }
  }

  private static List<AgencyRollupRow> rows(Sql.Statement s) throws SQLException {
    List<AgencyRollupRow> rows = new ArrayList<>();
    try (ResultSet rs = s.query()) {
      while (rs.next()) {
        rows.add(
            new AgencyRollupRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                Regions.name(rs.getString(3)),
                rs.getBoolean(4),
                (Boolean) rs.getObject(5),
                (Integer) rs.getObject(6),
                rs.getString(7),
                count(rs, 8),
                count(rs, 9),
                count(rs, 10),
                count(rs, 11),
                count(rs, 12),
                count(rs, 13),
                count(rs, 14),
                count(rs, 15),
                (Integer) rs.getObject(16),
                rs.getArray(17) == null ? null : List.of((String[]) rs.getArray(17).getArray())));
      }
    }
    return rows;
  }

  /** Which rows of the breakdown a page's table shows: its filters, as SQL. */
  static final Map<String, String> FILTERS =
      Map.of(
          "all", "",
          "missing", " and c.report_id is null",
          "late", " and c.late",
          "inconsistent", " and c.violation_count > 0");

  private static final Map<String, Sql> TABLES = new ConcurrentHashMap<>();

  /**
   * One page of the breakdown for a page's table, filtered and sorted in SQL: by the column, then
   * by code in the same direction, agencies without a value first when ascending and last when
   * descending (as a page sorts).
   */
  List<AgencyRollupRow> table(
      Coverage coverage,
      int year,
      String sortKey,
      boolean descending,
      String filter,
      int offset,
      int limit)
      throws SQLException {
    String direction = descending ? "desc nulls last" : "asc nulls first";
    Sql sql =
        TABLES.computeIfAbsent(
            sortKey + "/" + descending + "/" + filter,
            variant ->
                Sql.of(
                    """
                    select %s
                    %s%s
                    order by %s %s, a.code %s
                    offset :offset limit :limit"""
                        .formatted(
                            String.join(", ", SORTS.values()),
                            BREAKDOWN_FROM,
                            FILTERS.get(filter),
                            sortKey.equals("late") ? "coalesce(c.late, false)" : SORTS.get(sortKey),
                            direction,
                            descending ? "desc" : "asc")));
    try (var s = sql.prepare(connection)) {
      withThresholds(s)
          .set("year", year)
          .set("lowest", coverage.lowest())
          .set("highest", coverage.highest())
          .set("offset", offset)
          .set("limit", limit);
      return rows(s);
    }
  }

  private static final Sql LATE =
      Sql.of(
          """
          select a.code, a.name from report_cells c %s
          where c.year = :year and c.division_code between :lowest and :highest and c.late
          order by a.code"""
              .formatted(AGENCY_OF_C));

  /** Agencies whose current report of the year was published late, by code. */
  List<RegionRollup.AgencyRef> late(Coverage coverage, int year) throws SQLException {
    return agencyRefs(LATE, coverage, year);
  }

  private static final Sql NAMES = Sql.of("select code, name from agency where code = any(:codes)");

  /** The names of the agencies with these codes. */
  Map<String, String> names(List<String> codes) throws SQLException {
    Map<String, String> names = new java.util.HashMap<>();
    if (codes.isEmpty()) {
      return names;
    }
    try (var s = NAMES.prepare(connection)) {
      s.set("codes", codes.toArray(String[]::new));
      try (ResultSet rs = s.query()) {
        while (rs.next()) {
          names.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return names;
  }

  long breakdownCount(Coverage coverage, int year) throws SQLException {
    try (var s = BREAKDOWN_COUNT.prepare(connection)) {
      s.set("year", year).set("lowest", coverage.lowest()).set("highest", coverage.highest());
      try (ResultSet rs = s.query()) {
        rs.next();
        return rs.getLong(1);
      }
    }
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

  private static final Sql TREND =
      Sql.of(
          """
          select year, sum(reports), sum(late), sum(inconsistent), sum(carry_over_mismatches),
                 sum(published_items), sum(reports_stating), sum(trial_format_reports), %s
          from region_totals
          where year between :fromYear and :toYear and division_code = :code and scope = :scope
          group by year"""
              .formatted(
                  TREND_CELLS.stream()
                      .map(i -> "sum(" + RollupLayout.sql("cells", i) + ")")
                      .collect(Collectors.joining(", "))));

  /** Sums per year (only the cells a trend needs are filled in), years without reports absent. */
  Map<Integer, Sums> trend(Coverage coverage, int fromYear, int toYear) throws SQLException {
    try (var s = TREND.prepare(connection)) {
      s.set("fromYear", fromYear)
          .set("toYear", toYear)
          .set("code", coverage.code())
          .set("scope", coverage.scope());
      Map<Integer, Sums> years = new LinkedHashMap<>();
      try (ResultSet rs = s.query()) {
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

  // From division_agencies (V8), as EXPECTED: a few rows per division and year.
  private static final Sql EXPECTED_PER_YEAR =
      Sql.of(
          """
          select y, coalesce(sum(d.agencies), 0)
          from generate_series(:fromYear, :toYear) as y
               left join division_agencies d on d.division_code between :lowest and :highest
                                            and d.first_year <= y and y <= d.last_year
          group by y order by y""");

  /** How many agencies of the coverage are active in each year. */
  Map<Integer, Integer> expectedPerYear(Coverage coverage, int fromYear, int toYear)
      throws SQLException {
    try (var s = EXPECTED_PER_YEAR.prepare(connection)) {
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

  private static Long count(ResultSet rs, int column) throws SQLException {
    BigDecimal value = rs.getBigDecimal(column);
    return value == null ? null : value.longValue();
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
