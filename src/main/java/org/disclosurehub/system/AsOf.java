package org.disclosurehub.system;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * {@code ?asOf=YYYY-MM-DD}: what the service held at the end of that day, Beijing time (every
 * revision and registry change stored before the next midnight there). A day before today is over,
 * so its answer never changes: it is served as immutable. Today is answered as held so far (it may
 * still change, so it is cached like a live read); a day after today is refused, since nothing can
 * be known of it.
 */
public record AsOf(LocalDate day, Instant end, boolean past) {
  /** A year: the answer of a day that is over never changes. */
  public static final String IMMUTABLE = "public, max-age=31536000, immutable";

  /** The parameter's name on every read that takes it. */
  public static final String PARAMETER = "asOf";

  /** The description of the parameter on every read that takes it. */
  public static final String DESCRIPTION =
      "A day (YYYY-MM-DD): answer with what the service held at the end of that day, Beijing"
          + " time: the revisions current then, the agencies registered then, where they were"
          + " then, the warnings held then; a document judges its missing agencies late or not"
          + " yet due on that day. A day before today is answered as immutable (Cache-Control:"
          + " immutable, a year); today as held so far; a later day, or a malformed one, is a 400"
          + " problem. Not known, so not answered as of before migration V16: an agency's moves"
          + " and renames (it is placed, from its registration, as it was when V16 ran); before"
          + " V17, a superseded revision's plausibility warnings (none are shown).";

  /**
   * The day asked for, or null when the parameter is absent; 400 when malformed or in the future.
   */
  public static AsOf of(String parameter, Clock clock) {
    if (parameter == null) {
      return null;
    }
    LocalDate day;
    try {
      day = LocalDate.parse(parameter);
    } catch (DateTimeParseException e) {
      throw ProblemException.invalidParameter(PARAMETER, "must be a date YYYY-MM-DD");
    }
    LocalDate today = LocalDate.now(clock.withZone(Clocks.BEIJING));
    if (day.isAfter(today)) {
      throw ProblemException.invalidParameter(
          PARAMETER, "must not be after today (" + today + ", Beijing time)");
    }
    return new AsOf(
        day, day.plusDays(1).atStartOfDay(Clocks.BEIJING).toInstant(), day.isBefore(today));
  }

  /** Immutable for a day that is over; otherwise as a live read is cached. */
  public String cacheControl(String live) {
    return past ? IMMUTABLE : live;
  }
}
