package org.disclosurehub.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.disclosurehub.report.NarrativeReading.Statement;

/**
 * The checks no accounting rule makes, which oversight offices and evaluations make by hand: the
 * prose against the tables (NARRATIVE_MISMATCH), text repeated from last year or from another
 * agency (TEXT_REUSE), and implausible jumps between years (YEAR_JUMP). One method per check, each
 * returning its findings in the words of the format; all of them only warn.
 */
public final class PlausibilityChecks {

  private PlausibilityChecks() {}

  /** The settings of the checks (hub.checks.* in application.properties). */
  public record Thresholds(
      double previousYearReuse,
      double sameCityReuse,
      int reuseMinCharacters,
      double jumpFactor,
      int jumpFloor) {
    public static final Thresholds DEFAULTS = new Thresholds(0.5, 0.8, 200, 5, 20);
  }

  /**
   * A main figure YEAR_JUMP compares: its pointer, its label, and how to read it (null: not
   * stated).
   */
  record Figure(String pointer, String label, Function<Report, Integer> value) {}

  /** NARRATIVE_MISMATCH, YEAR_JUMP against the previous year (when given). */
  public static List<RuleViolation> check(
      Report report, int year, String agencyName, Report previousYear, Thresholds thresholds) {
    List<RuleViolation> found = new ArrayList<>(narrativeMismatch(report, year, agencyName));
    if (previousYear != null) {
      found.addAll(yearJump(report, previousYear, thresholds));
    }
    return found;
  }

  /**
   * NARRATIVE_MISMATCH: every count the prose states (see {@link NarrativeReading}) equals its
   * cell. "收到" may mean 本年新收 alone or 本年新收 + 上年结转; either agrees. One finding per cell and value.
   */
  public static List<RuleViolation> narrativeMismatch(Report report, int year, String agencyName) {
    List<RuleViolation> found = new ArrayList<>();
    Set<String> reported = new LinkedHashSet<>();
    for (Statement statement : NarrativeReading.read(report.narrative(), year, agencyName)) {
      NarrativeClaim claim = statement.claim();
      if (claim == NarrativeReading.PUBLISHED
          && (report.publishedItems() == null || report.publishedItems().total() == null)) {
        continue;
      }
      // The 2019 trial format counts documents made and published, not issued, repealed, in force.
      if (claim.pointer().startsWith("/activeDisclosure/") && report.activeDisclosure() == null) {
        continue;
      }
      int table = claim.value().applyAsInt(report);
      Integer alternative =
          claim.alternative() == null ? null : claim.alternative().applyAsInt(report);
      int stated = statement.value();
      if (stated == table || (alternative != null && stated == alternative)) {
        continue;
      }
      if (!reported.add(NarrativeReading.key(claim) + " " + stated)) {
        continue;
      }
      String tables =
          alternative == null
              ? Integer.toString(table)
              : table + " (" + alternative + " with " + claim.alternativeLabel() + ")";
      found.add(
          new RuleViolation(
              Rule.NARRATIVE_MISMATCH,
              claim.pointer(),
              Integer.toString(stated),
              Integer.toString(table),
              claim.label()
                  + " is "
                  + tables
                  + " in the tables, but the narrative states "
                  + stated
                  + ": “"
                  + statement.sentence()
                  + "”",
              statement.sentence()));
    }
    return found;
  }

  /**
   * YEAR_JUMP: a main figure more than {@code jumpFactor} times the previous year's, or less than
   * its 1/{@code jumpFactor}, when both years are at least {@code jumpFloor}: a cell typed in the
   * wrong row, or a unit that changed.
   */
  public static List<RuleViolation> yearJump(
      Report report, Report previousYear, Thresholds thresholds) {
    List<RuleViolation> found = new ArrayList<>();
    BigDecimal factor = BigDecimal.valueOf(thresholds.jumpFactor());
    for (Figure figure : MAIN_FIGURES) {
      Integer now = figure.value().apply(report);
      Integer before = figure.value().apply(previousYear);
      if (now == null
          || before == null
          || now < thresholds.jumpFloor()
          || before < thresholds.jumpFloor()) {
        continue;
      }
      BigDecimal current = BigDecimal.valueOf(now);
      BigDecimal previous = BigDecimal.valueOf(before);
      BigDecimal highest = previous.multiply(factor);
      BigDecimal lowest = previous.divide(factor, 2, RoundingMode.HALF_UP);
      if (current.compareTo(highest) <= 0 && current.multiply(factor).compareTo(previous) >= 0) {
        continue;
      }
      String ratio = current.divide(previous, 1, RoundingMode.HALF_UP).toPlainString();
      found.add(
          new RuleViolation(
              Rule.YEAR_JUMP,
              figure.pointer(),
              ">= " + Amounts.format(lowest) + ", <= " + Amounts.format(highest),
              Integer.toString(now),
              figure.label()
                  + " is "
                  + now
                  + ", "
                  + ratio
                  + "× the previous year's "
                  + before
                  + "; more than "
                  + Amounts.format(factor)
                  + "× up or down is unusual, check the row and the unit"));
    }
    return found;
  }

