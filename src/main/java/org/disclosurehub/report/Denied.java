package org.disclosurehub.report;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 三(三) 不予公开, by reason. */
@Schema(description = "三(三) 不予公开")
public record Denied(
    @Schema(description = "1. 属于国家秘密") @NotNull @Valid ApplicantRow stateSecret,
    @Schema(description = "2. 其他法律行政法规禁止公开") @NotNull @Valid ApplicantRow prohibitedByLaw,
    @Schema(description = "3. 危及“三安全一稳定”") @NotNull @Valid
        ApplicantRow endangersSecurityOrStability,
    @Schema(description = "4. 保护第三方合法权益") @NotNull @Valid ApplicantRow thirdPartyRights,
    @Schema(description = "5. 属于三类内部事务信息") @NotNull @Valid ApplicantRow internalAffairs,
    @Schema(description = "6. 属于四类过程性信息") @NotNull @Valid ApplicantRow processInformation,
    @Schema(description = "7. 属于行政执法案卷") @NotNull @Valid ApplicantRow lawEnforcementFiles,
    @Schema(description = "8. 属于行政查询事项") @NotNull @Valid ApplicantRow administrativeQuery) {}
