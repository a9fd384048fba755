package org.disclosurehub.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The realistic reports of src/test/resources/reports, read as the service reads them. */
final class ReportFixtures {
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  private ReportFixtures() {}

  /** 中卫市自然资源局 2024: every table non-zero. */
  static Report naturalResources2024() {
    return read("/reports/natural-resources-2024.json");
  }

  /** 中卫市民政局 2024, the seed: its prose as published. */
  static Report zhongweiCivilAffairs2024() {
    return read("/reports/zhongwei-civil-affairs-2024.json");
  }

  static Report read(String resource) {
    try (InputStream in = ReportFixtures.class.getResourceAsStream(resource)) {
      return JSON.readValue(in, Report.class).withComputedTotals();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Report withNarrative(Report report, String overview) {
    return withNarrative(report, new Narrative(overview, null, null, null));
  }

  static Report withNarrative(Report report, Narrative narrative) {
    return new Report(
        report.formatVersion(),
        report.publishedOn(),
        report.activeDisclosure(),
        report.activeDisclosure2019(),
        report.requests(),
        report.reviews(),
        report.publishedItems(),
        narrative);
  }
}
