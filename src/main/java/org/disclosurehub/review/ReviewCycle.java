package org.disclosurehub.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.disclosurehub.agency.Agency;
import org.disclosurehub.report.Report;
import org.disclosurehub.report.RuleViolation;
import org.disclosurehub.security.Actor;
import org.disclosurehub.security.CurrentWriter;
import org.disclosurehub.sql.Sql;
import org.disclosurehub.submission.ReportReads;
import org.disclosurehub.submission.ReportRevised;
import org.disclosurehub.submission.ReportView;
import org.disclosurehub.submission.ReportWithdrawn;
import org.disclosurehub.system.Problem;
import org.disclosurehub.system.ProblemException;
import org.disclosurehub.system.ProblemType;

/**
 * The review of each (agency, year) report: filings and withdrawals as submission announces them,
 * reviewers' decisions, and explanations of warnings, each appended as a {@link ReviewEntry} under
 * a lock per report, so that a decision made on a stale state fails its If-Match.
 */
@ApplicationScoped
class ReviewCycle {
  private final ReportReads reports;
  private final CurrentWriter writer;
  private final ObjectMapper json;
  private final Clock clock;
  private final Event<ReviewDecided> decided;
  private final Event<WarningNoted> noted;

  ReviewCycle(
      ReportReads reports,
      CurrentWriter writer,
      ObjectMapper json,
      Clock clock,
      Event<ReviewDecided> decided,
      Event<WarningNoted> noted) {
    this.reports = reports;
    this.writer = writer;
    this.json = json;
    this.clock = clock;
    this.decided = decided;
    this.noted = noted;
  }

  ReviewState state(long agencyId, int year) {
    return new ReviewState(ReviewEntry.of(agencyId, year));
  }

