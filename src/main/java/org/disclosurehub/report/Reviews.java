package org.disclosurehub.report;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Table 四 政府信息公开行政复议、行政诉讼情况. */
@Schema(description = "四、政府信息公开行政复议、行政诉讼情况")
public record Reviews(
    @Schema(description = "行政复议") @NotNull @Valid ReviewBlock administrativeReview,
    @Schema(description = "行政诉讼 未经复议直接起诉") @NotNull @Valid ReviewBlock litigationDirect,
    @Schema(description = "行政诉讼 复议后起诉") @NotNull @Valid ReviewBlock litigationAfterReview) {}
