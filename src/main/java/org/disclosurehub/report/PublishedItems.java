package org.disclosurehub.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** From section 一: how many items the agency published proactively, as stated in its prose. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "一(一) 主动公开政府信息 条数, as stated in the prose")
public record PublishedItems(
    @Schema(description = "主动公开政府信息 总条数", example = "117") @Count Integer total,
    @Schema(description = "条数 by category as the report names them, e.g. {\"部门公告\": 11}")
        Map<String, @Count Integer> byCategory) {}
