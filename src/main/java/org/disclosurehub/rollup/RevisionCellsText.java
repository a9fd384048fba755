package org.disclosurehub.rollup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cells of reports' revisions as PostgreSQL writes them ({@code numeric[]} text), kept once
 * read for an as-of read's changed agencies ({@link SumReads#rowSums}). A revision's cells never
 * change once stored (a later correction is a new revision; a move or a flag flipped leaves the
 * cells as they were), so a kept text is what reading it again would give. Reading them again was
 * most of an as-of read's database time: PostgreSQL writes 44,400 numerics as text for 200 changed
 * reports on every read (bench/README, session 30). One budget for the service (8 MiB of text,
 * about 6,000 revisions of 222 cells); the least recently used go first.
 */
final class RevisionCellsText {
  private static final long BUDGET_CHARS = 8L * 1024 * 1024;

  /** A report's revision. */
  record Key(long report, int revision) {}

  private static final Map<Key, String> KEPT = new LinkedHashMap<>(256, 0.75f, true);
  private static long usedChars;

  private RevisionCellsText() {}

  /** The kept text of each key, null where none is kept. */
  static synchronized String[] kept(List<Key> keys) {
    String[] texts = new String[keys.size()];
    for (int i = 0; i < texts.length; i++) {
      texts[i] = KEPT.get(keys.get(i));
    }
    return texts;
  }

  static synchronized void keep(Key key, String text) {
    if (text == null || text.length() > BUDGET_CHARS) {
      return;
    }
    String previous = KEPT.put(key, text);
    usedChars += text.length() - (previous == null ? 0 : previous.length());
    var eldest = KEPT.entrySet().iterator();
    while (usedChars > BUDGET_CHARS && eldest.hasNext()) {
      usedChars -= eldest.next().getValue().length();
      eldest.remove();
    }
  }
}
