package org.disclosurehub.hooks;

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
  static String kind(boolean withdrawn, boolean imported, int revision, boolean afterWithdrawal) {
    if (withdrawn) {
      return "withdrawn";
    }
    if (imported) {
      return "imported";
    }
    if (revision == 1) {
      return "filed";
    }
    return afterWithdrawal ? "refiled" : "corrected";
  }
}
