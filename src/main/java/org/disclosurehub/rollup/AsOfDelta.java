package org.disclosurehub.rollup;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.disclosurehub.sql.Sql;
import org.disclosurehub.system.HubConfig;

/**
 * A region's year as of an instant after which a few of its agencies changed ({@link AsOfChanges}),
 * without a temporary table made or a plan discarded per read: the live roll-up, less what the
 * changed agencies add to it now, plus what they added then. Every part of a roll-up is made of
 * each agency's own rows (its registry entry, reports, findings, roster changes, review entries),
 * and an agency left alone since the instant holds now what it held then; so each count and sum is
 * the live one less the changed agencies' share now plus their share then, and each list the live
 * one without the changed agencies plus theirs then. Their shares are read by the very statements
 * of a live roll-up, over common tables under the tables' names ({@link ReadTables}): their live
 * rows, or their rows then, which {@link #fill} writes once per read into temporary tables the
 * connection keeps (made once, outside the read's transaction, which is rolled back, so that they
 * are always empty between reads). {@code AsOfFastPathTest} holds the answers to the rebuild's,
 * byte for byte.
 */
final class AsOfDelta {
  private final Snapshot now;
  private final Snapshot then;
  private final Set<String> codesNow;
  private final List<String> divisionsThen;
  private final boolean regionKnown;

  private AsOfDelta(
      Snapshot now,
      Snapshot then,
      Set<String> codesNow,
      List<String> divisionsThen,
      boolean regionKnown) {
    this.now = now;
    this.then = then;
    this.codesNow = codesNow;
    this.divisionsThen = divisionsThen;
    this.regionKnown = regionKnown;
  }

  /** Whether any agency was registered within the region at the instant. */
  boolean regionKnown() {
    return regionKnown;
  }

  // Kept by the connection (committed once, outside any read); the reads' rows go with their
  // transactions, all rolled back.
  private static final String TABLES =
      """
      create temporary table if not exists as_of_agency (like @schema.agency);
      create temporary table if not exists as_of_report (like @schema.report);
      create temporary table if not exists as_of_cells (like @schema.report_cells);
      create temporary table if not exists as_of_plausibility (like @schema.report_plausibility);
      create temporary table if not exists as_of_span (like @schema.agency_span);
      create temporary table if not exists as_of_roster (like @schema.roster_change);
      create temporary table if not exists as_of_review (like @schema.review_entry)""";