  /**
   * A new current revision: filed, with the cells changed since an acceptance that still holds;
   * explained warnings whose cells it changed are reopened.
   */
  // Before plausibility (APPLICATION + 1000), whose city lock same-city filings wait on until the
  // transaction ends: nothing here needs that lock.
  void revised(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) ReportRevised revised) {
    String author = author();
    if (ReviewRows.filedUnlessReviewed(
        revised.agencyId(),
        revised.year(),
        revised.revision(),
        author,
        clock.instant().truncatedTo(ChronoUnit.MILLIS))) {
      return;
    }
    // Under the review's lock, which that statement took.
    ReviewState state = state(revised.agencyId(), revised.year());
    Agency agency = Agency.findById(revised.agencyId());
    // The report as a tree only when an acceptance or an explanation is compared with it.
    JsonNode now =
        state.acceptance() == null && state.notes().isEmpty()
            ? null
            : json.valueToTree(revised.report());
    List<ReviewEntry> added = new ArrayList<>();
    ReviewEntry filed =
        entry(revised.agencyId(), revised.year(), ReviewEntry.FILED, revised.revision(), author);
    ReviewEntry acceptance = state.acceptance();
    if (acceptance != null) {
      filed.changedCells =
          write(CellChanges.between(at(agency, revised.year(), acceptance.revision), now));
    }
    added.add(filed);
    for (Map.Entry<String, ReviewEntry> note : state.notes().entrySet()) {
      ReviewEntry last = note.getValue();
      if (!ReviewState.explains(last) || last.revision == revised.revision()) {
        continue;
      }
      List<String> changed = CellChanges.between(at(agency, revised.year(), last.revision), now);
      if (CellChanges.touches(changed, last.path)) {
        ReviewEntry reopened =
            entry(
                revised.agencyId(),
                revised.year(),
                ReviewEntry.REOPENED,
                revised.revision(),
                author);
        reopened.rule = last.rule;
        reopened.path = last.path;
        reopened.reason = "更正改动了说明所涉单元格：" + String.join(", ", changed.stream().limit(10).toList());
        added.add(reopened);
      }
    }
    append(state, added);
  }

  void withdrawn(
      @Observes @Priority(Interceptor.Priority.APPLICATION + 900) ReportWithdrawn withdrawn) {
    ReviewRows.lock(withdrawn.agencyId(), withdrawn.year());
    ReviewState state = state(withdrawn.agencyId(), withdrawn.year());
    ReviewEntry last = state.last();
    append(
        state,
        List.of(
            entry(
                withdrawn.agencyId(),
                withdrawn.year(),
                ReviewEntry.WITHDRAWN,
                last == null ? 0 : last.revision,
                author())));
  }

  /** A reviewer's decision on the current revision: returned or accepted. */
  ReviewEntry decide(
      Agency agency, int year, Actor actor, String ifMatch, ReviewRequests.Decision decision) {
    requireReviewer(agency, actor);
    if (decision == null) {
      throw invalid("", "a JSON body is required");
    }
    String kind = decision.decision();
    if (!ReviewEntry.RETURNED.equals(kind) && !ReviewEntry.ACCEPTED.equals(kind)) {
      throw invalid("/decision", "must be returned or accepted");
    }
    String reason = clean(decision.reason(), "/reason", 2000);
    ReviewRows.lock(agency.id, year);
    ReviewState state = state(agency.id, year);
    requireMatch(ifMatch, state.seq());
    ReportView view = current(agency, year, state);
    ReviewEntry entry = entry(agency.id, year, kind, view.revision(), actor.author());
    entry.reason = reason;
    if (kind.equals(ReviewEntry.RETURNED)) {
      if (reason == null) {
        throw invalid("/reason", "a return says why");
      }
      if (!List.of(ReviewEntry.FILED, ReviewEntry.ACCEPTED).contains(state.state())) {
        throw wrongState("The report was already returned and waits for a correction");
      }
      entry.comments = write(comments(view.report(), decision.comments()));
    } else {
      if (!ReviewEntry.FILED.equals(state.state())) {
        throw wrongState(
            ReviewEntry.ACCEPTED.equals(state.state())
                ? "Revision " + view.revision() + " is already accepted"
                : "The report was returned; it can be accepted once a correction is filed");
      }
      if (decision.comments() != null && !decision.comments().isEmpty()) {
        throw invalid("/comments", "only a return carries comments");
      }
      List<RuleViolation> broken = view.violations();
      if (!broken.isEmpty() && reason == null) {
        throw ProblemException.inconsistent(
            "Revision "
                + view.revision()
                + " breaks "
                + broken.size()
                + " accounting rule(s); accepting it needs a reason",
            broken);
      }
    }
    append(state, List.of(entry));
    decided.fire(
        new ReviewDecided(
            agency.id,
            agency.code,
            agency.divisionCode,
            year,
            entry.revision,
            kind,
            reason,
            entry.author,
            entry.at));
    return entry;
  }

  /** An explanation of a warning (the agency or a reviewer), or a reviewer's verdict on it. */
  ReviewEntry note(
      Agency agency, int year, Actor actor, String ifMatch, ReviewRequests.WarningNote note) {
    if (note == null) {
      throw invalid("", "a JSON body is required");
    }
    String action = note.action();
    boolean explaining = ReviewEntry.EXPLAINED.equals(action);
    if (!explaining
        && !ReviewEntry.CONFIRMED.equals(action)
        && !ReviewEntry.REJECTED.equals(action)) {
      throw invalid("/action", "must be explained, confirmed or rejected");
    }
    if (!(explaining && actor.isAgency(agency.code)) && !actor.reviews(agency.divisionCode)) {
      throw new ProblemException(
          ProblemType.FORBIDDEN,
          explaining
              ? "Only agency '"
                  + agency.code
                  + "' or a reviewer of its division explains its warnings"
              : "Only a reviewer of the agency's division confirms or rejects an explanation");
    }
    if (!ReviewRequests.EXPLAINABLE.contains(note.rule())) {
      throw invalid("/rule", "must be one of " + String.join(", ", ReviewRequests.EXPLAINABLE));
    }
    String text = clean(note.text(), "/text", 2000);
    if (text == null && explaining) {
      throw invalid("/text", "an explanation needs its text");
    }
    ReviewRows.lock(agency.id, year);
    ReviewState state = state(agency.id, year);
    requireMatch(ifMatch, state.seq());
    ReportView view = current(agency, year, state);
    boolean warned =
        view.warnings().stream()
            .anyMatch(w -> w.rule().name().equals(note.rule()) && same(w.path(), note.path()));
    if (!warned) {
      throw ProblemException.notFound(
          "Revision " + view.revision() + " has no " + note.rule() + " warning at " + note.path());
    }
    ReviewEntry last = state.notes().get(ReviewState.key(note.rule(), note.path()));
    if (!explaining && (last == null || !last.kind.equals(ReviewEntry.EXPLAINED))) {
      throw wrongState("This warning has no explanation waiting for a verdict");
    }
    ReviewEntry entry = entry(agency.id, year, action, view.revision(), actor.author());
    entry.rule = note.rule();
    entry.path = note.path();
    entry.reason = text;
    append(state, List.of(entry));
    return entry;
  }

  private ReportView current(Agency agency, int year, ReviewState state) {
    if (state.last() == null || ReviewEntry.WITHDRAWN.equals(state.state())) {
      throw ProblemException.notFound(
          "Agency '" + agency.code + "' has no current report for " + year + " to review");
    }
    return reports.current(agency.code, year);
  }

  private List<ReviewRequests.Comment> comments(Report report, List<ReviewRequests.Comment> given) {
    List<ReviewRequests.Comment> kept = new ArrayList<>();
    if (given == null) {
      return kept;
    }
    JsonNode tree = json.valueToTree(report);
    for (int i = 0; i < given.size(); i++) {
      ReviewRequests.Comment c = given.get(i);
      String at = "/comments/" + i;
      if (c == null) {
        throw invalid(at, "must be an object");
      }
      boolean onCell = c.pointer() != null;
      if (onCell == (c.section() != null)) {
        throw invalid(at, "names either a pointer or a section");
      }
      if (onCell && (!c.pointer().startsWith("/") || tree.at(c.pointer()).isMissingNode())) {
        throw invalid(at + "/pointer", "is no cell of the report");
      }
      if (!onCell && !ReviewRequests.SECTIONS.containsKey(c.section())) {
        throw invalid(at + "/section", "must be one of " + ReviewRequests.SECTIONS.keySet());
      }
      String text = clean(c.text(), at + "/text", 2000);
      if (text == null) {
        throw invalid(at + "/text", "says what to fix");
      }
      kept.add(new ReviewRequests.Comment(c.pointer(), c.section(), text));
    }
    return kept;
  }

  private JsonNode at(Agency agency, int year, int revision) {
    return json.valueToTree(reports.revision(agency.code, year, revision).report());
  }

  private static void requireReviewer(Agency agency, Actor actor) {
    if (!actor.reviews(agency.divisionCode)) {
      throw new ProblemException(
          ProblemType.FORBIDDEN,
          "Only the admin or a reviewer of division "
              + agency.divisionCode
              + " or a division above it decides on the reports of '"
              + agency.code
              + "'");
    }
  }

  static String etag(int seq) {
    return "\"review-" + seq + "\"";
  }

  private static void requireMatch(String ifMatch, int seq) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new ProblemException(
          ProblemType.PRECONDITION_REQUIRED,
          "Give If-Match with the review's ETag "
              + etag(seq)
              + ", as read, so that a concurrent"
              + " decision is not overwritten");
    }
    boolean matches =
        java.util.Arrays.stream(ifMatch.split(",")).map(String::strip).anyMatch(etag(seq)::equals);
    if (!matches) {
      throw new ProblemException(
          ProblemType.PRECONDITION_FAILED,
          "If-Match "
              + ifMatch.strip()
              + " is not the review's current ETag "
              + etag(seq)
              + "; read the review again");
    }
  }

  private static boolean same(String a, String b) {
    return (a == null || a.isEmpty()) ? (b == null || b.isEmpty()) : a.equals(b);
  }

  private ReviewEntry entry(long agencyId, int year, String kind, int revision, String author) {
    ReviewEntry entry = new ReviewEntry();
    entry.agencyId = agencyId;
    entry.year = year;
    entry.kind = kind;
    entry.revision = revision;
    entry.author = author;
    entry.at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    return entry;
  }

  /** Appends the entries; a note on a warning tells the roll-ups, which count them. */
  private void append(ReviewState state, List<ReviewEntry> entries) {
    int seq = state.seq();
    for (ReviewEntry entry : entries) {
      entry.seq = ++seq;
      entry.persist();
    }
    Sql.flushPending();
    entries.stream()
        .filter(e -> e.rule != null)
        .findFirst()
        .ifPresent(e -> noted.fire(new WarningNoted(e.agencyId, e.year)));
  }

  private String author() {
    try {
      return writer.author();
    } catch (RuntimeException anonymous) {
      return "unrecorded";
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String clean(String text, String at, int max) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String stripped = text.strip();
    if (stripped.length() > max) {
      throw invalid(at, "has more than " + max + " characters");
    }
    return stripped;
  }

  private static ProblemException invalid(String at, String message) {
    return ProblemException.invalidFields(
        at + " " + message, List.of(new Problem.FieldError(at, message)));
  }

  private static ProblemException wrongState(String detail) {
    return new ProblemException(ProblemType.REVIEW_STATE, detail);
  }
}
