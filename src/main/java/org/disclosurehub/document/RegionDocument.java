package org.disclosurehub.document;

import java.time.Instant;
import java.util.List;
import org.disclosurehub.report.RuleViolation;

/**
 * What a region's consolidated document shows: Tables 二, 三 and 四 summed over the current reports of
 * its agencies, and who those are.
 *
 * @param regionName the region's name, or null when only its code is known
 * @param ownScope true for 本级 (the agencies registered at the code itself), false for 本行政区域
 * @param asOf when the data last changed
 * @param expected how many agencies were expected to report (active in the year)
 * @param included the current reports summed, by agency code: every one, or (when {@code
 *     subRegions} is not empty) only the inconsistent ones
 * @param missing the expected agencies without a report
 * @param reported how many current reports are summed
 * @param subRegions the region's completeness by sub-region, for a region of more reports than a
 *     page lists one by one; empty when {@code included} lists every report
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
    List<SubRegion> subRegions) {

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
   * @param violations the accounting rules its report was accepted despite breaking
   * @param cells its report's cells, or null when the document does not list them (the HTML page)
   */
  public record Included(
      String code,
      String name,
      String division,
      int revision,
      boolean late,
      List<RuleViolation> violations,
      TableCells cells) {}

  public record Missing(String code, String name) {}

  public List<Included> late() {
    return included.stream().filter(Included::late).toList();
  }

  /** How many reports were published late: those listed, or the sub-regions' counts. */
  public int lateCount() {
    return subRegions.isEmpty()
        ? late().size()
        : subRegions.stream().mapToInt(SubRegion::late).sum();
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

  public PrintedForm form() {
    return PrintedForm.NATIONAL_2021;
  }
}
