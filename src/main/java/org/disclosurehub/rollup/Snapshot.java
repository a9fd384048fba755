package org.disclosurehub.rollup;

import java.sql.Connection;
import org.disclosurehub.system.HubConfig;

/**
 * The reads of one read-only snapshot (repeatable read), by what each answers, so that a response's
 * tag and body describe the same data. An as-of read of a region's year after a few of its agencies
 * changed carries {@code asOfYear}, which answers the year as of the instant ({@link AsOfDelta}).
 */
record Snapshot(
    StateReads state,
    SumReads sums,
    CompletenessReads completeness,
    NotableReads notable,
    WarningReads warnings,
    DocumentReportReads documents,
    BreakdownReads breakdown,
    RosterReads roster,
    YearAsOf asOfYear) {

  /** A region's year as of an instant, read another way than from the tables now. */
  interface YearAsOf {
    SummedYear year(RollupRequest query) throws java.sql.SQLException;
  }

  static Snapshot on(Connection connection, HubConfig.Checks checks) {
    return on(ReadTables.of(connection), checks, null);
  }

  static Snapshot on(ReadTables tables, HubConfig.Checks checks, YearAsOf asOfYear) {
    Connection connection = tables.connection();
    return new Snapshot(
        new StateReads(connection, checks),
        new SumReads(tables),
        new CompletenessReads(tables),
        new NotableReads(tables),
        new WarningReads(tables, checks),
        new DocumentReportReads(connection),
        new BreakdownReads(connection, checks),
        new RosterReads(connection),
        asOfYear);
  }
}
