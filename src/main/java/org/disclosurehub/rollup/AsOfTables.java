package org.disclosurehub.rollup;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.disclosurehub.sql.Sql;

/**
 * A region as the service held it at an instant, for an {@code asOf} read: temporary tables named
 * like the ones every roll-up reads (agency, report, report_cells, region_totals, the registry's
 * counts, the roster and the review entries), filled in SQL from the append-only history (V16's
 * agency_history and revision_cells, roster_change and review_entry up to the instant), so that the
 * same reads answer for that instant. PostgreSQL looks a name up in the session's temporary schema
 * first; the tables go when the transaction ends. The plausibility warnings are those each report
 * held then (V17's plausibility_history: report_plausibility's last state before the instant), the
 * tags' plausibility_version is empty (an as-of tag names the request).
 *
 * <p>Most as-of reads need none of that: when nothing the region's answer is made of changed after
 * the instant ({@link AsOfChanges}, which reads only the history written after it), the live tables
 * hold the instant's answer and nothing is created: no temporary table, no {@code discard plans}
 * (which would make every later statement of the connection plan again). Today is always such a
 * day; so is a past day after which the region was left alone. When some agencies changed, only
 * theirs are read from the history, and views add the others' live rows (their rows then: {@link
 * AsOfViews}), unless the changed ones are over {@link AsOfChanges#rebuildShare} of the region or
 * the region changed on too many days since to list them ({@link AsOfChanges#laterRowsCap}): then
 * every agency is rebuilt. A region's roll-up of a year takes none of these tables ({@link
 * AsOfDelta}).
 */
final class AsOfTables {
  private AsOfTables() {}

  private static final List<String> SHADOWED =
      List.of(
          "agency",
          "report",
          "report_cells",
          "region_totals",
          "agency_span",
          "division_agencies",
          "division_registry",
          "report_plausibility",
          "plausibility_version",
          "roster_change",
          "review_entry");

  /** The first tables of {@link #SHADOWED}: the fast path's roster and reviews are views. */
  private static final int TABLES_UNDER_VIEWS = 9;

  private static final List<String> CREATE = SHADOWED.stream().map(AsOfTables::create).toList();

  private static String create(String table) {
    return "create temporary table %1$s (like @schema.%1$s) on commit drop".formatted(table);
  }

  // The agencies ever placed within the region before the instant, each in its last state then.
  private static final String AGENCIES =
      ("""
          insert into pg_temp.agency (id, code, name, division_code, active_from, active_to,
                                      created_at, updated_at)
          select h.agency_id, h.code, h.name, h.division_code, h.active_from, h.active_to,
                 h.created_at, h.valid_from
          from (%s) e
          cross join lateral (select * from @schema.agency_history h
                              where h.agency_id = e.agency_id and h.valid_from < :end
                              order by h.valid_from desc, h.id desc limit 1) h
          where h.division_code between :lowest and :highest and not h.deleted""");

  private static final String EVER_WITHIN =
      """
      select distinct agency_id from @schema.agency_history
      where division_code between :lowest and :highest and valid_from < :end""";

  // Only those changed since the instant (AsOfChanges): the others are copied from the live tables.
  private static final String CHANGED_WITHIN =
      """
      select distinct h.agency_id from pg_temp.changed_agency x
      join @schema.agency_history h on h.agency_id = x.id
      where h.division_code between :lowest and :highest and h.valid_from < :end""";

  // Fresh statistics, so that the next statements join the region's rows by index.
  private static final String AGENCY_INDEX =
      "create unique index on pg_temp.agency (id); analyze pg_temp.agency";

  // Their reports first filed before the instant, with the revision current then.
  private static final String REPORTS =
      ("""
          insert into pg_temp.report (id, agency_id, year, current_revision, first_submitted_at)
          select r.id, r.agency_id, r.year,
                 (select max(v.revision) from @schema.report_revision v
                  where v.report_id = r.id and v.submitted_at < :end),
                 r.first_submitted_at
          from pg_temp.agency a join @schema.report r on r.agency_id = a.id
          where r.first_submitted_at < :end""");

