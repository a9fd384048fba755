package org.disclosurehub.system;

import java.time.Clock;
import org.disclosurehub.region.Division;
import org.disclosurehub.report.ReportYears;

/** The checks of request parameters several resources share; each failure is a 400 problem. */
public final class Parameters {
  private Parameters() {}

  /**
   * A whole number given as a query parameter, or null when it is absent. Taken as text, so that
   * {@code ?page=x} is a 400 naming the parameter rather than JAX-RS's 404 for an unconvertible
   * query parameter.
   */
  public static Integer integer(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw ProblemException.invalidParameter(name, "must be a whole number");
    }
  }

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
}
