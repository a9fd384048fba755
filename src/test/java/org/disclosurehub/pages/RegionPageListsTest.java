package org.disclosurehub.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.qute.CompletedStage;
import io.quarkus.qute.Engine;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.Template;
import io.quarkus.qute.ValueResolver;
import io.quarkus.qute.Variant;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.disclosurehub.report.Rule;
import org.disclosurehub.rollup.RegionRollup;
import org.junit.jupiter.api.Test;

/**
 * The lists {@link RegionPageLists} writes are byte for byte what pages/region.html's conditional
 * sections wrote before (their text kept under src/test/resources/pages), rendered by Qute with
 * HTML escaping as the page's template is, for pages that take every branch: names to escape,
 * explained and open warnings, the late listed or only counted, roster moves, findings with an
 * empty cell, nothing to list at all.
 */
class RegionPageListsTest {
  private static final Engine QUTE =
      Engine.builder()
          .addDefaults()
          .addValueResolver(new MethodsResolver())
          .addResultMapper(new HtmlEscaper(List.of("text/html")))
          .build();

  @Test
  void shouldWriteTheListsAsTheTemplateDid() throws IOException {
    Template completeness = template("region-completeness-lists-before.html");
    Template findings = template("region-findings-before.html");
    List<RegionPage> pages = pages();
    for (RegionPage page : pages) {
      assertThat(RegionPageLists.completeness(page))
          .as("completeness of %s", page.place().code())
          .isEqualTo(completeness.data("page", page).render());
      assertThat(RegionPageLists.findings(page))
          .as("findings of %s", page.place().code())
          .isEqualTo(findings.data("page", page).render());
    }
    // Every branch was taken by some page: each list is written at least once.
    String all =
        String.join(
            "",
            pages.stream()
                .map(p -> RegionPageLists.completeness(p) + RegionPageLists.findings(p))
                .toList());
    assertThat(all)
        .contains("latenessUnknown", "agencies missing", "agencies late", "class=\"late\"")
        .contains("roster-moves", "class=\"findings\"", "carry-over", "data-explained")
        .contains("warning-totals", "均符合勾稽关系", "&amp;", "&#39;", "&quot;", "&lt;");
  }

  private static List<RegionPage> pages() {
    String tricky = "A&B <局> \"办\" '室'";
    List<RegionPage> pages = new ArrayList<>();
    pages.add(
        page(
            "640500",
            completeness(3, List.of(new RegionRollup.AgencyRef("m-1", tricky)), 2),
            List.of(
                new RegionPage.AgencyLink("l&1", "逾期局"), new RegionPage.AgencyLink("l2", tricky)),
            List.of(
                new RegionPage.FindingRow("f1", tricky, "BALANCE", "平衡", "三(一) 予以公开", "2", null),
                new RegionPage.FindingRow("f2", "乙", "ROW_TOTAL", "行合计", "<cell>", "3", "4")),
            List.of(
                new RegionPage.AgencyLink("c1", "结转局"), new RegionPage.AgencyLink("c2", tricky)),
            List.of(
                new RegionRollup.WarnedReports(
                    "YEAR_JUMP", 3, List.of("w1", "w&2", "w3"), 2, 1, List.of("w&2")),
                new RegionRollup.WarnedReports("TEXT_REUSE", 0, List.of(), 0, 0, List.of()),
                new RegionRollup.WarnedReports(
                    "NARRATIVE_MISMATCH", 1, List.of("w1"), 1, 0, List.of())),
            consistency(2, 1, 3, 2),
            List.of(
                new RegionPage.RosterNote("j&1", tricky, true, "按登记的起始报送年度"),
                new RegionPage.RosterNote("x1", "离开局", false, "2024年度名单：已撤销（<原因>）")),
            Map.of("w1", "警示局", "w&2", tricky)));
    // The late counted only (the table's filter), nothing else listed, no warning counted.
    pages.add(
        page(
            "640502",
            completeness(0, List.of(), 5),
            List.of(),
            List.of(),
            List.of(),
            List.of(new RegionRollup.WarnedReports("YEAR_JUMP", 0, List.of(), 0, 0, List.of())),
            consistency(0, 0, 0, 0),
            List.of(),
            Map.of()));
    // Only CARRY_OVER, none explained; an agency warned whose name the page does not know.
    pages.add(
        page(
            "640521",
            completeness(0, List.of(), 0),
            List.of(),
            List.of(),
            List.of(new RegionPage.AgencyLink("c1", "结转局")),
            List.of(
                new RegionRollup.WarnedReports("TEXT_REUSE", 1, List.of("u1"), 1, 0, List.of())),
            consistency(1, 0, 2, 0),
            List.of(),
            Map.of()));
    // Findings only: no warning counted, so no totals line.
    pages.add(
        page(
            "640522",
            completeness(0, List.of(), 0),
            List.of(),
            List.of(new RegionPage.FindingRow("f1", "甲", "BALANCE", "平衡", "单元格", null, "1")),
            List.of(),
            List.of(),
            consistency(0, 0, 0, 0),
            List.of(),
            Map.of()));
    return pages;
  }

