package org.disclosurehub.pages;

import java.time.Instant;
import java.util.List;
import org.disclosurehub.document.BeijingTime;
import org.disclosurehub.document.PrintedForm;
import org.disclosurehub.document.RuleNames;
import org.disclosurehub.document.TableCells;
import org.disclosurehub.document.TablesHtml;
import org.disclosurehub.region.Regions;
import org.disclosurehub.report.Narrative;
import org.disclosurehub.report.ReportLayout;
import org.disclosurehub.report.RuleViolation;
import org.disclosurehub.submission.ReportView;
import org.disclosurehub.submission.RevisionSummary;

/**
 * What the page of an agency's report shows: the report as its published tables, its findings, its
 * history. {@code view} is null when the agency has no current report for the year ({@code absence}
 * says why), so that the page still offers the history and the neighbouring years.
 */
record AgencyPage(
    String code,
    String name,
    String division,
    String divisionName,
    int year,
    ReportView view,
    String absence,
    String tablesHtml,
    List<FindingRow> findings,
    List<RevisionSummary> history) {

  /** A finding, with the cell's label as the form prints it. */
  record FindingRow(
      String kind,
      String ruleId,
      String rule,
      String cell,
      String expected,
      String actual,
      String explanation) {}

  static AgencyPage of(
      String code,
      String name,
      String division,
      int year,
      ReportView view,
      String absence,
      List<RevisionSummary> history) {
    String tables = null;
    List<FindingRow> findings = List.of();
    if (view != null) {
      tables =
          TablesHtml.tables(
              PrintedForm.of(ReportLayout.formatOf(view.report())), TableCells.of(view.report()));
      findings =
          java.util.stream.Stream.concat(
                  view.violations().stream().map(v -> row("违反勾稽关系", v)),
                  view.warnings().stream().map(v -> row("提示", v)))
              .toList();
    }
    String divisionName = Regions.name(division);
    return new AgencyPage(
        code,
        name,
        division,
        divisionName == null ? division : divisionName,
        year,
        view,
        absence,
        tables,
        findings,
        history);
  }

  private static FindingRow row(String kind, RuleViolation v) {
    return new FindingRow(
        kind,
        v.rule().name(),
        RuleNames.of(v.rule()),
        RegionPage.cellLabel(v.path()),
        v.expected(),
        v.actual(),
        RuleNames.explanation(v.rule()));
  }

  /** A date as people read it: 2024年1月20日. */
  public String date(java.time.LocalDate date) {
    return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }

  /** A time as people read it (Beijing time); the template keeps the instant in datetime. */
  public String time(Instant instant) {
    return BeijingTime.text(instant);
  }

  public Narrative narrative() {
    return view == null ? null : view.report().narrative();
  }

  /** The revision a page shows, from the history: whether it was imported (its source exists). */
  public boolean imported() {
    return view != null
        && history.stream().anyMatch(r -> r.revision() == view.revision() && r.imported());
  }
}
