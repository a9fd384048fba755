package org.disclosurehub.report;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * 第二十条第（九）项 政府集中采购 in the 2019 trial format. The form leaves the unit of the amount open; agencies
 * print 元 or 万元, and the report keeps the one printed.
 */
@Schema(description = "第二十条第（九）项 政府集中采购 (2019 trial format)")
public record Procurement2019(
    @Schema(description = "采购项目数量", example = "6") @NotNull Integer projects,
    @Schema(
            description =
                "采购总金额 in the unit printed; decimal string, at most 6 decimals in 万元 and 2 in 元"
                    + " (one fen)",
            type = SchemaType.STRING,
            example = "356.4821")
        @NotNull
        @JsonSerialize(using = Amounts.Serializer.class)
        @JsonDeserialize(using = Amounts.Deserializer.class)
        BigDecimal totalAmount,
    @Schema(
            description = "The unit of totalAmount as printed",
            enumeration = {"万元", "元"},
            example = "万元")
        @NotNull
        @Pattern(regexp = "万元|元", message = "must be \"万元\" or \"元\"")
        String unit) {

  public static final String YUAN = "元";

  /** The amount in 万元, exactly: one 元 is 0.0001 万元. */
  public BigDecimal totalAmountInTenThousandYuan() {
    return YUAN.equals(unit) ? totalAmount.movePointLeft(4) : totalAmount;
  }
}