  // The cells current at the instant (a report's last revision_cells row before it, unless that
  // withdrew it), counted where the agency was then.
  private static final String CELLS =
      ("""
          insert into pg_temp.report_cells (report_id, agency_id, year, division_code, revision,
                                            cells, published_items, published_on, late,
                                            violation_count, rules, carry_over_mismatch,
                                            format_version)
          select r.id, r.agency_id, r.year, a.division_code, c.revision, c.cells,
                 c.published_items, c.published_on, c.late, c.violation_count, c.rules,
                 c.carry_over_mismatch, c.format_version
          from pg_temp.report r join pg_temp.agency a on a.id = r.agency_id
          cross join lateral (select * from @schema.revision_cells c
                              where c.report_id = r.id and c.at < :end
                              order by c.at desc, c.id desc limit 1) c
          where r.year between :fromYear and :toYear and not c.withdrawn""");

  private static final String CELLS_INDEX =
      "create unique index on pg_temp.report_cells (agency_id, year)";

  // What the plausibility checks held then for each report held then (its last history row before
  // the instant, unless that removed it), placed where its agency was then.
  private static final String WARNINGS =
      ("""
          insert into pg_temp.report_plausibility (agency_id, year, characters, ngrams,
                                                   previous_year_share, same_city_share,
                                                   same_city_agency_id, findings, rules,
                                                   division_code)
          select c.agency_id, c.year, h.characters, h.ngrams, h.previous_year_share,
                 h.same_city_share, h.same_city_agency_id, h.findings, h.rules, c.division_code
          from pg_temp.report_cells c
          cross join lateral (select * from @schema.plausibility_history h
                              where h.agency_id = c.agency_id and h.year = c.year
                                and h.at < :end
                              order by h.at desc, h.id desc limit 1) h
          where not h.removed""");

  private static final String SPANS =
      ("""
          insert into pg_temp.agency_span
          select a.id, a.division_code,
                 coalesce(a.active_from,
                          least(extract(year from a.created_at at time zone 'Asia/Shanghai')::integer,
                                f.first_year)),
                 coalesce(a.active_to, 9999)
          from pg_temp.agency a
          left join (select agency_id, min(year) as first_year from pg_temp.report
                     group by agency_id) f on f.agency_id = a.id""");

  // One shard per span: nothing writes the temporary copy, and the readers add shards up.
  private static final String DIVISION_AGENCIES =
      ("""
          insert into pg_temp.division_agencies (division_code, first_year, last_year, shard,
                                                 agencies)
          select division_code, first_year, last_year, 0, count(*) from pg_temp.agency_span
          where division_code between :lowest and :highest
          group by division_code, first_year, last_year""");

  private static final String REGISTRY =
      ("""
          insert into pg_temp.division_registry (division_code, agencies, version, renames,
                                                 changed_at)
          select division_code, count(*), 0, 0, max(updated_at) from pg_temp.agency
          group by division_code""");

  private static final String ROSTER =
      ("""
          insert into pg_temp.roster_change
          select c.* from @schema.roster_change c join pg_temp.agency a on a.id = c.agency_id
          where c.at < :end""");

  private static final String REVIEWS =
      ("""
          insert into pg_temp.review_entry
          select e.* from @schema.review_entry e join pg_temp.agency a on a.id = e.agency_id
          where e.at < :end and e.year between :fromYear - 1 and :toYear + 1""");

  // The columns the reads filter and join on only: the cells arrays' statistics cost 4 times more.
  private static final String ANALYZE =
      "analyze pg_temp.report_cells (report_id, agency_id, year, division_code), pg_temp.agency_span";

  // Cached plans name the tables they were planned with; this makes every statement of the
  // session look its tables up again (here: the temporary ones; after the transaction: the real).
  private static final String DISCARD_PLANS = "discard plans";

