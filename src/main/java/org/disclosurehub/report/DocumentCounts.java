package org.disclosurehub.report;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 第二十条第（一）项: regulations or normative documents issued, repealed and in force. */
@Schema(description = "第二十条第（一）项: documents issued, repealed and in force")
public record DocumentCounts(
    @Schema(description = "本年制发件数", example = "2") @NotNull @Count Integer issued,
    @Schema(description = "本年废止件数", example = "1") @NotNull @Count Integer repealed,
    @Schema(description = "现行有效件数", example = "14") @NotNull @Count Integer inForce) {}
