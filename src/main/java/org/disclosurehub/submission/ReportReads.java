package org.disclosurehub.submission;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.disclosurehub.agency.Agency;
import org.disclosurehub.report.AccountingRules;
import org.disclosurehub.report.PlausibilityChecks.Thresholds;
import org.disclosurehub.report.Report;
import org.disclosurehub.report.RuleViolation;
import org.disclosurehub.report.YearEnd;
import org.disclosurehub.system.AsOf;
import org.disclosurehub.system.CheckThresholds;
import org.disclosurehub.system.ProblemException;
import org.disclosurehub.system.ProblemType;

/**
 * The read side of reports: the current revision, one revision, the history, and the warnings every
 * view carries (cross-year rules, plausibility checks).
 */
@ApplicationScoped
public class ReportReads {
  private final Plausibility plausibility;
  private final PlausibilityWarnings plausibilityWarnings;
  private final CheckThresholds checkThresholds;

  ReportReads(
      Plausibility plausibility,
      PlausibilityWarnings plausibilityWarnings,
      CheckThresholds checkThresholds) {
    this.plausibility = plausibility;
    this.plausibilityWarnings = plausibilityWarnings;
    this.checkThresholds = checkThresholds;
  }

  /** The current revision of a report; 410 once it is withdrawn. */
  public ReportView current(String agencyCode, int year) {
    Agency agency = Agency.existing(agencyCode);
    StoredReport stored = existingReport(agency, year);
    ReportRevision current = ReportRevision.of(stored, stored.currentRevision).orElseThrow();
    if (current.withdrawn) {
      throw withdrawn(agency, year, current);
    }
    return view(agency, year, current);
  }

  /**
   * The revision of a report current at the end of a day: 404 when the agency was not registered or
   * no revision was stored by then, 410 when the report had been withdrawn.
   */
  public ReportView asOf(String agencyCode, int year, AsOf asOf) {
    Agency agency = Agency.existing(agencyCode);
    ProblemException none =
        ProblemException.notFound(
            "Agency '"
                + agencyCode
                + "' had no report for "
                + year
                + " at the end of "
                + asOf.day()
                + " (Beijing time)");
    if (!agency.createdAt.isBefore(asOf.end())) {
      throw none;
    }
    StoredReport stored = existingReport(agency, year);
    ReportRevision then = null;
    for (ReportRevision row : ReportRevision.allOf(stored)) {
      if (row.submittedAt.isBefore(asOf.end())) {
        then = row;
      }
    }
    if (then == null) {
      throw none;
    }
    if (then.withdrawn) {
      throw withdrawn(agency, year, then);
    }
    // The warnings held then (V17), and the cross-year rules against the year before as it was.
    return view(
        agency,
        year,
        then,
        ReportJson.readReport(then.content),
        plausibilityWarnings.asOf(agency, year, asOf.end()).orElse(Plausibility.Evaluation.NONE),
        ReportRevision.yearEndAsOf(agency, year - 1, asOf.end()),
        thresholdsAt(asOf));
  }

  /** TEXT_REUSE judged as on the day (CheckThresholds), YEAR_JUMP's stored findings as they are. */
  private Thresholds thresholdsAt(AsOf asOf) {
    Thresholds now = plausibility.thresholds();
    CheckThresholds.Reuse then = checkThresholds.at(asOf.end());
    return new Thresholds(
        then.previousYearReuse(),
        then.sameCityReuse(),
        then.reuseMinCharacters(),
        now.jumpFactor(),
        now.jumpFloor());
  }

  /** One revision of a report, exactly as stored; 410 for the revision that withdrew it. */
  public ReportView revision(String agencyCode, int year, int revision) {
    Agency agency = Agency.existing(agencyCode);
    StoredReport stored = existingReport(agency, year);
    ReportRevision row =
        ReportRevision.of(stored, revision)
            .orElseThrow(
                () ->
                    ProblemException.notFound(
                        "The report of '"
                            + agencyCode
                            + "' for "
                            + year
                            + " has no revision "
                            + revision
                            + "; the current one is "
                            + stored.currentRevision));
    if (row.withdrawn) {
      throw withdrawn(agency, year, row);
    }
    return view(agency, year, row);
  }

