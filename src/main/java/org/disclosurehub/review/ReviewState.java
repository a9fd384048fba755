package org.disclosurehub.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a report's review entries add up to: its state, its acceptance, its warnings' notes. */
record ReviewState(List<ReviewEntry> entries) {

  /** The entity tag of the review: its last entry's number, 0 before any. */
  int seq() {
    return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).seq;
  }

  /** The last filing, withdrawal, return or acceptance; null if the report was never filed. */
  ReviewEntry last() {
    for (int i = entries.size() - 1; i >= 0; i--) {
      if (entries.get(i).isState()) {
        return entries.get(i);
      }
    }
    return null;
  }

  String state() {
    ReviewEntry last = last();
    return last == null ? null : last.kind;
  }

  /** The last acceptance, unless the report was returned or withdrawn since. */
  ReviewEntry acceptance() {
    for (int i = entries.size() - 1; i >= 0; i--) {
      ReviewEntry entry = entries.get(i);
      if (entry.kind.equals(ReviewEntry.ACCEPTED)) {
        return entry;
      }
      if (entry.kind.equals(ReviewEntry.RETURNED) || entry.kind.equals(ReviewEntry.WITHDRAWN)) {
        return null;
      }
    }
    return null;
  }

  /** Filed again after an acceptance: the corrected cells wait for a reviewer. */
  boolean changedSinceAccepted() {
    return ReviewEntry.FILED.equals(state()) && acceptance() != null;
  }

  /** The last return, while it is what the agency was last asked (not after an acceptance). */
  ReviewEntry lastReturn() {
    for (int i = entries.size() - 1; i >= 0; i--) {
      ReviewEntry entry = entries.get(i);
      if (entry.kind.equals(ReviewEntry.RETURNED)) {
        return entry;
      }
      if (entry.kind.equals(ReviewEntry.ACCEPTED) || entry.kind.equals(ReviewEntry.WITHDRAWN)) {
        return null;
      }
    }
    return null;
  }

  /** The last note on each warning, by {@link #key}. */
  Map<String, ReviewEntry> notes() {
    Map<String, ReviewEntry> notes = new LinkedHashMap<>();
    for (ReviewEntry entry : entries) {
      if (entry.rule != null) {
        notes.put(key(entry.rule, entry.path), entry);
      }
    }
    return notes;
  }

  /** The last explanation given for a warning, whatever happened to it since. */
  ReviewEntry explanation(String rule, String path) {
    for (int i = entries.size() - 1; i >= 0; i--) {
      ReviewEntry entry = entries.get(i);
      if (entry.kind.equals(ReviewEntry.EXPLAINED)
          && key(rule, path).equals(key(entry.rule, entry.path))) {
        return entry;
      }
    }
    return null;
  }

  /** A warning counts as explained while its last note is an explanation or its confirmation. */
  static boolean explains(ReviewEntry note) {
    return note != null
        && (note.kind.equals(ReviewEntry.EXPLAINED) || note.kind.equals(ReviewEntry.CONFIRMED));
  }

  static String key(String rule, String path) {
    return rule + "\u0000" + (path == null ? "" : path);
  }
}
