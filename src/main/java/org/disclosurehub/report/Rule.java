package org.disclosurehub.report;

/**
 * The accounting rules (勾稽关系) of the national format, and the plausibility checks that only warn
 * (prose against tables, reused text, jumps between years), by their stable ids.
 */
public enum Rule {
  ROW_TOTAL(true),
  OUTCOME_TOTAL(true),
  BALANCE(true),
  REVIEW_TOTAL(true),
  NON_NEGATIVE(true),
  CARRY_OVER(false),
  IN_FORCE(false),
  NARRATIVE_MISMATCH(false),
  TEXT_REUSE(false),
  YEAR_JUMP(false);

  private final boolean blocking;

  Rule(boolean blocking) {
    this.blocking = blocking;
  }

  /** A blocking rule refuses the report; the others only warn, as they compare two years. */
  public boolean blocking() {
    return blocking;
  }
}
