package org.disclosurehub.document;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.disclosurehub.report.ReportLayout;
import org.disclosurehub.report.Rule;
import org.disclosurehub.report.RuleViolation;

/** Findings and times in the words of the printed documents. */
final class Findings {
  private static final Map<String, String> CELL_LABELS =
      ReportLayout.CELLS.stream()
          .collect(Collectors.toMap(ReportLayout.Cell::pointer, ReportLayout.Cell::label));

  private Findings() {}

  /** The label of the cell a finding names ({@code 四、结转下年度继续办理 · 自然人}), else its pointer. */
  static String cellLabel(String pointer) {
    return CELL_LABELS.getOrDefault(pointer, pointer);
  }

  static String ruleName(Rule rule) {
    return RuleNames.of(rule);
  }

  /**
   * One finding as a sentence. It ends in "。", never in a number: the importer reads a line that
   * ends in numbers after the heading of Table 四 as part of that table.
   */
  static String sentence(RuleViolation v) {
    return ruleName(v.rule())
        + "："
        + cellLabel(v.path())
        + " 应为 "
        + v.expected()
        + "，实为 "
        + v.actual()
        + "。";
  }

  /** Beijing time, as the deadlines are. */
  static String time(Instant instant) {
    return BeijingTime.text(instant);
  }
}
