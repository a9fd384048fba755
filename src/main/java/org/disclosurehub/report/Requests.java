package org.disclosurehub.report;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Table 三 收到和处理政府信息公开申请情况. */
@Schema(description = "三、收到和处理政府信息公开申请情况")
public record Requests(
    @Schema(description = "一、本年新收政府信息公开申请数量") @NotNull @Valid ApplicantRow newlyReceived,
    @Schema(description = "二、上年结转政府信息公开申请数量") @NotNull @Valid ApplicantRow carriedOver,
    @Schema(description = "三、本年度办理结果") @NotNull @Valid Outcomes outcomes,
    @Schema(description = "四、结转下年度继续办理") @NotNull @Valid ApplicantRow carriedForward) {}
