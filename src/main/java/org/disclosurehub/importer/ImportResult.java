package org.disclosurehub.importer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.disclosurehub.report.RuleViolation;
import org.disclosurehub.report.TextReuse;
import org.disclosurehub.submission.ReportView;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the importer read from a published report, and what it could not read. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
    requiredProperties = {
      "partial",
      "report",
      "violations",
      "warnings",
      "provenance",
      "cellSources",
      "unparsed",
      "missing",
      "notes"
    },
    description =
        "A published report read from its text: the report, its provenance, and what was not read")
public record ImportResult(
    @Schema(description = "Agency code, when given", example = "zhongwei-civil-affairs")
        String agency,
    @Schema(
            description = "Report year: the `year` parameter, else read from the title",
            example = "2024")
        Integer year,
    @Schema(
            description = "表格式版本 detected: \"2021\" or \"2019\" (the trial format)",
            enumeration = {"2021", "2019"})
        String formatVersion,
    @Schema(
            description =
                "True when anything was not read: a cell of Tables 二, 三, 四 is missing, or a line is"
                    + " listed in `unparsed`")
        boolean partial,
    @Schema(
            description =
                "The report in the JSON of Report with what was read; cells that could not be"
                    + " read are absent, so none of Report's properties is required here",
            type = SchemaType.OBJECT)
        JsonNode report,
    @Schema(
            description =
                "Accounting rules the report breaks (ROW_TOTAL, OUTCOME_TOTAL, BALANCE,"
                    + " REVIEW_TOTAL, NON_NEGATIVE). In a partial import only where every cell"
                    + " they add up was read: Table 三 as a whole, each block of Table 四."
                    + " Published reports contain errors: they do not block an import")
        List<RuleViolation> violations,
    @Schema(
            description =
                "Findings that do not block: with `agency`, those of a report view (CARRY_OVER,"
                    + " IN_FORCE against the agency's stored report of the year before;"
                    + " NARRATIVE_MISMATCH, TEXT_REUSE, YEAR_JUMP); without, NARRATIVE_MISMATCH")
        List<RuleViolation> warnings,
    @Schema(description = "The shares TEXT_REUSE measured; only with `agency`") TextReuse textReuse,
    @Schema(
            description =
                "Source line (1-based) of every value read, by JSON Pointer; for a PDF, the line on"
                    + " the page that `provenancePages` names",
            example = "{\"/activeDisclosure/licensing\": 43}")
        Map<String, Integer> provenance,
    @Schema(
            description =
                "For a PDF: the page (1-based) of every value read, by JSON Pointer; absent for"
                    + " text and HTML",
            example = "{\"/activeDisclosure/licensing\": 2}")
        Map<String, Integer> provenancePages,
    @Schema(
            description =
                "Where and how every value was read, by JSON Pointer: `line` (for a PDF, the line"
                    + " of the whole text; `provenancePages` names its page), `column` (the cell of"
                    + " the row: a tab field, a <td> of the HTML row, a pipe cell), `how` (exact"
                    + " label, similar label with its score, placed by order, blank read as 0,"
                    + " decided by the rules, a detached value placed by its note or by the"
                    + " counts the report states) and `score` (1 for an exact label)")
        Map<String, ReadingSink.CellSource> cellSources,
    @Schema(description = "Lines recognised as part of the report but not read, with the reason")
        List<Unparsed> unparsed,
    @Schema(
            description = "JSON Pointers of the cells of Tables 二, 三, 四 that were not read",
            example = "[\"/requests/carriedOver/total\"]")
        List<String> missing,
    @Schema(description = "What the importer decided and why, in words") List<String> notes,
    @Schema(description = "The revision stored, with `store=true`") ReportView stored) {}
