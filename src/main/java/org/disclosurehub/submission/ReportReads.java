package org.disclosurehub.submission;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.disclosurehub.agency.Agency;
import org.disclosurehub.report.AccountingRules;
import org.disclosurehub.report.Report;
import org.disclosurehub.report.RuleViolation;
import org.disclosurehub.system.ProblemException;
import org.disclosurehub.system.ProblemType;

/**
 * The read side of reports: the current revision, one revision, the history, and the cross-year
 * warnings every view carries.
 */
@ApplicationScoped
public class ReportReads {

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

  /** CARRY_OVER and IN_FORCE against the current report of the year before, if there is one. */
  List<RuleViolation> warnings(Agency agency, int year, Report report) {
    return ReportRevision.currentYearEnd(agency, year - 1)
        .map(previous -> AccountingRules.crossYear(report, previous))
        .orElse(List.of());
  }

  ReportView view(Agency agency, int year, ReportRevision row) {
    return view(agency, year, row, ReportJson.readReport(row.content));
  }

  ReportView view(Agency agency, int year, ReportRevision row, Report report) {
    return new ReportView(
        agency.code,
        year,
        row.revision,
        row.submittedAt,
        row.contentSha256,
        report,
        ReportJson.readViolations(row.violations),
        warnings(agency, year, report));
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
