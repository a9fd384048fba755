package org.disclosurehub.agency;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The document's type of a JSON Merge Patch (RFC 7396) of an agency: nothing is required, a field
 * given replaces the stored one, null clears an optional one. AgencyResource reads the patch as a
 * tree and checks the merged agency as an {@link AgencyDraft}; this type only describes it.
 */
@Schema(
    name = "AgencyPatch",
    description =
        "A JSON Merge Patch (RFC 7396) of an agency: only the fields to change; null clears"
            + " creditCode, activeFrom or activeTo. The code cannot change.")
record AgencyPatch(
    @Schema(description = "机关名称", example = "中卫市民政局（更名）") String name,
    @Schema(description = "GB/T 2260 行政区划代码 of the agency's division", example = "640500")
        String divisionCode,
    @Schema(description = "统一社会信用代码 (GB 32100), or null to clear", nullable = true)
        String creditCode,
    @Schema(description = "First year expected to report, or null to clear", nullable = true)
        Integer activeFrom,
    @Schema(
            description = "Last year expected to report, or null while active",
            nullable = true,
            example = "2025")
        Integer activeTo) {}
