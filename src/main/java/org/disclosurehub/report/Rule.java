package org.disclosurehub.report;

/**
 * The accounting rules (勾稽关系) of the national format, and the plausibility checks that only warn
 * (prose against tables, reused text, jumps between years), by their stable ids.
 */
public enum Rule {
  ROW_TOTAL(true, "In every row of Table 三, 总计 equals the sum of the six applicant columns"),
  OUTCOME_TOTAL(true, "三(七) 总计 equals the sum of rows 三(一) to 三(六), column by column"),
  BALANCE(
      true,
      "一 + 二 = 三(七) + 四 column by column (第一项加第二项之和，等于第三项加第四项之和); reported at" + " 四、结转下年度继续办理"),
  REVIEW_TOTAL(true, "In each block of Table 四, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结"),
  NON_NEGATIVE(true, "No count and no amount is below zero"),
  CARRY_OVER(false, "二、上年结转 of year N equals 四、结转下年度继续办理 of year N−1, column by column"),
  IN_FORCE(false, "现行有效件数 of year N = that of year N−1 + 本年制发件数 − 本年废止件数"),
  NARRATIVE_MISMATCH(false, "A count the prose (一、五、六) states equals the table's cell"),
  TEXT_REUSE(
      false,
      "The narrative is not mostly the agency's previous-year text, nor another agency's of the"
          + " same city"),
  YEAR_JUMP(false, "A main figure neither grew over 5× nor fell below 1/5 of the year before");

  private final boolean blocking;
  private final String description;

  Rule(boolean blocking, String description) {
    this.blocking = blocking;
    this.description = description;
  }

  /** A blocking rule refuses the report; the others only warn, as they compare two years. */
  public boolean blocking() {
    return blocking;
  }

  public String description() {
    return description;
  }
}
