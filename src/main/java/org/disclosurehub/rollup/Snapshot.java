package org.disclosurehub.rollup;

import java.sql.Connection;
import org.disclosurehub.system.HubConfig;

/**
 * The reads of one read-only snapshot (repeatable read), by what each answers, so that a response's
 * tag and body describe the same data.
 */
record Snapshot(
    StateReads state,
    SumReads sums,
    CompletenessReads completeness,
    NotableReads notable,
    WarningReads warnings,
    DocumentReportReads documents,
    BreakdownReads breakdown,
    RosterReads roster) {

  static Snapshot on(Connection connection, HubConfig.Checks checks) {
    return new Snapshot(
        new StateReads(connection, checks),
        new SumReads(connection),
        new CompletenessReads(connection),
        new NotableReads(connection),
        new WarningReads(connection, checks),
        new DocumentReportReads(connection),
        new BreakdownReads(connection, checks),
        new RosterReads(connection));
  }
}
