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

  /** The last day to publish a year's report: 31 January of the next year (条例 第五十条). */
  public static LocalDate deadline(int year) {
    return LocalDate.of(year + 1, 1, 31);
  }

  /** The last year whose deadline has passed (in Beijing): the newest year every report is due. */
  public static int lastDue(Clock clock) {
    LocalDate today = LocalDate.now(clock);
    int year = today.getYear() - 1;
    return today.isAfter(deadline(year)) ? year : year - 1;
  }

  public static boolean contains(int year, Clock clock) {
    return year >= FIRST && year <= last(clock);
  }
}