  // The changed agencies placed within the region at the instant, each in its last state then;
  // their reports first filed before it, with the revision current then; the year's cells and
  // findings current then, placed where the agency was; their spans of years, roster changes and
  // review entries of the year then (AsOfTables's statements, for these agencies only). Then the
  // region's agencies then (the registry's now, less the changed ones' now, plus theirs then), the
  // changed agencies' codes now and their divisions then; the changed agencies' rows now are
  // probed once for both their count within the region and their codes.
  private static final String FILL =
      """
      insert into pg_temp.as_of_agency (id, code, name, division_code, active_from, active_to,
                                        created_at, updated_at)
      select h.agency_id, h.code, h.name, h.division_code, h.active_from, h.active_to,
             h.created_at, h.valid_from
      from unnest(cast(:changed as bigint[])) e(agency_id)
      cross join lateral (select * from @schema.agency_history h
                          where h.agency_id = e.agency_id and h.valid_from < :end
                          order by h.valid_from desc, h.id desc limit 1) h
      where h.division_code between :lowest and :highest and not h.deleted;
      insert into pg_temp.as_of_report (id, agency_id, year, current_revision, first_submitted_at)
      select r.id, r.agency_id, r.year,
             (select max(v.revision) from @schema.report_revision v
              where v.report_id = r.id and v.submitted_at < :end),
             r.first_submitted_at
      from pg_temp.as_of_agency a join @schema.report r on r.agency_id = a.id
      where r.first_submitted_at < :end;
      insert into pg_temp.as_of_cells (report_id, agency_id, year, division_code, revision, cells,
                                       published_items, published_on, late, violation_count, rules,
                                       carry_over_mismatch, format_version)
      select r.id, r.agency_id, r.year, a.division_code, c.revision, c.cells, c.published_items,
             c.published_on, c.late, c.violation_count, c.rules, c.carry_over_mismatch,
             c.format_version
      from pg_temp.as_of_report r join pg_temp.as_of_agency a on a.id = r.agency_id
      cross join lateral (select * from @schema.revision_cells c
                          where c.report_id = r.id and c.at < :end
                          order by c.at desc, c.id desc limit 1) c
      where r.year = :year and not c.withdrawn;
      insert into pg_temp.as_of_plausibility (agency_id, year, characters, ngrams,
                                              previous_year_share, same_city_share,
                                              same_city_agency_id, findings, rules, division_code)
      select c.agency_id, c.year, h.characters, h.ngrams, h.previous_year_share,
             h.same_city_share, h.same_city_agency_id, h.findings, h.rules, c.division_code
      from pg_temp.as_of_cells c
      cross join lateral (select * from @schema.plausibility_history h
                          where h.agency_id = c.agency_id and h.year = c.year and h.at < :end
                          order by h.at desc, h.id desc limit 1) h
      where not h.removed;
      insert into pg_temp.as_of_span
      select a.id, a.division_code,
             coalesce(a.active_from,
                      least(extract(year from a.created_at at time zone 'Asia/Shanghai')::integer,
                            f.first_year)),
             coalesce(a.active_to, 9999)
      from pg_temp.as_of_agency a
      left join (select agency_id, min(year) as first_year from pg_temp.as_of_report
                 group by agency_id) f on f.agency_id = a.id;
      insert into pg_temp.as_of_roster
      select c.* from @schema.roster_change c join pg_temp.as_of_agency a on a.id = c.agency_id
      where c.at < :end and c.year = :year;
      insert into pg_temp.as_of_review
      select e.* from @schema.review_entry e join pg_temp.as_of_agency a on a.id = e.agency_id
      where e.at < :end and e.year = :year;
      select (select coalesce(sum(agencies), 0) from @schema.division_registry
              where division_code between :lowest and :highest)
             - changed_now.within + (select count(*) from pg_temp.as_of_agency),
             changed_now.codes,
             array(select distinct division_code from pg_temp.as_of_agency)
      from (select count(*) filter (where division_code between :lowest and :highest) as within,
                   coalesce(array_agg(code), '{}') as codes
            from @schema.agency where id = any(:changed)) changed_now""";

  // The tables a roll-up's reads name, as the changed agencies' rows: 1, each table's rows (a
  // format taking the table's name); the totals and the registry are never read through them.
  private static final String COMMON_TABLES =
      """
      agency as not materialized (%1$s),
      report as not materialized (%2$s),
      report_cells as not materialized (%3$s),
      report_plausibility as not materialized (%4$s),
      agency_span as not materialized (%5$s),
      division_agencies as not materialized (
        select division_code, first_year, last_year, 0 as shard, count(*) as agencies
        from agency_span group by division_code, first_year, last_year),
      roster_change as not materialized (%6$s),
      review_entry as not materialized (%7$s),
      region_totals as not materialized (select * from @schema.region_totals where false),
      division_registry as not materialized (select * from @schema.division_registry where false)""";

  private static String commonTables(Function<String, String> rows) {
    return COMMON_TABLES.formatted(
        rows.apply("agency"),
        rows.apply("report"),
        rows.apply("report_cells"),
        rows.apply("report_plausibility"),
        rows.apply("agency_span"),
        rows.apply("roster_change"),
        rows.apply("review_entry"));
  }

  // Their live rows, by key.
  private static final String NOW =
      commonTables(
          table ->
              "select * from @schema.%s where %s = any(:asOfChanged)"
                  .formatted(table, table.equals("agency") ? "id" : "agency_id"));

