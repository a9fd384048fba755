package org.disclosurehub.document;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.disclosurehub.system.Clocks;

/**
 * Times as people read them: Beijing time, as the deadlines are (the service keeps and answers ISO
 * instants in UTC; JSON and CSV keep those).
 */
public final class BeijingTime {
  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(Clocks.BEIJING);

  private BeijingTime() {}

  /** "2026年12月6日 23:59（北京时间）"; "—" for none. */
  public static String text(Instant instant) {
    return instant == null ? "—" : MINUTES.format(instant) + "（北京时间）";
  }
}
