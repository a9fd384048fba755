package org.disclosurehub.submission;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.disclosurehub.agency.Agency;
import org.disclosurehub.report.AccountingRules;
import org.disclosurehub.report.Report;
import org.disclosurehub.report.RuleViolation;
import org.disclosurehub.rollup.RegionTotals;
import org.disclosurehub.security.CurrentWriter;
import org.disclosurehub.system.ProblemException;
import org.disclosurehub.system.ProblemType;

/** Stores reports as revisions, checks them against the accounting rules, and reads them back. */
@ApplicationScoped
public class SubmissionService {
  public static final int FIRST_YEAR = 2008;
  @Inject SubmissionMetrics metrics;

  private final Clock clock;

  /** Who writes and why, recorded on every revision stored (the audit trail). */
  @Inject CurrentWriter writer;

  SubmissionService(Clock clock) {
    this.clock = clock;
  }

  /** What a client asked to store. */
  public record Submission(
      String agencyCode,
      int year,
      Report report,
      String ifMatch,
      String ifNoneMatch,
      boolean acceptInconsistent,
      boolean dryRun,
      Source source) {

    public Submission(
        String agencyCode,
        int year,
        Report report,
        String ifMatch,
        String ifNoneMatch,
        boolean acceptInconsistent,
        boolean dryRun) {
      this(agencyCode, year, report, ifMatch, ifNoneMatch, acceptInconsistent, dryRun, null);
    }
  }

  /** The published text a report was imported from, kept with the revision it becomes. */
  public record Source(String mediaType, byte[] content) {}

  /**
   * What came of it: the revision now current, whether this request created the report, and whether
   * it stored nothing because the content equals the current revision.
   */
  public record Outcome(ReportView view, boolean created, boolean unchanged) {
    Outcome(ReportView view, boolean created) {
      this(view, created, false);
    }
  }

  /**
   * Stores the report as a new revision, unless it equals the current one. Two first submissions
   * racing for the same (agency, year) meet on its unique key; the loser is retried once and then
   * sees the winner's revision like any later correction would.
   */
  public Outcome submit(Submission submission) {
    try {
      Outcome outcome = submitRetryingRace(submission);
      metrics.stored(submission, outcome);
      return outcome;
    } catch (ProblemException refused) {
      metrics.refused(submission, refused.problem());
      throw refused;
    }
  }

  private Outcome submitRetryingRace(Submission submission) {
    try {
      return QuarkusTransaction.requiringNew().call(() -> submitOnce(submission));
    } catch (FirstSubmissionRace lost) {
      return QuarkusTransaction.requiringNew().call(() -> submitOnce(submission));
    }
  }

