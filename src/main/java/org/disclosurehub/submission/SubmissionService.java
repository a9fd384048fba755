package org.disclosurehub.submission;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.disclosurehub.agency.Agency;
import org.disclosurehub.report.AccountingRules;
import org.disclosurehub.report.Report;
import org.disclosurehub.report.RuleViolation;
import org.disclosurehub.report.Storable;
import org.disclosurehub.security.CurrentWriter;
import org.disclosurehub.sql.Sql;
import org.disclosurehub.system.Parameters;
import org.disclosurehub.system.Problem;
import org.disclosurehub.system.ProblemException;
import org.disclosurehub.system.ProblemType;
import org.disclosurehub.system.Sha256;

/**
 * The write side of reports: stores them as revisions after checking them against the accounting
 * rules, and withdraws them. Every revision made current fires {@link ReportRevised}, every
 * withdrawal {@link ReportWithdrawn}, inside the writing transaction.
 */
@ApplicationScoped
public class SubmissionService {
  private final Clock clock;
  private final SubmissionMetrics metrics;
  private final CurrentWriter writer;
  private final ReportReads reads;
  private final Plausibility plausibility;
  private final Event<ReportRevised> revised;
  private final Event<ReportWithdrawn> withdrawn;

  SubmissionService(
      Clock clock,
      SubmissionMetrics metrics,
      CurrentWriter writer,
      ReportReads reads,
      Plausibility plausibility,
      Event<ReportRevised> revised,
      Event<ReportWithdrawn> withdrawn) {
    this.clock = clock;
    this.metrics = metrics;
    this.writer = writer;
    this.reads = reads;
    this.plausibility = plausibility;
    this.revised = revised;
    this.withdrawn = withdrawn;
  }

  /**
   * What came of it: the revision now current (its view, unless {@link #store} was asked, and its
   * number), whether this request created the report, and whether it stored nothing because the
   * content equals the current revision. {@code content} is the canonical JSON of the report this
   * request stored (null if it stored none), which the view's report serialises to where its map
   * came in key order ({@link FilingAnswer}).
   */
  public record Outcome(
      ReportView view, int revision, boolean created, boolean unchanged, String content) {
    Outcome(ReportView view, int revision, boolean created, boolean unchanged) {
      this(view, revision, created, unchanged, null);
    }
  }

  /**
   * Stores the report as a new revision, unless it equals the current one. Two first submissions
   * racing for the same (agency, year) meet on its unique key; the loser is retried once and then
   * sees the winner's revision like any later correction would.
   */
  public Outcome submit(ReportWrite write) {
    return submit(write, true);
  }

  /**
   * As {@link #submit}, for a writer that needs only the revision's number (an import job): the
   * view of the report, with the warnings a reader of it gets, is not made (two reads and two
   * reports parsed fewer). {@link Outcome#view()} is null.
   */
  public Outcome store(ReportWrite write) {
    return submit(write, false);
  }

  private Outcome submit(ReportWrite write, boolean answered) {
    try {
      Outcome outcome = submitRetryingRace(write, answered);
      metrics.stored(write, outcome.unchanged());
      return outcome;
    } catch (ProblemException refused) {
      metrics.refused(write, refused.problem());
      throw refused;
    }
  }

  /** The answer of a stored revision is built after the commit, from what the write kept. */
  private Outcome submitRetryingRace(ReportWrite write, boolean answered) {
    try {
      return QuarkusTransaction.requiringNew().call(() -> submitOnce(write, answered)).get();
    } catch (FirstSubmissionRace lost) {
      return QuarkusTransaction.requiringNew().call(() -> submitOnce(write, answered)).get();
    }
  }

  // The roster decides who reports (issue 26): the last roster change of the (agency, year), if
  // any. An agency it includes for a year outside its active years may file for that year.
  private static final Sql ROSTER_INCLUDES =
      Sql.of(
          """
          select rc.expected from roster_change rc
          where rc.agency_id = :agency and rc.year = :year
          order by rc.id desc limit 1""");

  private static boolean includedByRoster(Agency agency, int year) {
    return Sql.inTransaction(
        connection -> {
          try (Sql.Statement s = ROSTER_INCLUDES.prepare(connection)) {
            s.set("agency", agency.id).set("year", year);
            try (java.sql.ResultSet rs = s.query()) {
              return rs.next() && rs.getBoolean(1);
            }
          }
        });
  }

