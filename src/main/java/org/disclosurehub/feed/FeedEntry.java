package org.disclosurehub.feed;

import java.time.Instant;

/** One revision row as the feeds show it: what happened to which report, when, by whom. */
record FeedEntry(
    String agency,
    int year,
    int revision,
    Instant at,
    String author,
    String reason,
    Kind kind,
    String contentSha256,
    int violationCount) {

  /** What a revision did to its report. */
  enum Kind {
    filed,
    refiled,
    corrected,
    withdrawn,
    imported;

    static Kind of(int revision, boolean withdrawn, boolean imported, boolean afterWithdrawal) {
      if (withdrawn) {
        return Kind.withdrawn;
      }
      if (imported) {
        return Kind.imported;
      }
      if (revision == 1) {
        return filed;
      }
      return afterWithdrawal ? refiled : corrected;
    }
  }
}
