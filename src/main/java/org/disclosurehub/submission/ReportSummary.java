package org.disclosurehub.submission;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A current report in a listing, without its cells. */
@Schema(
    requiredProperties = {
      "agency",
      "agencyName",
      "divisionCode",
      "year",
      "revision",
      "submittedAt",
      "contentSha256",
      "violationCount"
    },
    description = "A current report in a listing")
record ReportSummary(
    @Schema(example = "zhongwei-civil-affairs") String agency,
    @Schema(example = "中卫市民政局") String agencyName,
    @Schema(example = "640500") String divisionCode,
    @Schema(example = "2024") int year,
    @Schema(example = "1") int revision,
    Instant submittedAt,
    String contentSha256,
    @Schema(description = "Blocking rule violations accepted with it", example = "0")
        int violationCount) {}