  private Supplier<Outcome> submitOnce(ReportWrite write, boolean answered) {
    // Its columns only: nothing here changes the agency.
    Agency agency = Agency.existingValue(write.agencyCode());
    int year = Parameters.year("year", write.year(), clock);
    if (!agency.activeIn(year) && !includedByRoster(agency, year)) {
      throw new ProblemException(
          ProblemType.AGENCY_INACTIVE,
          "Agency '"
              + agency.code
              + "' is registered as not active in "
              + year
              + " and the year's roster does not include it");
    }
    // Checked for dry runs too: a dry run answers exactly what the put would.
    String reason = ChangeReason.checked(write.reason());
    refuseUnstorable(write.report(), year);
    Report report = write.report().withComputedTotals();
    String content = ReportJson.write(report);
    String sha = Sha256.hex(content);

    // Only what the comparison needs, the report row locked unless a dry run; the stored content
    // is read when it is the answer.
    Optional<RevisionRows.Current> current = RevisionRows.current(agency.id, year, !write.dryRun());
    int currentRevision = current.map(RevisionRows.Current::revision).orElse(0);
    // A withdrawn report counts as absent: a submission files it again as a new revision. Its
    // last revision no longer counts in any roll-up, so nothing of it is to be replaced there.
    boolean wasWithdrawn = current.map(RevisionRows.Current::withdrawn).orElse(false);
    // If-None-Match is checked first: its 412 holds whatever the body (RFC 9110 §13.1.2).
    Preconditions.checkIfNoneMatch(write.ifNoneMatch(), wasWithdrawn ? 0 : currentRevision);
    // The same content as the current revision has already been stored: answer it, whatever
    // If-Match names (RFC 9110 §13.1.1 allows a 2xx for a change that already succeeded), so
    // that a retry after a lost answer is safe. Any other content is checked against them.
    if (current.isPresent() && !wasWithdrawn && current.get().contentSha256().equals(sha)) {
      if (!answered) {
        Outcome unchangedUnanswered = new Outcome(null, currentRevision, false, true);
        return () -> unchangedUnanswered;
      }
      StoredReport existing = StoredReport.findById(current.get().reportId());
      ReportRevision same = ReportRevision.of(existing, currentRevision).orElseThrow();
      Outcome unchanged = new Outcome(reads.view(agency, year, same), currentRevision, false, true);
      return () -> unchanged;
    }
    Preconditions.check(write.ifMatch(), write.ifNoneMatch(), wasWithdrawn ? 0 : currentRevision);

    List<RuleViolation> violations = AccountingRules.check(report);
    if (!violations.isEmpty() && !write.acceptInconsistent()) {
      throw ProblemException.inconsistent(
          violations.size()
              + " cell(s) break the accounting rules; nothing was stored. Correct them, or"
              + " resubmit with acceptInconsistent=true to keep the report as published.",
          violations);
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    int revision = currentRevision + 1;
    if (write.dryRun()) {
      Outcome dryRun =
          new Outcome(
              reads.unstored(agency, year, revision, now, sha, report, violations),
              revision,
              false,
              false);
      return () -> dryRun;
    }

    ReportWrite.Source source = write.source();
    RevisionRows.Revision row =
        new RevisionRows.Revision(
            revision,
            content,
            sha,
            ReportJson.write(violations),
            violations.size(),
            now,
            writer.author(),
            reason,
            source != null,
            source == null ? null : source.mediaType(),
            source == null ? null : source.content());
    if (current.isPresent()) {
      RevisionRows.next(current.get().reportId(), row);
    } else if (RevisionRows.first(agency.id, year, row).isEmpty()) {
      // The unique key of (agency, year) was taken by a concurrent first submission.
      throw new FirstSubmissionRace();
    }
    // A re-filed withdrawn report only adds: its contribution left the totals at withdrawal.
    // The event's observers (the roll-up totals among them) run first, then the plausibility
    // checks, which take the city's lock until the commit.
    revised.fire(
        new ReportRevised(
            agency.id,
            agency.code,
            agency.divisionCode,
            year,
            revision,
            report,
            violations,
            now,
            write.source() != null,
            agency.name,
            row.author(),
            reason,
            sha,
            wasWithdrawn));
    Plausibility.Kept kept = plausibility.stored(agency, year, report, now);
    // Nothing is read for the answer: it is what this transaction stored, built after its commit.
    String code = agency.code;
    boolean created = current.isEmpty() || wasWithdrawn;
    return () ->
        new Outcome(
            answered
                ? reads.stored(code, year, revision, now, sha, report, violations, kept)
                : null,
            revision,
            created,
            false,
            content);
  }

  /**
   * Withdraws a report: records a revision that repeats the current content with {@code withdrawn}
   * set, so nothing is lost. The report then leaves listings and roll-ups; its history stays
   * readable, and a later submission files it again. Withdrawing a withdrawn report again stores
   * nothing and answers the withdrawal revision.
   *
   * @param reason the X-Change-Reason header as it came, or null
   */
  public RevisionSummary withdraw(String agencyCode, int year, String reason) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Agency agency = Agency.existing(agencyCode);
              StoredReport stored =
                  StoredReport.lockForUpdate(agency, year)
                      .orElseThrow(() -> ReportReads.noReport(agency, year));
              ReportRevision current =
                  ReportRevision.of(stored, stored.currentRevision).orElseThrow();
              if (current.withdrawn) {
                return RevisionSummary.of(current);
              }
              ReportRevision row =
                  ReportRevision.withdrawal(
                      current,
                      clock.instant().truncatedTo(ChronoUnit.MILLIS),
                      writer.author(),
                      ChangeReason.checked(reason));
              stored.currentRevision = row.revision;
              row.persist();
              withdrawn.fire(new ReportWithdrawn(agency.id, year, row.submittedAt));
              return RevisionSummary.of(row);
            });
  }

  /** Cells and totals within their maximum, a plausible publishedOn, storable text: else 400. */
  private void refuseUnstorable(Report report, int year) {
    List<Storable.Finding> findings = Storable.findings(report, year, LocalDate.now(clock));
    if (!findings.isEmpty()) {
      throw ProblemException.invalidFields(
          findings.stream()
              .map(f -> f.pointer() + " " + f.message())
              .collect(Collectors.joining("; ")),
          findings.stream().map(f -> new Problem.FieldError(f.pointer(), f.message())).toList());
    }
  }

  /** The unique key of (agency, year) was taken by a concurrent first submission. */
  private static final class FirstSubmissionRace extends RuntimeException {
    FirstSubmissionRace() {
      super(null, null, false, false);
    }
  }
}
