package org.disclosurehub.document;

import java.util.Map;
import org.disclosurehub.report.Rule;

/**
 * The Chinese names people read for the rules and checks; the ids ({@code BALANCE}) stay data
 * (attributes, JSON, CSV).
 */
public final class RuleNames {
  private static final Map<Rule, String> NAMES =
      Map.of(
          Rule.ROW_TOTAL, "行总计",
          Rule.OUTCOME_TOTAL, "办理结果总计",
          Rule.BALANCE, "勾稽关系（一＋二＝三＋四）",
          Rule.REVIEW_TOTAL, "复议诉讼总计",
          Rule.NON_NEGATIVE, "不得为负数",
          Rule.CARRY_OVER, "上年结转与上年度结转下年度一致",
          Rule.IN_FORCE, "现行有效件数与上年度衔接",
          Rule.NARRATIVE_MISMATCH, "正文所述数字与表格不一致",
          Rule.TEXT_REUSE, "正文大量重复上年或其他机关的文字",
          Rule.YEAR_JUMP, "主要数据较上年变化超过5倍");

  private static final Map<Rule, String> EXPLANATIONS =
      Map.of(
          Rule.ROW_TOTAL, "总计应等于自然人和各类法人或其他组织六列之和",
          Rule.OUTCOME_TOTAL, "三(七)总计应等于三(一)至三(六)各行之和",
          Rule.BALANCE, "第一项加第二项之和，等于第三项加第四项之和",
          Rule.REVIEW_TOTAL, "总计应等于结果维持、结果纠正、其他结果、尚未审结之和",
          Rule.NON_NEGATIVE, "件数和金额不得为负数",
          Rule.CARRY_OVER, "本年“二、上年结转”应等于上一年度报告的“四、结转下年度继续办理”",
          Rule.IN_FORCE, "现行有效件数应等于上年现行有效件数加本年制发件数减本年废止件数",
          Rule.NARRATIVE_MISMATCH, "正文（一、五、六）所述数字应与表格中对应的数字一致",
          Rule.TEXT_REUSE, "正文大部分与本机关上年或同市其他机关的文字相同",
          Rule.YEAR_JUMP, "主要数据较上年增长超过5倍或降至五分之一以下，请核实");

  private RuleNames() {}

  /** What the rule asks, in a sentence without its final "。". */
  public static String explanation(Rule rule) {
    return EXPLANATIONS.getOrDefault(rule, rule.description());
  }

  public static String of(Rule rule) {
    return NAMES.getOrDefault(rule, rule.name());
  }

  /** The name of a rule given by its id; the id itself when no rule has it. */
  public static String of(String id) {
    for (Rule rule : Rule.values()) {
      if (rule.name().equals(id)) {
        return of(rule);
      }
    }
    return id;
  }
}
