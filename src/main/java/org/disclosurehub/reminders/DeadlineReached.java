package org.disclosurehub.reminders;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A reminder day of a report year came (Beijing time): {@code approaching} some days before the
 * deadline, 31 January of the next year, or {@code passed} the day after it. Fired once per year
 * and kind for the whole service (whichever replica claims it), inside the transaction that records
 * it, so that observers writing events commit with it or not at all.
 */
public record DeadlineReached(
    int year, String kind, LocalDate deadline, LocalDate today, Instant at) {
  public static final String APPROACHING = "approaching";
  public static final String PASSED = "passed";
}
