package org.disclosurehub.report;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Table 二 主动公开政府信息情况. */
@Schema(description = "二、主动公开政府信息情况")
public record ActiveDisclosure(
    @Schema(description = "规章 (第二十条第（一）项)") @NotNull @Valid DocumentCounts regulations,
    @Schema(description = "行政规范性文件 (第二十条第（一）项)") @NotNull @Valid DocumentCounts normativeDocuments,
    @Schema(description = "行政许可 本年处理决定数量 (第二十条第（五）项)", example = "11") @NotNull Integer licensing,
    @Schema(description = "行政处罚 本年处理决定数量 (第二十条第（六）项)", example = "2") @NotNull Integer penalties,
    @Schema(description = "行政强制 本年处理决定数量 (第二十条第（六）项)", example = "0") @NotNull
        Integer compulsoryMeasures,
    @Schema(
            description =
                "行政事业性收费 本年收费金额, 万元 (第二十条第（八）项); decimal string, at most 6 decimals (to the fen)",
            type = SchemaType.STRING,
            example = "12.5")
        @NotNull
        @JsonSerialize(using = Amounts.Serializer.class)
        @JsonDeserialize(using = Amounts.Deserializer.class)
        BigDecimal feesAmount) {}
