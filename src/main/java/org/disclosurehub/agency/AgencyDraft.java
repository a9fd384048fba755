package org.disclosurehub.agency;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An agency as registered or changed by a client. */
@Schema(description = "An agency to register")
record AgencyDraft(
    @Schema(
            description = "Stable slug: lower-case letters, digits and hyphens",
            example = "zhongwei-civil-affairs")
        @NotNull
        @Pattern(
            regexp = "[a-z0-9][a-z0-9-]{1,62}",
            message = "must be 2 to 63 lower-case letters, digits or hyphens")
        String code,
    @Schema(description = "机关名称", example = "中卫市民政局") @NotBlank @Size(max = 200) String name,
    @Schema(description = "GB/T 2260 行政区划代码 of the agency's division", example = "640500")
        @NotNull
        @Pattern(regexp = "\\d{6}", message = "must be a 6-digit GB/T 2260 code")
        String divisionCode,
    @Schema(description = "统一社会信用代码 (GB 32100), optional", example = "11640500MB1F72538D")
        @CreditCode
        String creditCode,
    @Schema(
            description = "First year the agency is expected to report (inclusive)",
            example = "2008")
        @Min(2008)
        @Max(2100)
        Integer activeFrom,
    @Schema(
            description =
                "Last year the agency is expected to report (inclusive); empty while active")
        @Min(2008)
        @Max(2100)
        Integer activeTo) {}
