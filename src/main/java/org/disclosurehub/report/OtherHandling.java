package org.disclosurehub.report;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * 三(六) 其他处理, by reason; the 2019 trial format has only the one row {@code other}, and rows 1 and 2
 * are then omitted (stored as zeros). {@link TablesOfItsFormat} requires them in the 2021 format.
 */
@Schema(description = "三(六) 其他处理")
public record OtherHandling(
    @Schema(
            description =
                "1. 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 (required in the 2021 format; omitted in"
                    + " the 2019 format, where it is 0)")
        @Valid
        ApplicantRow overdueCorrection,
    @Schema(
            description =
                "2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 (required in the 2021 format;"
                    + " omitted in the 2019 format, where it is 0)")
        @Valid
        ApplicantRow overdueFee,
    @Schema(description = "3. 其他 (the single 其他处理 row of the 2019 format)") @NotNull @Valid
        ApplicantRow other) {}
