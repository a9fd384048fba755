package org.disclosurehub.review;

import org.disclosurehub.report.Rule;
import org.disclosurehub.report.RuleViolation;

/** What a finding says in a notice, in Chinese: the rule's name and what is wrong in the cell. */
final class RuleWords {
  private RuleWords() {}

  static String name(Rule rule) {
    return switch (rule) {
      case ROW_TOTAL -> "行合计不等于各列之和";
      case OUTCOME_TOTAL -> "处理结果总计不等于各项之和";
      case BALANCE -> "收到与办理数量不平衡";
      case REVIEW_TOTAL -> "复议诉讼总计不等于各项之和";
      case NON_NEGATIVE -> "数据出现负数";
      case CARRY_OVER -> "上年结转与上年度报告不衔接";
      case IN_FORCE -> "现行有效件数与上年度不衔接";
      case NARRATIVE_MISMATCH -> "正文表述与表格数据不一致";
      case TEXT_REUSE -> "正文与往年或同城报告高度雷同";
      case YEAR_JUMP -> "主要数据较上年异常波动";
    };
  }

  /** "单元格：应为 x，实为 y" where the finding has both, else the rule's name. */
  static String what(RuleViolation v) {
    String cell = ReviewView.cellLabel(v.path());
    if (v.expected() != null && v.actual() != null && v.rule() != Rule.TEXT_REUSE) {
      return cell + "：应为 " + v.expected() + "，实为 " + v.actual();
    }
    if (v.rule() == Rule.TEXT_REUSE && v.actual() != null) {
      return "正文重复比例 " + v.actual();
    }
    return cell.isEmpty() ? name(v.rule()) : cell;
  }

  static String state(String state, boolean changedSinceAccepted) {
    if (state == null) {
      return "未报送";
    }
    return switch (state) {
      case "filed" -> changedSinceAccepted ? "通过后又修改，待复核" : "待审核";
      case "returned" -> "已退回，待修改";
      case "accepted" -> "已通过";
      case "withdrawn" -> "已撤回";
      default -> state;
    };
  }
}
