package org.disclosurehub.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a report must be before it is stored, whatever it came from (JSON, an import, a dry run):
 * every cell and every total the service computes within {@link CellLimits#MAX_COUNT}, {@code
 * publishedOn} plausible for its year ({@link PublicationDate}), every text storable exactly, and
 * no count or amount below zero (the cells of {@link Rule#NON_NEGATIVE}; the 2019 format's 本年增/减
 * may be negative). Each finding names its field by JSON Pointer.
 *
 * <p>A negative cell is refused even when inconsistencies are accepted as published: no form prints
 * one, so it is a mistake of the input, not of the report (issue 22: "-0.00001" 万元 was stored).
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
    // With its totals, as stored: a total left out is read as the sum the service fills in.
    AccountingRules.nonNegative(report.withComputedTotals())
        .forEach(
            negative ->
                found.add(
                    new Finding(
                        negative.path(),
                        "must not be negative ("
                            + negative.actual()
                            + "): "
                            + negative.message())));
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