  // Their rows then, as fill wrote them.
  private static final String THEN =
      commonTables(
          table ->
              "select * from pg_temp.as_of_"
                  + switch (table) {
                    case "report_cells" -> "cells";
                    case "report_plausibility" -> "plausibility";
                    case "agency_span" -> "span";
                    case "roster_change" -> "roster";
                    case "review_entry" -> "review";
                    default -> table;
                  });

  /** The statements, for the schema the service's tables are in. */
  private record Statements(Sql tables, Sql fill, String now, String then) {
    static Statements in(String schema) {
      return new Statements(
          Sql.of(TABLES.replace("@schema", schema)),
          Sql.of(FILL.replace("@schema", schema)),
          NOW.replace("@schema", schema),
          THEN.replace("@schema", schema));
    }
  }

  private static final Map<String, Statements> BY_SCHEMA = new ConcurrentHashMap<>();

  private static Statements statements(String schema) {
    return BY_SCHEMA.computeIfAbsent(schema, Statements::in);
  }

  /**
   * Makes the temporary tables {@link #fill} writes, unless the connection has them. Run outside a
   * transaction: they must outlive the read's, which is rolled back.
   */
  static void prepare(Connection connection, String schema) throws SQLException {
    // Once per session of the pool (its physical connection), not in a round trip of every read.
    Object session = connection.unwrap(org.postgresql.PGConnection.class);
    if (PREPARED.containsKey(session)) {
      return;
    }
    try (var s = statements(schema).tables().prepare(connection)) {
      s.execute();
    }
    PREPARED.put(session, Boolean.TRUE);
  }

  /** The physical connections (by identity) whose sessions have the tables. */
  private static final Map<Object, Boolean> PREPARED =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  /**
   * Writes the rows then of the {@code changed} agencies placed within {@code lowest}–{@code
   * highest} at {@code end}, for the reads of {@code year}, in the caller's transaction (which
   * {@link #prepare} preceded and which is rolled back).
   */
  static AsOfDelta fill(
      Connection connection,
      String schema,
      Instant end,
      String lowest,
      String highest,
      int year,
      Long[] changed,
      HubConfig.Checks checks)
      throws SQLException {
    Statements sql = statements(schema);
    long agencies;
    Set<String> codesNow;
    List<String> divisionsThen;
    try (var s = sql.fill().prepare(connection)) {
      s.set("changed", changed)
          .set("end", end)
          .set("lowest", lowest)
          .set("highest", highest)
          .set("year", year);
      try (ResultSet rs = s.queryLast()) {
        rs.next();
        agencies = rs.getLong(1);
        codesNow = Set.of((String[]) rs.getArray(2).getArray());
        divisionsThen = List.of((String[]) rs.getArray(3).getArray());
      }
    }
    Map<String, Object> changedNow = Map.of("asOfChanged", changed);
    return new AsOfDelta(
        Snapshot.on(ReadTables.shadowed(connection, sql.now(), changedNow), checks, null),
        Snapshot.on(ReadTables.shadowed(connection, sql.then(), Map.of()), checks, null),
        codesNow,
        divisionsThen,
        agencies > 0);
  }

