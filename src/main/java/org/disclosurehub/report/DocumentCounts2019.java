package org.disclosurehub.report;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 第二十条第（一）项 in the 2019 trial format: documents made and published. */
@Schema(description = "第二十条第（一）项 (2019 trial format): documents made and published")
public record DocumentCounts2019(
    @Schema(description = "本年新制作数量", example = "5") @NotNull Integer newlyMade,
    @Schema(description = "本年新公开数量", example = "5") @NotNull Integer newlyPublished,
    @Schema(description = "对外公开总数量", example = "37") @NotNull Integer publishedTotal) {}
