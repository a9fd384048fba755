package org.disclosurehub.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.disclosurehub.region.Regions;
import org.disclosurehub.report.ReportYears;
import org.disclosurehub.system.Clocks;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * 年报质量检查情况通报: a region's year as the office reports it: the figures, then every agency on the
 * roster, those with most to fix first, then those excluded from the roster and why.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(requiredProperties = {"region", "regionName", "year", "summary", "rows", "excluded"})
record InspectionNotice(
    String region,
    String regionName,
    int year,
    Summary summary,
    List<Row> rows,
    List<Row> excluded) {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(
      requiredProperties = {
        "expected",
        "filed",
        "onTime",
        "late",
        "missing",
        "accepted",
        "returned",
        "toReview",
        "changedSinceAccepted",
        "withAccountingErrors",
        "openWarnings",
        "explainedWarnings",
        "excluded"
      })
  record Summary(
      int expected,
      int filed,
      int onTime,
      int late,
      int missing,
      int accepted,
      int returned,
      int toReview,
      int changedSinceAccepted,
      int withAccountingErrors,
      int openWarnings,
      int explainedWarnings,
      int excluded) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(requiredProperties = {"rule", "ruleName", "what"})
  record Finding(
      @Schema(
              implementation = org.disclosurehub.report.Rule.class,
              type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)
          String rule,
      String ruleName,
      String pointer,
      String cell,
      String what) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(
      requiredProperties = {
        "agency",
        "name",
        "divisionName",
        "timeliness",
        "state",
        "revision",
        "accountingErrors",
        "openWarnings",
        "explainedWarnings"
      })
  record Row(
      String agency,
      String name,
      String divisionName,
      @Schema(
              description = "按时 (on time), 逾期 (late) or 未报送 (missing)",
              enumeration = {"按时", "逾期", "未报送"})
          String timeliness,
      @Schema(
              description = "The review's state in words",
              enumeration = {"未报送", "待审核", "通过后又修改，待复核", "已退回，待修改", "已通过", "已撤回"})
          String state,
      @Schema(
              description = "The review's state; absent when nothing was filed",
              enumeration = {"filed", "returned", "accepted", "withdrawn"})
          String reviewState,
      int revision,
      List<Finding> accountingErrors,
      List<Finding> openWarnings,
      int explainedWarnings,
      String rosterNote) {

    public boolean missing() {
      return timeliness.equals("未报送");
    }

    int mustFix() {
      return accountingErrors.size() * 100
          + openWarnings.size() * 10
          + ("returned".equals(reviewState) ? 5 : 0)
          + (timeliness.equals("逾期") ? 1 : 0);
    }
  }

  /** Missing reports first, then by how much there is to fix, then by code. */
  static final Comparator<Row> MUST_FIX_FIRST =
      Comparator.comparing((Row r) -> !r.missing())
          .thenComparing(Comparator.comparingInt(Row::mustFix).reversed())
          .thenComparing(Row::agency);

  static Row row(ReviewQueries.AgencyYear a, int year, ReviewView review) {
    String division = Regions.name(a.divisionCode());
    String rosterNote =
        a.expected()
            ? null
            : RosterChange.words(a.cause())
                + (a.mergedInto() == null ? "" : "（并入 " + a.mergedInto() + "）")
                + "："
                + a.rosterReason();
    if (!a.filed() || review == null || review.report() == null) {
      return new Row(
          a.code(),
          a.name(),
          division == null ? a.divisionCode() : division,
          "未报送",
          RuleWords.state(null, false),
          null,
          0,
          List.of(),
          List.of(),
          0,
          rosterNote);
    }
    List<Finding> errors =
        review.report().violations().stream().map(InspectionNotice::finding).toList();
    List<Finding> open = new ArrayList<>();
    for (ReviewView.WarningView w : review.warnings()) {
      if (w.open()) {
        open.add(
            review.report().warnings().stream()
                .filter(
                    v ->
                        v.rule().name().equals(w.rule())
                            && java.util.Objects.equals(v.path(), w.path()))
                .findFirst()
                .map(InspectionNotice::finding)
                .orElseThrow());
      }
    }
    return new Row(
        a.code(),
        a.name(),
        division == null ? a.divisionCode() : division,
        late(a, year) ? "逾期" : "按时",
        RuleWords.state(review.state(), review.changedSinceAccepted()),
        review.state(),
        review.revision(),
        errors,
        open,
        review.explainedWarnings(),
        rosterNote);
  }

  static boolean late(ReviewQueries.AgencyYear a, int year) {
    LocalDate published =
        a.publishedOn() != null
            ? a.publishedOn()
            : a.firstSubmittedAt().atZone(Clocks.BEIJING).toLocalDate();
    return published.isAfter(ReportYears.deadline(year));
  }

  private static Finding finding(org.disclosurehub.report.RuleViolation v) {
    return new Finding(
        v.rule().name(),
        RuleWords.name(v.rule()),
        v.path(),
        ReviewView.cellLabel(v.path()),
        RuleWords.what(v));
  }

  static InspectionNotice of(String region, int year, List<Row> onRoster, List<Row> excluded) {
    List<Row> rows = onRoster.stream().sorted(MUST_FIX_FIRST).toList();
    int filed = (int) rows.stream().filter(r -> !r.missing()).count();
    int late = (int) rows.stream().filter(r -> r.timeliness().equals("逾期")).count();
    Summary summary =
        new Summary(
            rows.size(),
            filed,
            filed - late,
            late,
            rows.size() - filed,
            count(rows, "accepted"),
            count(rows, "returned"),
            (int) rows.stream().filter(r -> "filed".equals(r.reviewState())).count(),
            (int) rows.stream().filter(r -> r.state().startsWith("通过后又修改")).count(),
            (int) rows.stream().filter(r -> !r.accountingErrors().isEmpty()).count(),
            rows.stream().mapToInt(r -> r.openWarnings().size()).sum(),
            rows.stream().mapToInt(Row::explainedWarnings).sum(),
            excluded.size());
    String name = Regions.name(region);
    return new InspectionNotice(
        region, name == null ? region : name, year, summary, rows, excluded);
  }

  private static int count(List<Row> rows, String state) {
    return (int) rows.stream().filter(r -> state.equals(r.reviewState())).count();
  }
}
