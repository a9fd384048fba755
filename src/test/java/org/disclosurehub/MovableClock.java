package org.disclosurehub;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A clock a test sets, in Beijing time, to run the calendar (installed with QuarkusMock). */
public final class MovableClock extends Clock {
  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  private volatile Instant now = Instant.now();

  /** Sets the clock to a Beijing local time such as {@code 2025-01-12T00:00}. */
  public void at(String beijing) {
    now = LocalDateTime.parse(beijing).atZone(BEIJING).toInstant();
  }

  @Override
  public ZoneId getZone() {
    return BEIJING;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(now, zone);
  }

  @Override
  public Instant instant() {
    return now;
  }
}