  /** The region's year then: {@code live}'s reads (of the tables now), less now, plus then. */
  SummedYear year(Snapshot live, RollupRequest query) throws SQLException {
    Coverage coverage = query.coverage();
    int year = query.year();
    List<RegionRollup.AgencyRef> outside =
        merged(
            live.completeness().outside(coverage, year),
            then.completeness().outside(coverage, year),
            RegionRollup.AgencyRef::code,
            live);
    Sums sums =
        sums(
            live.sums().sums(coverage, year),
            now.sums().rowSums(coverage, year),
            then.sums().rowSums(coverage, year),
            outside.size());
    int expected =
        live.completeness().expectedCount(coverage, year)
            - now.completeness().expectedCount(coverage, year)
            + then.completeness().expectedCount(coverage, year);
    CompletenessReads.Expected missing =
        new CompletenessReads.Expected(expected, List.of(), List.of());
    if (expected > sums.reports()) {
      // An agency left alone that is missing now was missing then, in a division short now.
      CompletenessReads.Expected left = live.completeness().missing(coverage, year, expected);
      CompletenessReads.Expected changed =
          divisionsThen.isEmpty()
              ? missing
              : then.completeness().missingIn(coverage, year, expected, divisionsThen);
      missing = missing(left, changed, expected, live);
    }
    RegionRollup rollup =
        RegionRollup.of(
            query.region(),
            query.scope(),
            year,
            sums,
            expected,
            live.notable().latenessUnknown(coverage, year)
                - now.notable().latenessUnknown(coverage, year)
                + then.notable().latenessUnknown(coverage, year),
            missing.missing(),
            outside,
            merged(
                live.notable().inconsistent(coverage, year),
                then.notable().inconsistent(coverage, year),
                RegionRollup.InconsistentReport::agency,
                live),
            WarningReads.warned(
                merged(
                    live.warnings().warnedReports(coverage, year),
                    then.warnings().warnedReports(coverage, year),
                    WarningReads.Warned::agency,
                    live)),
            live.warnings().carryOverExplained(coverage, year)
                - now.warnings().carryOverExplained(coverage, year)
                + then.warnings().carryOverExplained(coverage, year));
    return new SummedYear(rollup, sums, missing);
  }

  /**
   * The sums then: the live ones less the changed agencies' reports now plus theirs then, cell by
   * cell (a sum's scale is its terms' largest, as PostgreSQL adds them); none when the region had
   * no report of the year then, on the roster or off it ({@code outside}), as the rebuild has no
   * totals row then.
   */
  private static Sums sums(Sums live, Sums now, Sums then, int outside) {
    int reports = live.reports() - now.reports() + then.reports();
    if (reports == 0 && outside == 0) {
      return Sums.none();
    }
    BigDecimal[] cells = new BigDecimal[live.cells().length];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = live.cell(i).subtract(now.cell(i)).add(then.cell(i));
    }
    return new Sums(
        cells,
        reports,
        live.late() - now.late() + then.late(),
        live.inconsistent() - now.inconsistent() + then.inconsistent(),
        live.carryOverMismatches() - now.carryOverMismatches() + then.carryOverMismatches(),
        live.publishedItems() - now.publishedItems() + then.publishedItems(),
        live.reportsStating() - now.reportsStating() + then.reportsStating(),
        live.trialFormatReports() - now.trialFormatReports() + then.trialFormatReports());
  }

  private CompletenessReads.Expected missing(
      CompletenessReads.Expected left,
      CompletenessReads.Expected changed,
      int expected,
      Snapshot live)
      throws SQLException {
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < left.missing().size(); i++) {
      if (!codesNow.contains(left.missing().get(i).code())) {
        kept.add(i);
      }
    }
    List<RegionRollup.AgencyRef> agencies = new ArrayList<>();
    List<String> divisions = new ArrayList<>();
    for (int i : kept) {
      agencies.add(left.missing().get(i));
      divisions.add(left.missingDivisions().get(i));
    }
    agencies.addAll(changed.missing());
    divisions.addAll(changed.missingDivisions());
    List<Integer> order =
        live.notable().codeOrder(agencies.stream().map(RegionRollup.AgencyRef::code).toList());
    return new CompletenessReads.Expected(
        expected,
        order.stream().map(agencies::get).toList(),
        order.stream().map(divisions::get).toList());
  }

  /** A live list without the changed agencies' rows, with theirs then, in code order. */
  private <T> List<T> merged(
      List<T> live, List<T> changedThen, Function<T, String> code, Snapshot liveReads)
      throws SQLException {
    List<T> rows = new ArrayList<>();
    for (T row : live) {
      if (!codesNow.contains(code.apply(row))) {
        rows.add(row);
      }
    }
    if (changedThen.isEmpty()) {
      return rows;
    }
    if (rows.isEmpty()) {
      return changedThen;
    }
    rows.addAll(changedThen);
    List<Integer> order = liveReads.notable().codeOrder(rows.stream().map(code).toList());
    return order.stream().map(rows::get).toList();
  }
}
