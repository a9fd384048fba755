package org.disclosurehub.submission;

import java.util.List;
import org.disclosurehub.report.Report;
import org.disclosurehub.report.RuleViolation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a PUT would store, answered by {@code POST …/checks} and by the deprecated {@code PUT
 * ?dryRun=true}: nothing was stored. Every field is always there; a client tells it from a stored
 * revision by the operation (or, for the PUT, by its media type), never by its fields.
 */
@Schema(
    description = "What a PUT would store; nothing was stored",
    requiredProperties = {
      "dryRun",
      "agency",
      "year",
      "wouldBecomeRevision",
      "unchanged",
      "contentSha256",
      "report",
      "violations",
      "warnings"
    })
record DryRunView(
    @Schema(description = "Always true: this is not a stored revision", example = "true")
        boolean dryRun,
    @Schema(example = "zhongwei-civil-affairs") String agency,
    @Schema(example = "2024") int year,
    @Schema(
            description =
                "The revision the PUT would make current: the next one, or the current one when"
                    + " the content is the same (unchanged)",
            example = "2")
        int wouldBecomeRevision,
    @Schema(description = "The content equals the current revision; a PUT would store nothing")
        boolean unchanged,
    @Schema(description = "SHA-256 (hex) of the canonical JSON the PUT would store")
        String contentSha256,
    @Schema(description = "The report as it would be stored, every total filled in") Report report,
    @Schema(description = "Blocking rule violations it would be stored with (acceptInconsistent)")
        List<RuleViolation> violations,
    @Schema(description = "Cross-year findings against the previous year's current report")
        List<RuleViolation> warnings) {

  /**
   * The deprecated PUT ?dryRun=true answers this type, so that no client takes it for a revision.
   */
  static final String MEDIA_TYPE = "application/vnd.disclosurehub.dry-run+json";

  static DryRunView of(SubmissionService.Outcome outcome) {
    ReportView view = outcome.view();
    return new DryRunView(
        true,
        view.agency(),
        view.year(),
        view.revision(),
        outcome.unchanged(),
        view.contentSha256(),
        view.report(),
        view.violations(),
        view.warnings());
  }
}
