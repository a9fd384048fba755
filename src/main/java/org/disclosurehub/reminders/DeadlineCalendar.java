package org.disclosurehub.reminders;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;

/**
 * The reminder days: annual reports of year Y are due on 31 January of Y + 1 (Beijing time); a
 * reminder goes out {@code daysBefore} days before it, and another on 1 February, for the agencies
 * still missing.
 */
final class DeadlineCalendar {
  static final MonthDay DEADLINE = MonthDay.of(1, 31);

  private DeadlineCalendar() {}

  record Due(int year, String kind, LocalDate deadline) {}

  /** The reminder due on {@code today}, if today is a reminder day. */
  static Optional<Due> due(LocalDate today, int daysBefore) {
    LocalDate deadline = DEADLINE.atYear(today.getYear());
    if (today.equals(deadline.minusDays(daysBefore))) {
      return Optional.of(new Due(today.getYear() - 1, DeadlineReached.APPROACHING, deadline));
    }
    if (today.equals(deadline.plusDays(1))) {
      return Optional.of(new Due(today.getYear() - 1, DeadlineReached.PASSED, deadline));
    }
    return Optional.empty();
  }

  /** The deadline of a report year. */
  static LocalDate deadlineOf(int year) {
    return DEADLINE.atYear(year + 1);
  }
}
