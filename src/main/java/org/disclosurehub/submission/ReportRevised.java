package org.disclosurehub.submission;

import java.time.Instant;
import java.util.List;
import org.disclosurehub.report.Report;
import org.disclosurehub.report.RuleViolation;

/**
 * A new revision became an agency's current report for a year (a first filing, a correction, a
 * re-filing after withdrawal, an import). Fired inside the writing transaction, so that observers
 * keeping derived data (the roll-up totals) change with it or not at all.
 *
 * @param report the report as stored, every total computed
 * @param violations the blocking rules it was accepted with
 * @param at when the revision was stored
 * @param imported read from a published text (an import): the day it was stored is not the day it
 *     was published
 * @param agencyName, author, reason, contentSha256 the stored revision's columns as written, so
 *     that an observer announcing it (the outbox) needs not read them back
 * @param afterWithdrawal the revision before it was a withdrawal (a re-filing)
 */
public record ReportRevised(
    long agencyId,
    String agencyCode,
    String divisionCode,
    int year,
    int revision,
    Report report,
    List<RuleViolation> violations,
    Instant at,
    boolean imported,
    String agencyName,
    String author,
    String reason,
    String contentSha256,
    boolean afterWithdrawal) {}
