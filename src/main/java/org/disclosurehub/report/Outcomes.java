package org.disclosurehub.report;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 三、本年度办理结果. */
@Schema(description = "三、本年度办理结果")
public record Outcomes(
    @Schema(description = "(一) 予以公开") @NotNull @Valid ApplicantRow granted,
    @Schema(description = "(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)") @NotNull @Valid
        ApplicantRow partiallyGranted,
    @Schema(description = "(三) 不予公开") @NotNull @Valid Denied denied,
    @Schema(description = "(四) 无法提供") @NotNull @Valid UnableToProvide unableToProvide,
    @Schema(description = "(五) 不予处理") @NotNull @Valid NotProcessed notProcessed,
    @Schema(description = "(六) 其他处理") @NotNull @Valid OtherHandling otherHandling,
    @Schema(description = "(七) 总计; computed when omitted, checked when given") @Valid
        ApplicantRow total) {}
