package org.disclosurehub.feed;

import java.time.Instant;

/**
 * One revision, or a reviewer's decision on one, as the feeds show it: what happened to which
 * report, when, by whom. A decision has no content hash and its review entry's number ({@code
 * reviewSeq}); a revision has 0 there.
 */
record FeedEntry(
    String agency,
    int year,
    int revision,
    Instant at,
    String author,
    String reason,
    Kind kind,
    String contentSha256,
    int violationCount,
    int reviewSeq) {

  /** What a revision did to its report. */
  enum Kind {
    filed,
    refiled,
    corrected,
    withdrawn,
    imported,
    returned,
    accepted;

    boolean isDecision() {
      return this == returned || this == accepted;
    }

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
