package org.disclosurehub.importer;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A line the importer recognised as part of the report but could not read unambiguously. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A line recognised as part of the report but not read, and why")
record Unparsed(
    @Schema(description = "Line number in the text as sent (1-based)", example = "57") int line,
    @Schema(
            description = "The line as sent, shortened to 300 characters",
            example = "一、本年新收政府信息公开申请数量\t\t86\t12\t—\t0\t3\t2\t104")
        String text,
    @Schema(
            description = "Why it was not read",
            example = "'—' under 科研机构 is not a whole number; the row is not read")
        String reason,
    @Schema(
            description = "JSON Pointer of the row or value it would have filled, when known",
            example = "/requests/newlyReceived")
        String pointer) {}
