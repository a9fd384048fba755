package org.disclosurehub.report;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 第二十条第（八）项 in the 2019 trial format: fee items, not amounts. */
@Schema(description = "第二十条第（八）项 行政事业性收费 (2019 trial format): fee items")
public record FeeItems2019(
    @Schema(description = "上一年项目数量", example = "4") @NotNull Integer previousYearItems,
    @Schema(description = "本年增/减; negative when fees were abolished", example = "-1") @NotNull
        Integer change) {}
