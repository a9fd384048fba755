package org.disclosurehub.document;

import java.time.Instant;
import java.util.List;
import org.disclosurehub.report.Report;
import org.disclosurehub.report.ReportLayout;
import org.disclosurehub.report.RuleViolation;

/**
 * What an agency's report page shows: one stored revision of its report, with what is known about
 * it. {@code report} has every total filled in.
 */
public record AgencyDocument(
    String agencyCode,
    String agencyName,
    int year,
    int revision,
    Instant submittedAt,
    String contentSha256,
    Report report,
    List<RuleViolation> violations,
    List<RuleViolation> warnings) {

  public TableCells cells() {
    return TableCells.of(report);
  }

  public PrintedForm form() {
    return PrintedForm.of(ReportLayout.formatOf(report));
  }
}
