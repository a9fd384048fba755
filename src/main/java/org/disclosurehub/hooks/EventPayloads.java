package org.disclosurehub.hooks;

import org.disclosurehub.sql.Rows;

/** What the events' payloads name, the same way each time. */
final class EventPayloads {
  private EventPayloads() {}

  static String reportPath(String agency, int year) {
    return "/api/v1/agencies/" + agency + "/reports/" + year;
  }

  /** The key that orders a report's events: a subscriber gets them in this key's order. */
  static String reportKey(String agency, int year) {
    return agency + "/" + year;
  }

  /** What a revision did (as the feeds say it): filed, refiled, corrected, withdrawn, imported. */
  static String kind(Rows.Row revision) {
    if ((Boolean) revision.get("withdrawn")) {
      return "withdrawn";
    }
    if ((Boolean) revision.get("imported")) {
      return "imported";
    }
    if (((Number) revision.get("revision")).intValue() == 1) {
      return "filed";
    }
    return (Boolean) revision.get("after_withdrawal") ? "refiled" : "corrected";
  }
}
