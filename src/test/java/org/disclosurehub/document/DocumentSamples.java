package org.disclosurehub.document;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.disclosurehub.Fixtures;
import org.disclosurehub.report.Report;
import org.disclosurehub.report.ReportLayout;
import org.disclosurehub.report.Rule;
import org.disclosurehub.report.RuleViolation;

/** Documents built from the report fixtures, for the tests that need no service. */
final class DocumentSamples {
  static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private DocumentSamples() {}

  static Report report(String resource) {
    try {
      return JSON.readValue(Fixtures.text(resource), Report.class).withComputedTotals();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Report naturalResources() {
    return report("/reports/natural-resources-2024.json");
  }

  /** A 2020 report in the 2019 trial format (采购总金额 in 元). */
  static Report trial() {
    return report("/reports/market-regulation-2020-trial.json");
  }

  static Report seed() {
    return report("/reports/zhongwei-civil-affairs-2024.json");
  }

  static AgencyDocument agency(Report report, List<RuleViolation> violations) {
    return new AgencyDocument(
        "natural-resources",
        "某市自然资源局",
        2024,
        3,
        Instant.parse("2025-01-20T02:30:00Z"),
        "3f0a6c1e9b2d4f5a6c7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9012345678",
        report,
        violations,
        List.of());
  }

  /** A city of three reports (one late, one inconsistent) and one agency missing. */
  static RegionDocument region() {
    TableCells a = TableCells.of(naturalResources());
    TableCells b = TableCells.of(seed());
    List<BigDecimal> sums = new ArrayList<>();
    List<BigDecimal> av = a.inLayoutOrder();
    List<BigDecimal> bv = b.inLayoutOrder();
    for (int i = 0; i < av.size(); i++) {
      sums.add(av.get(i).multiply(BigDecimal.valueOf(2)).add(bv.get(i)));
    }
    RuleViolation balance =
        new RuleViolation(
            Rule.BALANCE, "/requests/carriedForward/naturalPerson", "6", "7", "四、结转下年度继续办理 · 自然人");
    return new RegionDocument(
        "640500",
        null,
        "city",
        2024,
        false,
        Instant.parse("2025-02-03T04:05:00Z"),
        sums(sums),
        4,
        List.of(
            new RegionDocument.Included(
                "natural-resources", "中卫市自然资源局", "640500", 1, false, "2021", List.of(), a),
            new RegionDocument.Included(
                "shapotou-natural-resources", "沙坡头区自然资源局", "640502", 2, true, "2021", List.of(), a),
            new RegionDocument.Included(
                "zhongwei-civil-affairs",
                "中卫市民政局",
                "640500",
                1,
                false,
                "2021",
                List.of(balance),
                b)),
        List.of(new RegionDocument.Missing("zhongning-finance", "中宁县财政局")),
        3,
        0,
        List.of(),
        new RegionDocument.Warnings(1, 1),
        0,
        List.of(),
        null);
  }

  /** Sums in the order of ReportLayout.CELLS, by pointer. */
  private static TableCells sums(List<BigDecimal> sums) {
    java.util.Map<String, BigDecimal> values = new java.util.HashMap<>();
    for (int i = 0; i < sums.size(); i++) {
      values.put(ReportLayout.CELLS.get(i).pointer(), sums.get(i));
    }
    return TableCells.byPointer(values);
  }
}
