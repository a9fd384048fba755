package org.disclosurehub.report;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 三(四) 无法提供, by reason. */
@Schema(description = "三(四) 无法提供")
public record UnableToProvide(
    @Schema(description = "1. 本机关不掌握相关政府信息") @NotNull @Valid ApplicantRow notHeld,
    @Schema(description = "2. 没有现成信息需要另行制作") @NotNull @Valid ApplicantRow requiresCreation,
    @Schema(description = "3. 补正后申请内容仍不明确") @NotNull @Valid ApplicantRow unclearAfterCorrection) {}