  /**
   * TEXT_REUSE: the share of the narrative found again in another narrative (the agency's previous
   * year, or another agency's of the same year) above the threshold, once the narrative has enough
   * text of its own to judge ({@code reuseMinCharacters}).
   *
   * @param against in words: "the agency's 2023 report", "the 2024 report of 'x'"
   */
  public static Optional<RuleViolation> textReuse(
      TextFingerprint narrative,
      double share,
      double threshold,
      int minCharacters,
      String against) {
    if (narrative.characters() < minCharacters || share <= threshold) {
      return Optional.empty();
    }
    return Optional.of(
        new RuleViolation(
            Rule.TEXT_REUSE,
            "/narrative",
            "<= " + share(threshold).toPlainString(),
            share(share).toPlainString(),
            percent(share)
                + " of the narrative is found again in "
                + against
                + " (sequences of "
                + TextFingerprint.NGRAM
                + " characters, leaving out numbers and the format's fixed phrases); more than "
                + percent(threshold)
                + " is reported"));
  }

  /** A share as the API shows it: 0 to 1, four decimals at most. */
  public static BigDecimal share(double share) {
    return BigDecimal.valueOf(share).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
  }

  private static String percent(double share) {
    return BigDecimal.valueOf(share * 100).setScale(0, RoundingMode.HALF_UP).toPlainString() + " %";
  }

  /** The main figures of the format, in its order. */
  static final List<Figure> MAIN_FIGURES = mainFigures();

  private static List<Figure> mainFigures() {
    List<Figure> figures = new ArrayList<>();
    figures.add(
        figure(
            ReportLayout.NEWLY_RECEIVED.pointer() + "/total",
            ReportLayout.NEWLY_RECEIVED.label() + " · 总计",
            r -> r.requests().newlyReceived().total()));
    for (NarrativeClaim group :
        List.of(
            NarrativeReading.GRANTED,
            NarrativeReading.PARTIALLY_GRANTED,
            NarrativeReading.DENIED,
            NarrativeReading.UNABLE_TO_PROVIDE,
            NarrativeReading.NOT_PROCESSED,
            NarrativeReading.OTHER_HANDLING,
            NarrativeReading.HANDLED)) {
      figures.add(figure(group.pointer(), group.label(), r -> group.value().applyAsInt(r)));
    }
    for (ReportLayout.ReviewRow block : ReportLayout.REVIEW_BLOCKS) {
      figures.add(
          figure(block.pointer() + "/total", block.label() + " · 总计", r -> block.of(r).total()));
    }
    // 处理决定数量 counts the same in both formats (ReportLayout.SAME_IN_2021): a 2019 report gives it
    // as decisions.
    figures.add(
        figure(
            "/activeDisclosure/licensing",
            "行政许可 本年处理决定数量",
            r ->
                r.activeDisclosure() != null
                    ? r.activeDisclosure().licensing()
                    : r.activeDisclosure2019().licensing().decisions()));
    figures.add(
        figure(
            "/activeDisclosure/penalties",
            "行政处罚 本年处理决定数量",
            r ->
                r.activeDisclosure() != null
                    ? r.activeDisclosure().penalties()
                    : r.activeDisclosure2019().penalties().decisions()));
    figures.add(
        figure(
            "/activeDisclosure/compulsoryMeasures",
            "行政强制 本年处理决定数量",
            r ->
                r.activeDisclosure() != null
                    ? r.activeDisclosure().compulsoryMeasures()
                    : r.activeDisclosure2019().compulsoryMeasures().decisions()));
    figures.add(
        figure(
            "/publishedItems/total",
            "主动公开政府信息 条数",
            r -> r.publishedItems() == null ? null : r.publishedItems().total()));
    return List.copyOf(figures);
  }

  private static Figure figure(String pointer, String label, Function<Report, Integer> value) {
    return new Figure(pointer, label, value);
  }
}
