package org.disclosurehub.agency;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An agency as the API shows it. */
@Schema(
    description = "A registered agency",
    requiredProperties = {"code", "name", "divisionCode", "createdAt", "updatedAt"})
record AgencyView(
    @Schema(example = "zhongwei-civil-affairs") String code,
    @Schema(description = "机关名称", example = "中卫市民政局") String name,
    @Schema(description = "GB/T 2260 行政区划代码", example = "640500") String divisionCode,
    @Schema(description = "统一社会信用代码", example = "11640500MB1F72538D", nullable = true)
        String creditCode,
    @Schema(description = "First year it reports", example = "2008", nullable = true)
        Integer activeFrom,
    @Schema(description = "Last year it reports; null while active", nullable = true)
        Integer activeTo,
    Instant createdAt,
    Instant updatedAt) {

  static AgencyView of(Agency agency) {
    return new AgencyView(
        agency.code,
        agency.name,
        agency.divisionCode,
        agency.creditCode,
        agency.activeFrom,
        agency.activeTo,
        agency.createdAt,
        agency.updatedAt);
  }

  AgencyDraft asDraft() {
    return new AgencyDraft(code, name, divisionCode, creditCode, activeFrom, activeTo);
  }
}