  /** The statements, for the schema the service's tables are in (the connection's current one). */
  private record Statements(
      String schema,
      List<Sql> create,
      Sql agencies,
      Sql changedAgencies,
      Sql agencyIndex,
      Sql reports,
      Sql analyzeReports,
      Sql cells,
      Sql cellsIndex,
      Sql warnings,
      Sql ownTotals,
      Sql allTotals,
      Sql cellsOf,
      Sql changedCellsOf,
      Sql spans,
      Sql divisionAgencies,
      Sql registry,
      Sql keptAgencies,
      Sql keptReports,
      Sql roster,
      Sql reviews,
      Sql analyze,
      Sql analyzeViews,
      Sql discardPlans) {
    List<Sql> totals() {
      return List.of(ownTotals, allTotals);
    }

    static Statements in(String schema) {
      String quoted = '"' + schema.replace("\"", "\"\"") + '"';
      java.util.function.Function<String, Sql> sql =
          text -> Sql.of(text.replace("@schema", quoted));
      return new Statements(
          quoted,
          CREATE.stream().map(sql).toList(),
          sql.apply(AGENCIES.formatted(EVER_WITHIN)),
          sql.apply(AGENCIES.formatted(CHANGED_WITHIN)),
          sql.apply(AGENCY_INDEX),
          sql.apply(REPORTS),
          sql.apply("analyze pg_temp.report"),
          sql.apply(CELLS),
          sql.apply(CELLS_INDEX),
          sql.apply(WARNINGS),
          sql.apply(AsOfTotals.OWN_TOTALS),
          sql.apply(AsOfTotals.ALL_TOTALS),
          sql.apply(AsOfTotals.CELLS_OF.formatted("", "report_cells")),
          sql.apply(AsOfTotals.CELLS_OF.formatted(AsOfTotals.OF_CHANGED, "report_cells_then")),
          sql.apply(SPANS),
          sql.apply(DIVISION_AGENCIES),
          sql.apply(REGISTRY),
          sql.apply(AsOfViews.KEPT_AGENCIES),
          sql.apply(AsOfViews.KEPT_REPORTS),
          sql.apply(ROSTER),
          sql.apply(REVIEWS),
          sql.apply(ANALYZE),
          sql.apply(AsOfViews.ANALYZE),
          sql.apply(DISCARD_PLANS));
    }
  }

  private static final Sql CURRENT_SCHEMA = Sql.of("select current_schema()");

  // By the connection's URL and user, which name the schema (the datasource's currentSchema; no
  // search path is set here): asked once rather than in a round trip of every read.
  private static final java.util.Map<String, Statements> BY_URL =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static Statements statements(Connection connection) throws SQLException {
    var meta = connection.getMetaData();
    String url = meta.getURL() + "|" + meta.getUserName();
    Statements known = BY_URL.get(url);
    if (known != null) {
      return known;
    }
    String schema;
    try (var s = CURRENT_SCHEMA.prepare(connection);
        var rs = s.query()) {
      rs.next();
      schema = rs.getString(1);
    }
    return BY_URL.computeIfAbsent(url, u -> Statements.in(schema));
  }

  /**
   * Fills the tables for the agencies placed within {@code lowest}–{@code highest} before {@code
   * end} and their reports of {@code fromYear}–{@code toYear}, the region's all-scope totals under
   * {@code code} (null: none), unless nothing of theirs changed after {@code end}: then the live
   * tables answer (with no warnings). Runs in the caller's transaction, which must not be
   * read-only.
   */
  static void fill(
      Connection connection,
      Instant end,
      String code,
      String lowest,
      String highest,
      int fromYear,
      int toYear)
      throws SQLException {
    AsOfChanges.Found found = changes(connection, end, lowest, highest);
    if (found != null) {
      fill(connection, found, end, code, lowest, highest, fromYear, toYear);
    }
  }

  /** The schema the service's tables are in (the connection's current one), quoted. */
  static String schema(Connection connection) throws SQLException {
    return statements(connection).schema();
  }

