package org.disclosurehub.submission;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One line of a report's history, with its audit trail. */
@Schema(
    description = "One revision in a report's history",
    requiredProperties = {
      "revision",
      "submittedAt",
      "contentSha256",
      "violationCount",
      "withdrawn",
      "imported"
    })
public record RevisionSummary(
    @Schema(example = "2") int revision,
    @Schema(description = "When it was stored") Instant submittedAt,
    @Schema(description = "SHA-256 (hex) of the canonical report JSON") String contentSha256,
    @Schema(description = "Blocking rule violations accepted with it", example = "0")
        int violationCount,
    @Schema(
            description =
                "Who stored it: admin, or token:<id> for an agency token (unrecorded before"
                    + " tokens existed)",
            example = "token:7",
            nullable = true)
        String author,
    @Schema(
            description = "The X-Change-Reason given with the write, if any",
            example = "更正第三部分数据",
            nullable = true)
        String reason,
    @Schema(
            description =
                "True if this revision withdrew the report; its content is what was withdrawn")
        boolean withdrawn,
    @Schema(
            description =
                "Imported from a published text (POST /api/v1/imports?store=true); the text is at"
                    + " …/revisions/{n}/source")
        boolean imported) {

  static RevisionSummary of(ReportRevision revision) {
    return new RevisionSummary(
        revision.revision,
        revision.submittedAt,
        revision.contentSha256,
        revision.violationCount,
        revision.author,
        revision.reason,
        revision.withdrawn,
        revision.imported);
  }
}
