package org.disclosurehub.system;

import java.time.Clock;
import org.disclosurehub.region.Division;
import org.disclosurehub.report.ReportYears;

/**
 * The checks of request parameters several resources share; each failure is a 400 problem naming
 * the parameter. Query parameters are read strictly: a boolean is {@code true} or {@code false} and
 * nothing else ({@code yes} is not read as false), a number is digits only and is refused by its
 * length before it is parsed.
 */
public final class Parameters {
  private Parameters() {}

  /** A report year: from 2008 to this year in Beijing ({@link ReportYears}). */
  public static int year(String name, int year, Clock clock) {
    if (!ReportYears.contains(year, clock)) {
      throw ProblemException.invalidParameter(
          name, "must be between " + ReportYears.FIRST + " and " + ReportYears.last(clock));
    }
    return year;
  }

  /** A GB/T 2260 division code given as a query parameter. */
  public static Division division(String name, String code) {
    if (!Division.isValid(code)) {
      throw ProblemException.invalidParameter(name, "is not a GB/T 2260 division code");
    }
    return new Division(code);
  }

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

  /**
   * A whole number 0…999,999,999 given as a query parameter, or null when it is absent (or empty).
   * Taken as text, so that {@code ?page=x} is a 400 naming the parameter rather than JAX-RS's 404
   * for an unconvertible query parameter.
   */
  public static Integer integer(String name, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (value.length() > 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw ProblemException.invalidParameter(name, "must be a whole number");
    }
    return Integer.valueOf(value);
  }
}
