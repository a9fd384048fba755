package org.disclosurehub.pages;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.disclosurehub.rollup.RegionRollup;

/** The headline figures of a region's year, each beside the year before. */
final class Figures {
  private Figures() {}

  /** One headline figure: its label, its value, and the change from the previous year. */
  record Figure(String label, String value, String change, String note) {}

  static List<Figure> of(RegionRollup year, RegionRollup previous) {
    return List.of(
        count("本年新收政府信息公开申请", "件", year, previous, r -> cell(r, "/requests/newlyReceived/total")),
        count("本年办理答复", "件", year, previous, r -> cell(r, "/requests/outcomes/total/total")),
        share(
            "予以公开和部分公开占办理总数",
            year.indicators().disclosureRate(),
            previous == null ? null : previous.indicators().disclosureRate()),
        withCorrection(
            "行政复议",
            year,
            previous,
            r -> cell(r, "/reviews/administrativeReview/total"),
            r -> correctionRate(r, "administrativeReview")),
        withCorrection(
            "行政诉讼",
            year,
            previous,
            r ->
                cell(r, "/reviews/litigationDirect/total")
                    + cell(r, "/reviews/litigationAfterReview/total"),
            r -> correctionRate(r, "litigationDirect", "litigationAfterReview")),
        count("主动公开政府信息", "条", year, previous, r -> r.publishedItems().total()));
  }

  interface Value {
    long of(RegionRollup rollup);
  }

  interface Rate {
    BigDecimal of(RegionRollup rollup);
  }

  private static Figure count(
      String label, String unit, RegionRollup year, RegionRollup previous, Value value) {
    long now = value.of(year);
    return new Figure(
        label,
        Numbers.grouped(now) + " " + unit,
        change(now, previous == null ? null : value.of(previous)),
        null);
  }

  private static Figure share(String label, BigDecimal now, BigDecimal before) {
    return new Figure(label, Numbers.percent(now), pointsChange(now, before), null);
  }

  private static Figure withCorrection(
      String label, RegionRollup year, RegionRollup previous, Value cases, Rate corrected) {
    long now = cases.of(year);
    BigDecimal rate = corrected.of(year);
    return new Figure(
        label + "案件",
        Numbers.grouped(now) + " 件",
        change(now, previous == null ? null : cases.of(previous)),
        "结果纠正占已审结 " + Numbers.percent(rate));
  }

  static long cell(RegionRollup rollup, String pointer) {
    return rollup.count(pointer);
  }

  /** 结果纠正 / (结果维持 + 结果纠正 + 其他结果) over the blocks; null when none was decided. */
  static BigDecimal correctionRate(RegionRollup rollup, String... blocks) {
    long corrected = 0;
    long decided = 0;
    for (String block : blocks) {
      long c = cell(rollup, "/reviews/" + block + "/corrected");
      corrected += c;
      decided +=
          c
              + cell(rollup, "/reviews/" + block + "/upheld")
              + cell(rollup, "/reviews/" + block + "/other");
    }
    return decided == 0
        ? null
        : BigDecimal.valueOf(corrected)
            .divide(BigDecimal.valueOf(decided), 4, RoundingMode.HALF_UP);
  }

  /** "+12（+8.5%）" against the year before; "—" when there is nothing to compare with. */
  static String change(long now, Long before) {
    if (before == null) {
      return "—";
    }
    long diff = now - before;
    String sign = diff > 0 ? "+" : diff < 0 ? "−" : "±";
    String absolute = sign + Numbers.grouped(Math.abs(diff));
    if (before == 0) {
      return absolute;
    }
    BigDecimal percent =
        BigDecimal.valueOf(Math.abs(diff) * 100)
            .divide(BigDecimal.valueOf(before), 1, RoundingMode.HALF_UP);
    return absolute + "（" + sign + percent.toPlainString() + "%）";
  }

  static String pointsChange(BigDecimal now, BigDecimal before) {
    if (now == null || before == null) {
      return "—";
    }
    BigDecimal points = now.subtract(before).movePointRight(2).setScale(1, RoundingMode.HALF_UP);
    String sign = points.signum() > 0 ? "+" : points.signum() < 0 ? "−" : "±";
    return sign + points.abs().toPlainString() + " 个百分点";
  }
}