  private Outcome submitOnce(Submission submission) {
    Agency agency = Agency.existing(submission.agencyCode());
    int year = submission.year();
    checkYear(year);
    if (!agency.activeIn(year)) {
      throw new ProblemException(
          ProblemType.AGENCY_INACTIVE,
          "Agency '" + agency.code + "' is registered as not active in " + year);
    }
    Report report = submission.report().withComputedTotals();
    String content = ReportJson.write(report);
    String sha = ReportJson.sha256(content);

    Optional<StoredReport> existing =
        submission.dryRun()
            ? StoredReport.find(agency, year)
            : StoredReport.lockForUpdate(agency, year);
    // Only what the comparison needs; the stored content is read when it is the answer.
    Optional<ReportRevision.Head> current =
        existing.flatMap(r -> ReportRevision.head(r, r.currentRevision));
    int currentRevision = current.map(ReportRevision.Head::revision).orElse(0);
    // A withdrawn report counts as absent: a submission files it again as a new revision. Its
    // last revision no longer counts in any roll-up, so nothing of it is to be replaced there.
    boolean withdrawn = current.map(ReportRevision.Head::withdrawn).orElse(false);
    Preconditions.check(
        submission.ifMatch(), submission.ifNoneMatch(), withdrawn ? 0 : currentRevision);
    if (current.isPresent() && !withdrawn && current.get().contentSha256().equals(sha)) {
      ReportRevision same = ReportRevision.of(existing.get(), currentRevision).orElseThrow();
      return new Outcome(view(agency, year, same), false, true);
    }

    List<RuleViolation> violations = AccountingRules.check(report);
    if (!violations.isEmpty() && !submission.acceptInconsistent()) {
      throw ProblemException.inconsistent(
          violations.size()
              + " cell(s) break the accounting rules; nothing was stored. Correct them, or"
              + " resubmit with acceptInconsistent=true to keep the report as published.",
          violations);
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    int revision = currentRevision + 1;
    if (submission.dryRun()) {
      return new Outcome(
          new ReportView(
              agency.code,
              year,
              revision,
              now,
              sha,
              report,
              violations,
              warnings(agency, year, report)),
          false);
    }

    StoredReport stored = existing.orElseGet(() -> newReport(agency, year, now));
    stored.currentRevision = revision;
    ReportRevision row = new ReportRevision();
    row.report = stored;
    row.revision = revision;
    row.content = content;
    row.contentSha256 = sha;
    row.violations = ReportJson.write(violations);
    row.violationCount = violations.size();
    row.submittedAt = now;
    row.author = writer.author();
    row.reason = writer.reason();
    row.imported = submission.source() != null;
    row.persist();
    if (submission.source() != null) {
      RevisionSource.keep(row, submission.source());
    }
    // A re-filed withdrawn report only adds: its contribution left the totals at withdrawal.
    RegionTotals.replace(agency, year, revision, report, violations, now);
    return new Outcome(view(agency, year, row, report), existing.isEmpty() || withdrawn);
  }

  /**
   * Withdraws a report: records a revision that repeats the current content with {@code withdrawn}
   * set, so nothing is lost. The report then leaves listings and roll-ups; its history stays
   * readable, and a later submission files it again. Withdrawing a withdrawn report again stores
   * nothing and answers the withdrawal revision.
   */
  public RevisionSummary withdraw(String agencyCode, int year) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Agency agency = Agency.existing(agencyCode);
              StoredReport stored =
                  StoredReport.lockForUpdate(agency, year)
                      .orElseThrow(() -> noReport(agency, year));
              ReportRevision current =
                  ReportRevision.of(stored, stored.currentRevision).orElseThrow();
              if (current.withdrawn) {
                return RevisionSummary.of(current);
              }
              ReportRevision row = new ReportRevision();
              row.report = stored;
              row.revision = current.revision + 1;
              row.content = current.content;
              row.contentSha256 = current.contentSha256;
              row.violations = current.violations;
              row.violationCount = current.violationCount;
              row.submittedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
              row.author = writer.author();
              row.reason = writer.reason();
              row.withdrawn = true;
              stored.currentRevision = row.revision;
              row.persist();
              RegionTotals.remove(agency, year, row.submittedAt);
              return RevisionSummary.of(row);
            });
  }

  private static StoredReport newReport(Agency agency, int year, Instant now) {
    StoredReport stored = new StoredReport();
    stored.agency = agency;
    stored.year = year;
    stored.currentRevision = 1;
    stored.firstSubmittedAt = now;
    try {
      stored.persistAndFlush();
    } catch (PersistenceException e) {
      throw new FirstSubmissionRace();
    }
    return stored;
  }

  /** The current revision of a report. */
  public ReportView current(String agencyCode, int year) {
    Agency agency = Agency.existing(agencyCode);
    StoredReport stored = existingReport(agency, year);
    ReportRevision current = ReportRevision.of(stored, stored.currentRevision).orElseThrow();
    if (current.withdrawn) {
      throw withdrawn(agency, year, current);
    }
    return view(agency, year, current);
  }

  /** One revision of a report, exactly as stored. */
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

  /** Every revision of a report, oldest first. */
  public List<RevisionSummary> history(String agencyCode, int year) {
    Agency agency = Agency.existing(agencyCode);
    return ReportRevision.allOf(existingReport(agency, year)).stream()
        .map(RevisionSummary::of)
        .toList();
  }

  /** Reports exist from 2008, when the 条例 took effect, to the current year in Beijing. */
  public void checkYear(int year) {
    int currentYear = LocalDate.now(clock).getYear();
    if (year < FIRST_YEAR || year > currentYear) {
      throw ProblemException.invalidParameter(
          "year", "must be between " + FIRST_YEAR + " and " + currentYear);
    }
  }

  private static StoredReport existingReport(Agency agency, int year) {
    return StoredReport.find(agency, year).orElseThrow(() -> noReport(agency, year));
  }

  private static ProblemException noReport(Agency agency, int year) {
    return ProblemException.notFound("Agency '" + agency.code + "' has no report for " + year);
  }

  private static ReportView view(Agency agency, int year, ReportRevision row) {
    return view(agency, year, row, ReportJson.readReport(row.content));
  }

  private static ReportView view(Agency agency, int year, ReportRevision row, Report report) {
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

  /** CARRY_OVER and IN_FORCE against the current report of the year before, if there is one. */
  private static List<RuleViolation> warnings(Agency agency, int year, Report report) {
    return ReportRevision.currentYearEnd(agency, year - 1)
        .map(previous -> AccountingRules.crossYear(report, previous))
        .orElse(List.of());
  }

  /** The unique key of (agency, year) was taken by a concurrent first submission. */
  private static final class FirstSubmissionRace extends RuntimeException {
    FirstSubmissionRace() {
      super(null, null, false, false);
    }
  }
}