  /** Every revision of a report, oldest first. */
  public List<RevisionSummary> history(String agencyCode, int year) {
    Agency agency = Agency.existing(agencyCode);
    return ReportRevision.allOf(existingReport(agency, year)).stream()
        .map(RevisionSummary::of)
        .toList();
  }

  /**
   * CARRY_OVER and IN_FORCE against the report of the year before ({@code previous}, the current
   * one but in an as-of read), if there is one; then what the plausibility checks found.
   */
  private List<RuleViolation> warnings(
      int year,
      Report report,
      Plausibility.Evaluation evaluation,
      Optional<YearEnd> previous,
      Thresholds thresholds) {
    List<RuleViolation> warnings = new ArrayList<>();
    previous.ifPresent(p -> warnings.addAll(AccountingRules.crossYear(report, p)));
    warnings.addAll(plausibilityWarnings.warnings(evaluation, year, thresholds));
    return warnings;
  }

  ReportView view(Agency agency, int year, ReportRevision row) {
    return view(agency, year, row, ReportJson.readReport(row.content));
  }

  /**
   * A stored revision: the current one with what the checks found and keep up to date, an earlier
   * one checked as it is read.
   */
  ReportView view(Agency agency, int year, ReportRevision row, Report report) {
    Plausibility.Evaluation evaluation =
        row.revision == row.report.currentRevision
            ? plausibilityWarnings
                .current(agency, year)
                .orElseGet(() -> plausibility.evaluate(agency, year, report))
            : plausibility.evaluate(agency, year, report);
    return view(
        agency,
        year,
        row,
        report,
        evaluation,
        ReportRevision.currentYearEnd(agency, year - 1),
        plausibility.thresholds());
  }

  private ReportView view(
      Agency agency,
      int year,
      ReportRevision row,
      Report report,
      Plausibility.Evaluation evaluation,
      Optional<YearEnd> previous,
      Thresholds thresholds) {
    return new ReportView(
        agency.code,
        year,
        row.revision,
        row.submittedAt,
        row.contentSha256,
        report,
        ReportJson.readViolations(row.violations),
        warnings(year, report, evaluation, previous, thresholds),
        evaluation.textReuse());
  }

  /**
   * The revision a write just stored, from what it kept: the same view {@link #current} reads back,
   * built without a statement (after the commit).
   */
  ReportView stored(
      String agencyCode,
      int year,
      int revision,
      Instant at,
      String contentSha256,
      Report report,
      List<RuleViolation> violations,
      Plausibility.Kept kept) {
    List<RuleViolation> warnings = new ArrayList<>();
    kept.previousYear()
        .ifPresent(previous -> warnings.addAll(AccountingRules.crossYear(report, previous)));
    warnings.addAll(
        plausibilityWarnings.warnings(kept.evaluation(), year, plausibility.thresholds()));
    return new ReportView(
        agencyCode,
        year,
        revision,
        at,
        contentSha256,
        report,
        violations,
        warnings,
        kept.evaluation().textReuse());
  }

  /** What a dry run would store, checked as if it were: nothing is written. */
  ReportView unstored(
      Agency agency,
      int year,
      int revision,
      Instant at,
      String contentSha256,
      Report report,
      List<RuleViolation> violations) {
    Plausibility.Evaluation evaluation = plausibility.evaluate(agency, year, report);
    return new ReportView(
        agency.code,
        year,
        revision,
        at,
        contentSha256,
        report,
        violations,
        warnings(
            year,
            report,
            evaluation,
            ReportRevision.currentYearEnd(agency, year - 1),
            plausibility.thresholds()),
        evaluation.textReuse());
  }

  static ProblemException noReport(Agency agency, int year) {
    return ProblemException.notFound("Agency '" + agency.code + "' has no report for " + year);
  }

  private static StoredReport existingReport(Agency agency, int year) {
    return StoredReport.find(agency, year).orElseThrow(() -> noReport(agency, year));
  }

  private static ProblemException withdrawn(Agency agency, int year, ReportRevision withdrawal) {
    return new ProblemException(
        ProblemType.REPORT_WITHDRAWN,
        "The report of '"
            + agency.code
            + "' for "
            + year
            + " was withdrawn in revision "
            + withdrawal.revision
            + " at "
            + withdrawal.submittedAt
            + "; revision "
            + (withdrawal.revision - 1)
            + " is what was withdrawn, and the history stays at .../revisions");
  }
}
