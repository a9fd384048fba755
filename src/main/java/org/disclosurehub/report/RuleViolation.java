package org.disclosurehub.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One cell that breaks one accounting rule. */
@Schema(description = "A cell that breaks an accounting rule (勾稽关系)")
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
        String message) {}