  private static RegionRollup.Completeness completeness(
      int latenessUnknown, List<RegionRollup.AgencyRef> missing, int late) {
    return new RegionRollup.Completeness(
        10,
        10 - missing.size(),
        10 - missing.size() - late,
        late,
        latenessUnknown,
        missing,
        List.of());
  }

  private static RegionRollup.Consistency consistency(
      int carryOverMismatches, int carryOverExplained, int open, int explained) {
    return new RegionRollup.Consistency(
        List.of(),
        carryOverMismatches,
        carryOverExplained,
        List.of(),
        new RegionRollup.WarningTotals(open, explained));
  }

  private static RegionPage page(
      String code,
      RegionRollup.Completeness completeness,
      List<RegionPage.AgencyLink> late,
      List<RegionPage.FindingRow> findings,
      List<RegionPage.AgencyLink> carryOver,
      List<RegionRollup.WarnedReports> warned,
      RegionRollup.Consistency consistency,
      List<RegionPage.RosterNote> moves,
      Map<String, String> names) {
    return new RegionPage(
        RegionPage.Place.of(code),
        2024,
        false,
        List.of(),
        completeness,
        late,
        findings,
        carryOver,
        List.of(),
        new RegionPage.Table(List.of(), "-name", "missing", 0, 1, 0, Map.of("all", 0)),
        "",
        List.of(),
        warned,
        consistency,
        moves,
        names);
  }

  private static Template template(String name) throws IOException {
    try (InputStream in = RegionPageListsTest.class.getResourceAsStream("/pages/" + name)) {
      return QUTE.parse(
          new String(in.readAllBytes(), StandardCharsets.UTF_8),
          Variant.forContentType(Variant.TEXT_HTML));
    }
  }

  /** The page's methods (with their parameters) and its records' accessors, by reflection. */
  private static final class MethodsResolver implements ValueResolver {
    @Override
    public boolean appliesTo(EvalContext context) {
      Object base = context.getBase();
      return base != null
          && (base.getClass().getPackageName().startsWith("org.disclosurehub")
              || base instanceof Rule);
    }

    @Override
    public CompletionStage<Object> resolve(EvalContext context) {
      Object base = context.getBase();
      List<CompletableFuture<Object>> params = new ArrayList<>();
      context.getParams().forEach(p -> params.add(context.evaluate(p).toCompletableFuture()));
      try {
        for (Method method : base.getClass().getDeclaredMethods()) {
          if (method.getName().equals(context.getName())
              && method.getParameterCount() == params.size()) {
            method.setAccessible(true);
            Object[] args = new Object[params.size()];
            for (int i = 0; i < args.length; i++) {
              args[i] = params.get(i).join();
            }
            return CompletedStage.of(method.invoke(base, args));
          }
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      throw new IllegalStateException("no " + context.getName() + " on " + base.getClass());
    }
  }
}
