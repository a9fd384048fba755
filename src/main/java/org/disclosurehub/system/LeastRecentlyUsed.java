package org.disclosurehub.system;

import java.util.LinkedHashMap;
import java.util.Map;

/** A map that forgets its least recently used entry beyond a count; not thread-safe. */
public final class LeastRecentlyUsed {
  private LeastRecentlyUsed() {}

  /** A map of at most {@code capacity} entries, in access order, the eldest dropped on a put. */
  public static <K, V> Map<K, V> map(int capacity) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }
}
