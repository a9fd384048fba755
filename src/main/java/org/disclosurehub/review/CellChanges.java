package org.disclosurehub.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.disclosurehub.report.JsonPointer;

/** The cells (JSON Pointers of leaves) in which two revisions of a report differ. */
final class CellChanges {
  private CellChanges() {}

  static List<String> between(JsonNode before, JsonNode after) {
    List<String> changed = new ArrayList<>();
    walk("", before, after, changed);
    return changed;
  }

  /** Whether a change touches a warning's place: the cell itself, or a part of it or around it. */
  static boolean touches(List<String> changed, String path) {
    if (path == null || path.isEmpty()) {
      return !changed.isEmpty();
    }
    return changed.stream()
        .anyMatch(c -> c.equals(path) || c.startsWith(path + "/") || path.startsWith(c + "/"));
  }

  private static void walk(String at, JsonNode a, JsonNode b, List<String> changed) {
    boolean aContainer = a != null && a.isContainerNode();
    boolean bContainer = b != null && b.isContainerNode();
    if (aContainer && bContainer && a.isObject() == b.isObject()) {
      Set<String> keys = new LinkedHashSet<>();
      if (a.isObject()) {
        a.fieldNames().forEachRemaining(keys::add);
        b.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
          walk(at + "/" + JsonPointer.escape(key), a.get(key), b.get(key), changed);
        }
      } else {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
          walk(at + "/" + i, a.get(i), b.get(i), changed);
        }
      }
      return;
    }
    if (!same(a, b)) {
      changed.add(at.isEmpty() ? "/" : at);
    }
  }

  private static boolean same(JsonNode a, JsonNode b) {
    boolean aMissing = a == null || a.isNull();
    boolean bMissing = b == null || b.isNull();
    if (aMissing || bMissing) {
      return aMissing == bMissing;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }
}
