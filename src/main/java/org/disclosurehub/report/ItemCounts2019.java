package org.disclosurehub.report;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 第二十条第（五）、（六）项 in the 2019 trial format: items of a kind and the decisions made. */
@Schema(description = "第二十条第（五）、（六）项 (2019 trial format): items and decisions")
public record ItemCounts2019(
    @Schema(description = "上一年项目数量", example = "12") @NotNull Integer previousYearItems,
    @Schema(description = "本年增/减; negative when items were dropped", example = "-1") @NotNull
        Integer change,
    @Schema(description = "处理决定数量", example = "1342") @NotNull Integer decisions) {}