  /**
   * What of the region changed after {@code end} ({@link AsOfChanges}); null when nothing did, and
   * the live tables hold the instant's answer.
   */
  static AsOfChanges.Found changes(
      Connection connection, Instant end, String lowest, String highest) throws SQLException {
    return AsOfChanges.find(connection, schema(connection), end, lowest, highest);
  }

  /** Fills the tables after {@code found} changed (not null: see {@link #changes}). */
  static void fill(
      Connection connection,
      AsOfChanges.Found found,
      Instant end,
      String code,
      String lowest,
      String highest,
      int fromYear,
      int toYear)
      throws SQLException {
    Statements sql = statements(connection);
    boolean rebuild = found.rebuild(); // always when the changes were not listed
    for (Sql create : rebuild ? sql.create() : sql.create().subList(0, TABLES_UNDER_VIEWS)) {
      run(connection, create);
    }
    if (!rebuild) {
      AsOfChanges.list(connection, found.changed());
    }
    try (var s = (rebuild ? sql.agencies() : sql.changedAgencies()).prepare(connection)) {
      s.set("end", end).set("lowest", lowest).set("highest", highest).update();
    }
    runIf(rebuild, connection, sql.agencyIndex());
    try (var s = sql.reports().prepare(connection)) {
      s.set("end", end).update();
    }
    runIf(rebuild, connection, sql.analyzeReports());
    try (var s = sql.cells().prepare(connection)) {
      s.set("end", end).set("fromYear", fromYear).set("toYear", toYear).update();
    }
    run(connection, sql.cellsIndex());
    try (var s = sql.warnings().prepare(connection)) {
      s.set("end", end).update();
    }
    if (!rebuild) { // the others' registry rows and reports copied, their cells and findings viewed
      for (Sql kept : List.of(sql.keptAgencies(), sql.keptReports())) {
        try (var s = kept.prepare(connection)) {
          s.set("lowest", lowest).set("highest", highest).update();
        }
      }
      run(connection, sql.agencyIndex());
      run(connection, sql.analyzeReports());
      run(connection, sql.spans());
      AsOfViews.create(connection, sql.schema(), end, lowest, highest, fromYear, toYear);
      run(connection, sql.analyzeViews()); // before the totals: CELLS_OF joins the changed list
    } else {
      run(connection, sql.spans());
    }
    for (Sql totals : code == null ? List.of(sql.ownTotals()) : sql.totals()) {
      try (var s = totals.prepare(connection)) {
        s.set("end", end).set("lowest", lowest).set("highest", highest);
        s.set("fromYear", fromYear).set("toYear", toYear);
        if (totals == sql.allTotals()) {
          s.set("code", code);
        }
        s.update();
      }
    }
    for (String[] scope :
        code == null
            ? new String[0][]
            : new String[][] {{"own", code, code}, {"all", lowest, highest}}) {
      try (var s = (rebuild ? sql.cellsOf() : sql.changedCellsOf()).prepare(connection)) {
        s.set("code", code).set("scope", scope[0]).set("low", scope[1]).set("high", scope[2]);
        s.set("fromYear", fromYear).set("toYear", toYear).update();
      }
    }
    try (var s = sql.divisionAgencies().prepare(connection)) {
      s.set("lowest", lowest).set("highest", highest).update();
    }
    run(connection, sql.registry());
    if (rebuild) {
      try (var s = sql.roster().prepare(connection)) {
        s.set("end", end).update();
      }
      try (var s = sql.reviews().prepare(connection)) {
        s.set("end", end).set("fromYear", fromYear).set("toYear", toYear).update();
      }
    }
    runIf(rebuild, connection, sql.analyze());
    run(connection, sql.discardPlans());
  }

  private static void runIf(boolean condition, Connection connection, Sql sql) throws SQLException {
    if (condition) {
      run(connection, sql);
    }
  }

  private static void run(Connection connection, Sql sql) throws SQLException {
    try (var s = sql.prepare(connection)) {
      s.execute();
    }
  }
}
