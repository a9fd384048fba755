package org.disclosurehub.rollup;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disclosurehub.sql.Sql;
import org.disclosurehub.system.HubConfig;

/**
 * The plausibility warnings of a region's reports (report_plausibility), TEXT_REUSE judged by the
 * thresholds now: the SQL of a report's warnings, shared with the breakdown and the reports' CSV.
 */
final class WarningReads {
  private final ReadTables tables;
  private final HubConfig.Checks checks;

  WarningReads(ReadTables tables, HubConfig.Checks checks) {
    this.tables = tables;
    this.checks = checks;
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

  // Whether the last note on the warning (rule %1$s, path %2$s) of report p explains it
  // (review_entry, issue 26): explained, or its explanation confirmed; not rejected, not reopened
  // by a correction since, nor never explained. A probe of the report's own entries.
  private static final String EXPLAINED_AT =
      """
      coalesce((select e.kind in ('explained', 'confirmed') from review_entry e
                where e.agency_id = p.agency_id and e.year = p.year and e.rule = %1$s
                  and coalesce(e.path, '') = %2$s
                order by e.seq desc limit 1), false)""";

  /**
   * Those of a report's {@link #WARNINGS} that are explained: TEXT_REUSE (one warning, on the
   * narrative) when its note explains it; NARRATIVE_MISMATCH and YEAR_JUMP when every finding of
   * the rule is explained, each at its own cell.
   */
  static final String EXPLAINED =
      """
      array(select w from unnest(%1$s) w
            where case when w = 'TEXT_REUSE' then %2$s
                       else not exists (select 1 from jsonb_array_elements(p.findings) f
                                        where f ->> 'rule' = w and not %3$s) end)"""
          .formatted(
              WARNINGS,
              EXPLAINED_AT.formatted("'TEXT_REUSE'", "'/narrative'"),
              EXPLAINED_AT.formatted("w", "coalesce(f ->> 'path', '')"));

  // 1: the warnings, 2: a filter of the rows, 3: the agency of each, 4: those explained.
  private static final String WARNED_SQL =
      """
      select a.code, %1$s, %4$s
      from report_plausibility p
      join report_cells c on c.agency_id = p.agency_id and c.year = p.year
      %3$s
      where p.year = :year and p.division_code between :lowest and :highest%2$s
        and cardinality(%1$s) > 0%5$s
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
              NotableReads.AGENCY_OF_C,
              EXPLAINED,
              CompletenessReads.ON_ROSTER_C));

  private static final Sql WARNED_ALL =
      Sql.of(
          WARNED_SQL.formatted(
              WARNINGS, "", NotableReads.AGENCY_OF_C, EXPLAINED, CompletenessReads.ON_ROSTER_C));

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

  /** A report's warnings and those of them explained, by its agency's code. */
  record Warned(String agency, List<String> warnings, List<String> explained) {}

  /** The year's reports with a warning, by agency code. */
  List<Warned> warnedReports(Coverage coverage, int year) throws SQLException {
    boolean flagged =
        checks.previousYearReuse() >= FLAGGED_SHARE && checks.sameCityReuse() >= FLAGGED_SHARE;
    List<Warned> reports = new ArrayList<>();
    try (var s = tables.prepare(flagged ? WARNED_FLAGGED : WARNED_ALL)) {
      withThresholds(s)
          .set("year", year)
          .set("lowest", coverage.lowest())
          .set("highest", coverage.highest());
      try (ResultSet rs = s.query()) {
        while (rs.next()) {
          reports.add(
              new Warned(
                  rs.getString(1),
                  List.of((String[]) rs.getArray(2).getArray()),
                  List.of((String[]) rs.getArray(3).getArray())));
        }
      }
    }
    return reports;
  }

  /**
   * How many reports of the year have each plausibility warning, and whose; how many of those have
   * it explained, and whose.
   */
  List<RegionRollup.WarnedReports> warned(Coverage coverage, int year) throws SQLException {
    return warned(warnedReports(coverage, year));
  }

  /** The counts of {@link #warned(Coverage, int)} from its reports, in code order. */
  static List<RegionRollup.WarnedReports> warned(List<Warned> reports) {
    Map<String, List<String>> agencies = new LinkedHashMap<>();
    Map<String, List<String>> explained = new LinkedHashMap<>();
    WARNING_RULES.forEach(rule -> agencies.put(rule, new ArrayList<>()));
    WARNING_RULES.forEach(rule -> explained.put(rule, new ArrayList<>()));
    for (Warned report : reports) {
      for (String rule : report.warnings()) {
        agencies.get(rule).add(report.agency());
      }
      for (String rule : report.explained()) {
        explained.get(rule).add(report.agency());
      }
    }
    return agencies.entrySet().stream()
        .map(
            e -> RegionRollup.WarnedReports.of(e.getKey(), e.getValue(), explained.get(e.getKey())))
        .toList();
  }

  // The reports of the year that break CARRY_OVER (their partial index) whose every CARRY_OVER
  // note, cell by cell, last explains it.
  private static final Sql CARRY_OVER_EXPLAINED =
      Sql.of(
          """
          select count(*) from report_cells c
          where c.year = :year and c.division_code between :lowest and :highest
            and c.carry_over_mismatch
            and exists (select 1 from review_entry e
                        where e.agency_id = c.agency_id and e.year = c.year
                          and e.rule = 'CARRY_OVER')
            and not exists (select 1
                            from (select distinct on (coalesce(e.path, '')) e.kind
                                  from review_entry e
                                  where e.agency_id = c.agency_id and e.year = c.year
                                    and e.rule = 'CARRY_OVER'
                                  order by coalesce(e.path, ''), e.seq desc) n
                            where n.kind not in ('explained', 'confirmed'))%s"""
              .formatted(CompletenessReads.ON_ROSTER_C));

  /** How many reports that break CARRY_OVER have it explained. */
  int carryOverExplained(Coverage coverage, int year) throws SQLException {
    try (var s = tables.prepare(CARRY_OVER_EXPLAINED)) {
      s.set("year", year).set("lowest", coverage.lowest()).set("highest", coverage.highest());
      try (ResultSet rs = s.query()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
