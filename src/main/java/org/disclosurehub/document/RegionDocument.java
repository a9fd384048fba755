package org.disclosurehub.document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.disclosurehub.report.ReportYears;
import org.disclosurehub.report.RuleViolation;

/**
 * What a region's consolidated document shows: Tables 二, 三 and 四 summed over the current reports of
 * its agencies, and who those are.
 *
 * @param regionName the region's name, or null when only its code is known
 * @param ownScope true for 本级 (the agencies registered at the code itself), false for 本行政区域
 * @param asOf when the data last changed
 * @param expected how many agencies were expected to report (on the year's roster)
 * @param included the current reports summed, by agency code: every one, or (when {@code
 *     subRegions} is not empty) only the inconsistent ones
 * @param missing the expected agencies without a report
 * @param reported how many current reports are summed
 * @param trialFormatReports how many of them are in the 2019 trial format
 * @param subRegions the region's completeness by sub-region, for a region of more reports than a
 *     page lists one by one; empty when {@code included} lists every report
 * @param warnings the warnings of the year (one per report and check) open and explained
 * @param latenessUnknown how many of the reports summed were imported from a text that prints no
 *     date: neither on time nor late
 * @param outsideRoster the agencies not on the year's roster that filed anyway: their reports are
 *     kept but not summed, so that a body reporting elsewhere is not counted twice
 * @param judgedOn the day (Beijing) on which the missing are judged overdue or not yet due: today,
 *     or the day of a read as of a day; null when not judged
 */
public record RegionDocument(
    String regionCode,
    String regionName,
    String level,
    int year,
    boolean ownScope,
    Instant asOf,
    TableCells totals,
    int expected,
    List<Included> included,
    List<Missing> missing,
    int reported,
    int trialFormatReports,
    List<SubRegion> subRegions,
    Warnings warnings,
    int latenessUnknown,
    List<Missing> outsideRoster,
    LocalDate judgedOn) {

  /**
   * Whether the year's deadline (31 January of the next year) had not passed on {@link #judgedOn}:
   * the agencies missing then were not yet late.
   */
  public boolean notYetDue() {
    return judgedOn != null && !judgedOn.isAfter(ReportYears.deadline(year));
  }

  /** How many reports were published on time: neither late nor of unknown date. */
  public int onTimeCount() {
    return reported - lateCount() - latenessUnknown;
  }

  /** Warnings that do not block, one per report and check: not explained, or explained. */
  public record Warnings(int open, int explained) {
    public static final Warnings NONE = new Warnings(0, 0);
  }

  /**
   * A sub-region's completeness: a city of a province (or the province's own agencies), a county of
   * a city (or the city's own).
   *
   * @param name its GB/T 2260 name, or null when only its code is known
   */
  public record SubRegion(
      String code, String name, int expected, int reported, int late, int missing) {}

  /**
   * An agency whose report is summed.
   *
   * @param formatVersion the format of its report's tables ({@code "2021"}, {@code "2019"})
   * @param late published after the deadline; null when imported from a text that prints no date
   * @param violations the accounting rules its report was accepted despite breaking
   * @param cells its report's cells, those of its format, or null when the document does not list
   *     them (the HTML page)
   */
  public record Included(
      String code,
      String name,
      String division,
      int revision,
      Boolean late,
      String formatVersion,
      List<RuleViolation> violations,
      TableCells cells) {}

  public record Missing(String code, String name) {}

  public List<Included> late() {
    return included.stream().filter(a -> Boolean.TRUE.equals(a.late())).toList();
  }

  /** How many reports were published late: those listed, or the sub-regions' counts. */
  public int lateCount() {
    return subRegions.isEmpty()
        ? late().size()
        : subRegions.stream().mapToInt(SubRegion::late).sum();
  }

  /**
   * The cells of the summed tables that reports kept despite breaking a rule of the year make
   * disagree with their row or column (the blocking rules' cells; a cross-year rule breaks none).
   */
  public java.util.Set<String> inconsistentCells() {
    java.util.Set<String> cells = new java.util.TreeSet<>();
    for (Included a : inconsistent()) {
      a.violations().stream().filter(v -> v.rule().blocking()).forEach(v -> cells.add(v.path()));
    }
    return cells;
  }

  public List<Included> inconsistent() {
    return included.stream().filter(a -> !a.violations().isEmpty()).toList();
  }

  /** The region as printed: its name when known, else its code. */
  public String regionTitle() {
    return regionName != null ? regionName : "行政区划 " + regionCode;
  }

  /** The document's title: 中卫市2024年政府信息公开工作年度报告（本行政区域汇总）. */
  public String title() {
    return regionTitle()
        + (regionName != null ? "" : " ")
        + year
        + "年政府信息公开工作年度报告（"
        + scopeTitle()
        + "）";
  }

  /** 本行政区域汇总 or 本级. */
  public String scopeTitle() {
    return ownScope ? "本级" : "本行政区域汇总";
  }

  /**
   * The form the sums are printed in: the 2019 trial format's when every report summed is in it,
   * else the 2021 format's, with the 2019 Table 二 added when some reports are in the trial format.
   */
  public PrintedForm form() {
    int trial = trialFormatReports();
    if (trial == 0) {
      return PrintedForm.NATIONAL_2021;
    }
    return trial == reported ? PrintedForm.TRIAL_2019 : PrintedForm.MIXED;
  }

  /** The form's name as the page states it. */
  public String formName() {
    int trial = trialFormatReports();
    if (trial == 0) {
      return PrintedForm.NAME_2021;
    }
    return trial == reported
        ? PrintedForm.NAME_2019
        : PrintedForm.NAME_2021
            + "；其中 "
            + trial
            + " 份报告为"
            + PrintedForm.NAME_2019
            + "，其表二另列，行政许可、行政处罚、行政强制的处理决定数量计入上表";
  }
}
