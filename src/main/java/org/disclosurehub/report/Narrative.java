package org.disclosurehub.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The prose sections of the report. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Prose sections")
public record Narrative(
    @Schema(description = "一、总体情况") String overview,
    @Schema(description = "五、存在的主要问题及改进情况") String problems,
    @Schema(description = "六、其他需要报告的事项") String other,
    @Schema(
            description = "六(二) 信息处理费, 万元; decimal string, at most 6 decimals (to the fen)",
            type = SchemaType.STRING,
            example = "0")
        @JsonSerialize(using = Amounts.Serializer.class)
        @JsonDeserialize(using = Amounts.Deserializer.class)
        BigDecimal processingFeesAmount) {}
