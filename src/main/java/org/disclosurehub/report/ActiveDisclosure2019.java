package org.disclosurehub.report;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Table 二 as the 2019 trial format prints it: per item of 第二十条, other columns than the 2021 format
 * (what was made, published, and how many items of a kind were handled), and the item （九） 政府集中采购,
 * which the 2021 format does not have.
 */
@Schema(description = "二、主动公开政府信息情况 in the 2019 trial format (formatVersion \"2019\")")
public record ActiveDisclosure2019(
    @Schema(description = "规章 (第二十条第（一）项)") @NotNull @Valid DocumentCounts2019 regulations,
    @Schema(description = "规范性文件 (第二十条第（一）项)") @NotNull @Valid
        DocumentCounts2019 normativeDocuments,
    @Schema(description = "行政许可 (第二十条第（五）项)") @NotNull @Valid ItemCounts2019 licensing,
    @Schema(description = "其他对外管理服务事项 (第二十条第（五）项)") @NotNull @Valid
        ItemCounts2019 otherManagementServices,
    @Schema(description = "行政处罚 (第二十条第（六）项)") @NotNull @Valid ItemCounts2019 penalties,
    @Schema(description = "行政强制 (第二十条第（六）项)") @NotNull @Valid ItemCounts2019 compulsoryMeasures,
    @Schema(description = "行政事业性收费 (第二十条第（八）项)") @NotNull @Valid FeeItems2019 fees,
    @Schema(description = "政府集中采购 (第二十条第（九）项)") @NotNull @Valid Procurement2019 procurement) {}
