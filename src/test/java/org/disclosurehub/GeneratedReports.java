package org.disclosurehub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

/**
 * Valid reports of the national format made up from a seed, for property tests and for tests that
 * file many reports: Tables 三 and 四 random (about a quarter of the cells 0, every row of Table 三
 * possible, 三(三)3 and 三(六)2 included) and consistent with every accounting rule.
 */
public final class GeneratedReports {
  static final List<String> APPLICANTS =
      List.of(
          "naturalPerson",
          "commercialEnterprise",
          "researchInstitution",
          "socialWelfareOrganization",
          "legalServiceInstitution",
          "otherOrganization");

  static final List<String> OUTCOME_ROWS =
      List.of(
          "/granted",
          "/partiallyGranted",
          "/denied/stateSecret",
          "/denied/prohibitedByLaw",
          "/denied/endangersSecurityOrStability",
          "/denied/thirdPartyRights",
          "/denied/internalAffairs",
          "/denied/processInformation",
          "/denied/lawEnforcementFiles",
          "/denied/administrativeQuery",
          "/unableToProvide/notHeld",
          "/unableToProvide/requiresCreation",
          "/unableToProvide/unclearAfterCorrection",
          "/notProcessed/complaintOrPetition",
          "/notProcessed/repeated",
          "/notProcessed/publication",
          "/notProcessed/excessive",
          "/notProcessed/confirmation",
          "/otherHandling/overdueCorrection",
          "/otherHandling/overdueFee",
          "/otherHandling/other");

  private GeneratedReports() {}

  /**
   * A valid report with every total left out (the service computes them); with {@code withTotals}
   * the totals are stated, as a published report prints them.
   */
  public static ObjectNode valid(Random random, boolean withTotals) {
    ObjectNode report = Fixtures.naturalResources2024();
    ObjectNode requests = (ObjectNode) report.get("requests");
    for (String column : APPLICANTS) {
      long outcomes = 0;
      for (String row : OUTCOME_ROWS) {
        int value = random.nextInt(4) == 0 ? 0 : random.nextInt(1_000);
        ((ObjectNode) requests.at("/outcomes" + row)).put(column, value);
        outcomes += value;
      }
      int over = random.nextInt(200);
      int forward = random.nextInt(200);
      long received = outcomes + forward - over;
      if (received < 0) {
        over = 0;
        received = outcomes + forward;
      }
      ((ObjectNode) requests.get("carriedOver")).put(column, over);
      ((ObjectNode) requests.get("carriedForward")).put(column, forward);
      ((ObjectNode) requests.get("newlyReceived")).put(column, received);
    }
    ObjectNode reviews = (ObjectNode) report.get("reviews");
    reviews
        .fields()
        .forEachRemaining(
            block -> {
              ObjectNode counts = (ObjectNode) block.getValue();
              for (String column : List.of("upheld", "corrected", "other", "pending")) {
                counts.put(column, random.nextInt(300));
              }
            });
    ObjectNode active = (ObjectNode) report.get("activeDisclosure");
    active.put("licensing", random.nextInt(100_000));
    active.put("penalties", random.nextInt(10_000));
    active.put("compulsoryMeasures", random.nextInt(1_000));
    active.put("feesAmount", BigDecimal.valueOf(random.nextInt(1_000_000), 4).toPlainString());
    if (withTotals) {
      statedTotals(report);
    } else {
      removeTotals(requests);
      ((ObjectNode) requests.get("outcomes")).remove("total");
      reviews.elements().forEachRemaining(block -> ((ObjectNode) block).remove("total"));
    }
    return report;
  }

  /** Every total of Tables 三 and 四 as the sum it must be, as a published report prints them. */
  public static ObjectNode statedTotals(ObjectNode report) {
    ObjectNode requests = (ObjectNode) report.get("requests");
    ObjectNode outcomesTotal = ((ObjectNode) requests.get("outcomes")).putObject("total");
    for (String column : APPLICANTS) {
      long sum = 0;
      for (String row : OUTCOME_ROWS) {
        sum += requests.at("/outcomes" + row + "/" + column).longValue();
      }
      outcomesTotal.put(column, sum);
    }
    rowTotals(requests);
    report
        .get("reviews")
        .elements()
        .forEachRemaining(
            block -> {
              ObjectNode counts = (ObjectNode) block;
              counts.put(
                  "total",
                  counts.get("upheld").intValue()
                      + counts.get("corrected").intValue()
                      + counts.get("other").intValue()
                      + counts.get("pending").intValue());
            });
    return report;
  }

  private static void rowTotals(JsonNode node) {
    if (node instanceof ObjectNode object) {
      if (object.has("naturalPerson")) {
        long total = 0;
        for (String column : APPLICANTS) {
          total += object.get(column).longValue();
        }
        object.put("total", total);
      }
      object.elements().forEachRemaining(GeneratedReports::rowTotals);
    }
  }

  private static void removeTotals(JsonNode node) {
    if (node instanceof ObjectNode object) {
      if (object.has("naturalPerson")) {
        object.remove("total");
      }
      object.elements().forEachRemaining(GeneratedReports::removeTotals);
    }
  }
}
