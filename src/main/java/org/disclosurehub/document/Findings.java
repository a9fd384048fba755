package org.disclosurehub.document;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;
import org.disclosurehub.report.ReportLayout;
import org.disclosurehub.report.Rule;
import org.disclosurehub.report.RuleViolation;

/** Findings and times in the words of the printed documents. */
final class Findings {
  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(BEIJING);

  private static final Map<String, String> CELL_LABELS =
      ReportLayout.CELLS.stream()
          .collect(Collectors.toMap(ReportLayout.Cell::pointer, ReportLayout.Cell::label));

  private static final Map<Rule, String> RULES =
      Map.of(
          Rule.ROW_TOTAL, "行总计",
          Rule.OUTCOME_TOTAL, "办理结果总计",
          Rule.BALANCE, "勾稽关系（一＋二＝三＋四）",
          Rule.REVIEW_TOTAL, "复议诉讼总计",
          Rule.NON_NEGATIVE, "不得为负数",
          Rule.CARRY_OVER, "上年结转与上年度结转下年度一致",
          Rule.IN_FORCE, "现行有效件数与上年度衔接");

  private Findings() {}

  /** The label of the cell a finding names ({@code 四、结转下年度继续办理 · 自然人}), else its pointer. */
  static String cellLabel(String pointer) {
    return CELL_LABELS.getOrDefault(pointer, pointer);
  }

  static String ruleName(Rule rule) {
    return RULES.getOrDefault(rule, rule.name());
  }

  /**
   * One finding as a sentence. It ends in "。", never in a number: the importer reads a line that
   * ends in numbers after the heading of Table 四 as part of that table.
   */
  static String sentence(RuleViolation v) {
    return v.rule().name()
        + "（"
        + ruleName(v.rule())
        + "）："
        + cellLabel(v.path())
        + " 应为 "
        + v.expected()
        + "，实为 "
        + v.actual()
        + "。";
  }

  /** Beijing time, as the deadlines are. */
  static String time(Instant instant) {
    return TIME.format(instant) + "（北京时间）";
  }
}
