package org.disclosurehub.system;

/**
 * Query parameters read strictly, with a 400 problem naming the parameter otherwise: a boolean is
 * {@code true} or {@code false} and nothing else ({@code yes} is not read as false), a number is
 * digits only and is refused by its length before it is parsed.
 */
public final class QueryParams {
  private QueryParams() {}

  /** {@code true} or {@code false}; absent is false. */
  public static boolean flag(String name, String value) {
    if (value == null || value.equals("false")) {
      return false;
    }
    if (value.equals("true")) {
      return true;
    }
    throw ProblemException.invalidParameter(name, "must be true or false");
  }

  /** A whole number 0…999,999,999, or null when absent. */
  public static Integer wholeNumber(String name, String value) {
    if (value == null) {
      return null;
    }
    if (value.isEmpty()
        || value.length() > 9
        || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw ProblemException.invalidParameter(name, "must be a whole number such as 2024");
    }
    return Integer.valueOf(value);
  }
}
