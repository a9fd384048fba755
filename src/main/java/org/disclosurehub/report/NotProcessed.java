package org.disclosurehub.report;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 三(五) 不予处理, by reason. */
@Schema(description = "三(五) 不予处理")
public record NotProcessed(
    @Schema(description = "1. 信访举报投诉类申请") @NotNull @Valid ApplicantRow complaintOrPetition,
    @Schema(description = "2. 重复申请") @NotNull @Valid ApplicantRow repeated,
    @Schema(description = "3. 要求提供公开出版物") @NotNull @Valid ApplicantRow publication,
    @Schema(description = "4. 无正当理由大量反复申请") @NotNull @Valid ApplicantRow excessive,
    @Schema(description = "5. 要求行政机关确认或重新出具已获取信息") @NotNull @Valid ApplicantRow confirmation) {}
