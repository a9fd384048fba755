package org.disclosurehub.report;

/**
 * What a year's report hands on to the next: the requests carried forward and the documents in
 * force. The cross-year rules (CARRY_OVER, IN_FORCE) need no more of the previous year.
 */
public record YearEnd(
    ApplicantRow carriedForward, int regulationsInForce, int normativeDocumentsInForce) {

  public static YearEnd of(Report report) {
    return new YearEnd(
        report.requests().carriedForward(),
        report.activeDisclosure().regulations().inForce(),
        report.activeDisclosure().normativeDocuments().inForce());
  }
}
