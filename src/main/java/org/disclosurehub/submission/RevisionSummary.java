package org.disclosurehub.submission;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One line of a report's history. */
@Schema(description = "One revision in a report's history")
public record RevisionSummary(
    @Schema(example = "2") int revision,
    Instant submittedAt,
    @Schema(description = "SHA-256 (hex) of the canonical report JSON") String contentSha256,
    @Schema(description = "Blocking rule violations accepted with it", example = "0")
        int violationCount,
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
        revision.imported);
  }
}
