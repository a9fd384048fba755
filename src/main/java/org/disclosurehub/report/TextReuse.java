package org.disclosurehub.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How much of a report's narrative is found again elsewhere (TEXT_REUSE), whatever the threshold.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
    description =
        "TEXT_REUSE: the share (0 to 1) of the narrative found again in the agency's previous-year"
            + " narrative, and in the most similar other report of the same year and city (8-character"
            + " sequences, numbers and the format's fixed phrases left out)")
public record TextReuse(
    @Schema(
            description =
                "Share found in the agency's previous-year narrative; absent without one, or"
                    + " without a narrative",
            type = SchemaType.NUMBER,
            example = "0.87")
        BigDecimal previousYear,
    @Schema(
            description =
                "Highest share found in another agency's report of the same year and city; absent"
                    + " without a narrative",
            type = SchemaType.NUMBER,
            example = "0.12")
        BigDecimal sameCity,
    @Schema(
            description = "The agency of that report, when it shares any text",
            example = "zhongwei-civil-affairs")
        String sameCityAgency) {}
