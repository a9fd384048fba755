package org.disclosurehub.report;

import java.time.Clock;
import java.time.LocalDate;

/** The years a report can be for: from 2008, when the 条例 took effect, to this year in Beijing. */
public final class ReportYears {
  public static final int FIRST = 2008;

  private ReportYears() {}

  /** This year on the service's clock (Beijing time): the last year a report can be for. */
  public static int last(Clock clock) {
    return LocalDate.now(clock).getYear();
  }

  public static boolean contains(int year, Clock clock) {
    return year >= FIRST && year <= last(clock);
  }
}
