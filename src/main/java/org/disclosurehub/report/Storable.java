package org.disclosurehub.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a report must be before it is stored, whatever it came from (JSON, an import, a dry run):
 * every cell and every total the service computes within {@link CellLimits#MAX_COUNT}, {@code
 * publishedOn} plausible for its year ({@link PublicationDate}), and every text storable exactly.
 * Each finding names its field by JSON Pointer.
 */
public final class Storable {
  private Storable() {}

  public record Finding(String pointer, String message) {}

  public static List<Finding> findings(Report report, int year, LocalDate today) {
    List<Finding> found = new ArrayList<>();
    // Given cells are bounded where they come in (Bean Validation, Count; the importer reads no
    // larger count), so the totals the service computes are the ones left to check.
    TotalsOverLimit.of(report)
        .forEach(over -> found.add(new Finding(over.pointer(), over.message())));
    PublicationDate.misfit(report.publishedOn(), year, today)
        .ifPresent(message -> found.add(new Finding("/publishedOn", message)));
    Narrative narrative = report.narrative();
    if (narrative != null) {
      text(found, "/narrative/overview", narrative.overview());
      text(found, "/narrative/problems", narrative.problems());
      text(found, "/narrative/other", narrative.other());
    }
    PublishedItems items = report.publishedItems();
    if (items != null && items.byCategory() != null) {
      for (Map.Entry<String, Integer> category : items.byCategory().entrySet()) {
        text(found, "/publishedItems/byCategory", category.getKey());
        if (category.getValue() != null
            && Math.abs((long) category.getValue()) > CellLimits.MAX_COUNT) {
          found.add(
              new Finding(
                  "/publishedItems/byCategory/" + JsonPointer.escape(category.getKey()),
                  "must be at most " + CellLimits.MAX_COUNT));
        }
      }
    }
    return found;
  }

  /** Whether PostgreSQL stores the text exactly: no U+0000, no unpaired surrogate. */
  public static boolean text(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0 || Character.isLowSurrogate(c)) {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      }
    }
    return true;
  }

  private static void text(List<Finding> found, String pointer, String value) {
    if (value != null && !text(value)) {
      found.add(
          new Finding(pointer, "must be valid Unicode text without U+0000 or unpaired surrogates"));
    }
  }
}
