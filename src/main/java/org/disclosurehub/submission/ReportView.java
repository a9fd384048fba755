package org.disclosurehub.submission;

import java.time.Instant;
import java.util.List;
import org.disclosurehub.report.Report;
import org.disclosurehub.report.RuleViolation;
import org.disclosurehub.report.TextReuse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A revision of a report as the API shows it: the report and what is known about it. */
@Schema(
    description = "A stored revision of an agency's annual report",
    requiredProperties = {
      "agency",
      "year",
      "revision",
      "submittedAt",
      "contentSha256",
      "report",
      "violations",
      "warnings"
    })
public record ReportView(
    @Schema(description = "Agency code", example = "zhongwei-civil-affairs") String agency,
    @Schema(description = "Report year", example = "2024") int year,
    @Schema(description = "Revision number, 1 for the first submission", example = "1")
        int revision,
    @Schema(description = "When this revision was stored") Instant submittedAt,
    @Schema(
            description = "SHA-256 (hex) of the report's canonical JSON",
            example = "3f0a6c1e9b2d4f5a6c7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9012345678")
        String contentSha256,
    @Schema(description = "The report as stored, every total filled in") Report report,
    @Schema(
            description =
                "Blocking rule violations the report was accepted with (acceptInconsistent)")
        List<RuleViolation> violations,
    @Schema(
            description =
                "Findings that do not block: CARRY_OVER and IN_FORCE against the agency's current"
                    + " report for the previous year, evaluated when read; NARRATIVE_MISMATCH,"
                    + " TEXT_REUSE and YEAR_JUMP, re-evaluated when a neighbouring report changes")
        List<RuleViolation> warnings,
    @Schema(
            description = "The shares TEXT_REUSE measured, whatever the thresholds",
            nullable = true)
        TextReuse textReuse) {}
