package org.disclosurehub.report;

/**
 * What a year's report hands on to the next: the requests carried forward and the documents in
 * force. The cross-year rules (CARRY_OVER, IN_FORCE) need no more of the previous year. A report in
 * the 2019 trial format counts no documents in force: those are null.
 */
public record YearEnd(
    ApplicantRow carriedForward, Integer regulationsInForce, Integer normativeDocumentsInForce) {

  public static YearEnd of(Report report) {
    ActiveDisclosure table2 = report.activeDisclosure();
    return new YearEnd(
        report.requests().carriedForward(),
        table2 == null ? null : table2.regulations().inForce(),
        table2 == null ? null : table2.normativeDocuments().inForce());
  }
}
