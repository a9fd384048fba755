package org.disclosurehub.rollup;

import org.disclosurehub.system.ProblemException;

/** The order of a breakdown: a column of {@link BreakdownReads#SORTS}, ascending or descending. */
record BreakdownOrder(String key, boolean descending) {
  /** {@code sort} as given: a column, {@code -} first for descending; null is by code. */
  static BreakdownOrder of(String sort) {
    String key = sort == null ? "code" : sort.startsWith("-") ? sort.substring(1) : sort;
    if (!BreakdownReads.SORTS.containsKey(key)) {
      throw ProblemException.invalidParameter(
          "sort", "must be one of " + String.join(", ", BreakdownReads.SORTS.keySet()));
    }
    return new BreakdownOrder(key, sort != null && sort.startsWith("-"));
  }
}
