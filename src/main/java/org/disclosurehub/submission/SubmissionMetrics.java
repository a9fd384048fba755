package org.disclosurehub.submission;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.disclosurehub.report.Rule;
import org.disclosurehub.system.Problem;
import org.disclosurehub.system.ProblemType;

/**
 * Counts submissions at {@code /q/metrics}: {@code hub_submissions_total{outcome}} with outcome
 * {@code accepted} (a new revision was stored), {@code unchanged} (identical content, nothing
 * stored) or {@code rejected} (refused for breaking accounting rules), and {@code
 * hub_submission_rejections_total{rule}}, once per rule a rejected submission breaks. Dry runs
 * store nothing and are not counted; other refusals (404, 412, …) are in the HTTP server metrics.
 */
@ApplicationScoped
class SubmissionMetrics {
  private final Counter accepted;
  private final Counter unchanged;
  private final Counter rejected;
  private final Map<String, Counter> rejectionsByRule;

  SubmissionMetrics(MeterRegistry registry) {
    accepted = submissions(registry, "accepted");
    unchanged = submissions(registry, "unchanged");
    rejected = submissions(registry, "rejected");
    // Registered up front, so that every series exists (at 0) before the first rejection.
    rejectionsByRule =
        Arrays.stream(Rule.values())
            .filter(Rule::blocking)
            .map(Rule::name)
            .collect(
                Collectors.toUnmodifiableMap(
                    Function.identity(),
                    rule ->
                        Counter.builder("hub.submission.rejections")
                            .description("Submissions refused, by accounting rule broken")
                            .tag("rule", rule)
                            .register(registry)));
  }

  private static Counter submissions(MeterRegistry registry, String outcome) {
    return Counter.builder("hub.submissions")
        .description("Report submissions, by outcome")
        .tag("outcome", outcome)
        .register(registry);
  }

  /** A write was stored, or ({@code unchanged}) its content was already the current revision. */
  void stored(ReportWrite submission, boolean unchanged) {
    if (!submission.dryRun()) {
      (unchanged ? this.unchanged : accepted).increment();
    }
  }

  void refused(ReportWrite submission, Problem problem) {
    if (submission.dryRun()
        || !ProblemType.REPORT_INCONSISTENT.uri().equals(problem.type())
        || problem.violations() == null) {
      return;
    }
    rejected.increment();
    problem.violations().stream()
        .map(v -> v.rule().name())
        .distinct()
        .map(rejectionsByRule::get)
        .filter(counter -> counter != null)
        .forEach(Counter::increment);
  }
}
