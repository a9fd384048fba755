package org.disclosurehub.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One cell that breaks one accounting rule. */
@Schema(
    requiredProperties = {"rule", "path", "expected", "actual", "message"},
    description = "A cell that breaks an accounting rule (勾稽关系)")
public record RuleViolation(
    @Schema(description = "Rule id", example = "BALANCE") Rule rule,
    @Schema(
            description = "JSON Pointer of the cell in the report",
            example = "/requests/carriedForward/naturalPerson")
        String path,
    @Schema(description = "The value the rule asks for (decimal text, or \">= 0\")", example = "2")
        String expected,
    @Schema(description = "The value the report gives", example = "3") String actual,
    @Schema(
            description = "What the rule says, in words",
            example = "四、结转下年度继续办理 · 自然人 must equal 一 + 二 − 三(七) (第一项加第二项之和，等于第三项加第四项之和)")
        String message,
    @Schema(
            description =
                "NARRATIVE_MISMATCH only: the sentence of the narrative that states the value",
            example = "2024年，我局共收到政府信息公开申请75件。")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String quote) {

  public RuleViolation(Rule rule, String path, String expected, String actual, String message) {
    this(rule, path, expected, actual, message, null);
  }
}
