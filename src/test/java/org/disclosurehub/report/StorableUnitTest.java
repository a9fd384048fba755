package org.disclosurehub.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import org.disclosurehub.GeneratedReports;
import org.junit.jupiter.api.Test;

/**
 * What may be stored, without the service: amounts and dates as they are read, the bounds of cells
 * and computed totals, texts PostgreSQL keeps exactly, the years a report can be for. (The same is
 * tested through the API; these are what PIT mutates the package against.)
 */
class StorableUnitTest {
  private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

  @Test
  void shouldReadAmountsAsCanonicalDecimalsAndRefuseEverythingElse() throws Exception {
    assertThat(amount("\"12.50\"")).isEqualTo(new BigDecimal("12.5"));
    assertThat(amount("\"0.000\"")).isSameAs(BigDecimal.ZERO);
    assertThat(amount("\"-0.000001\"")).isEqualTo(new BigDecimal("-0.000001"));
    assertThat(amount("\"123456789012345\"")).isEqualTo(new BigDecimal("123456789012345"));
    assertThat(amount("\"1.1000000\""))
        .as("trailing zeros do not count")
        .isEqualTo(new BigDecimal("1.1"));
    for (String refused :
        List.of(
            "12.5",
            "\"1.0000001\"",
            "\" 12\"",
            "\"12 \"",
            "\"1e3\"",
            "\"+1\"",
            "\"1234567890123456\"",
            "\"1.\"",
            "\"0.0000000000000000000000000000001\"",
            "\"\"")) {
      assertThatThrownBy(() -> amount(refused))
          .as(refused)
          .isInstanceOf(JsonMappingException.class);
    }
    assertThat(Amounts.format(new BigDecimal("12.500"))).isEqualTo("12.5");
    assertThat(Amounts.format(new BigDecimal("0.00"))).isEqualTo("0");
    assertThat(Amounts.format(new BigDecimal("1E+3"))).isEqualTo("1000");
  }

  @Test
  void shouldReadOnlyRealCalendarDatesAndFitThemToTheYear() throws Exception {
    assertThat(date("\"2025-01-20\"")).isEqualTo(LocalDate.of(2025, 1, 20));
    for (String refused :
        List.of(
            "\"2025-02-30\"",
            "\"2025-1-20\"",
            "\"+2025-01-20\"",
            "\"2025-01-20T00:00\"",
            "20250120")) {
      assertThatThrownBy(() -> date(refused)).as(refused).isInstanceOf(JsonMappingException.class);
    }
    assertThat(PublicationDate.misfit(null, 2024, TODAY)).isEmpty();
    assertThat(PublicationDate.misfit(LocalDate.of(2024, 1, 1), 2024, TODAY)).isEmpty();
    assertThat(PublicationDate.misfit(TODAY, 2024, TODAY)).isEmpty();
    assertThat(PublicationDate.misfit(LocalDate.of(2023, 12, 31), 2024, TODAY))
        .contains("must not be before 2024-01-01: the report is on 2024");
    assertThat(PublicationDate.misfit(TODAY.plusDays(1), 2024, TODAY))
        .contains("must not be after today (2025-06-01, Beijing)");
  }

  @Test
  void shouldFindNothingInAValidReportAndEachFaultWhereItIs() {
    Report valid = read(GeneratedReports.valid(new Random(5), false));
    assertThat(Storable.findings(valid, 2024, TODAY)).isEmpty();

    ObjectNode json = GeneratedReports.valid(new Random(5), false);
    json.put("publishedOn", "2023-12-31");
    json.with("narrative")
        .put("overview", "a\u0000b")
        .put("problems", "x\ud800")
        .put("other", "\udc00");
    json.with("publishedItems")
        .with("byCategory")
        .put("\ud800", 1)
        .put("多", CellLimits.MAX_COUNT + 1);
    json.with("narrative").put("processingFeesAmount", "-0.000001");
    assertThat(Storable.findings(read(json), 2024, TODAY))
        .extracting(Storable.Finding::pointer)
        .containsExactlyInAnyOrder(
            "/narrative/processingFeesAmount",
            "/publishedOn",
            "/narrative/overview",
            "/narrative/problems",
            "/narrative/other",
            "/publishedItems/byCategory",
            "/publishedItems/byCategory/多");
  }

  @Test
  void shouldRefuseComputedTotalsOverTheMaximumButNotTheMaximumItself() {
    int half = CellLimits.MAX_COUNT / 2;
    ObjectNode json = GeneratedReports.valid(new Random(6), false);
    json.with("requests")
        .with("outcomes")
        .with("granted")
        .put("naturalPerson", CellLimits.MAX_COUNT)
        .put("commercialEnterprise", 1);
    json.with("reviews")
        .with("administrativeReview")
        .put("upheld", half)
        .put("corrected", half + 1)
        .put("other", 0)
        .put("pending", 0);
    json.with("reviews")
        .with("litigationDirect")
        .put("upheld", half)
        .put("corrected", half)
        .put("other", 0)
        .put("pending", 0);
    List<TotalsOverLimit.OverLimit> over = TotalsOverLimit.of(read(json));
    assertThat(over)
        .extracting(TotalsOverLimit.OverLimit::pointer)
        .containsExactlyInAnyOrder(
            "/requests/outcomes/granted/total",
            "/requests/outcomes/total/naturalPerson",
            "/requests/outcomes/total/total",
            "/reviews/administrativeReview/total");
    assertThat(over.get(0).message()).endsWith("is over the maximum of 100000000");
    assertThat(over.get(0).computed()).isGreaterThan(CellLimits.MAX_COUNT);
    assertThat(Storable.findings(read(json), 2024, TODAY))
        .extracting(Storable.Finding::pointer)
        .contains("/reviews/administrativeReview/total", "/requests/outcomes/total/naturalPerson");
    json.with("reviews").with("administrativeReview").put("total", CellLimits.MAX_COUNT + 1);
    assertThat(TotalsOverLimit.of(read(json)))
        .as("a stated total is bounded where it comes in, not here")
        .extracting(TotalsOverLimit.OverLimit::pointer)
        .doesNotContain("/reviews/administrativeReview/total");
    assertThat(CellLimits.saturated(Long.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
    assertThat(CellLimits.saturated(Long.MIN_VALUE)).isEqualTo(Integer.MIN_VALUE);
    assertThat(CellLimits.saturated(-7)).isEqualTo(-7);
  }

  @Test
  void shouldKnowTheYearsAReportCanBeForAndWhenEachIsDue() {
    Clock february1 = beijing("2025-02-01T00:00:00+08:00");
    Clock january31 = beijing("2025-01-31T23:59:00+08:00");
    assertThat(ReportYears.deadline(2024)).isEqualTo(LocalDate.of(2025, 1, 31));
    assertThat(ReportYears.lastDue(february1)).isEqualTo(2024);
    assertThat(ReportYears.lastDue(january31)).isEqualTo(2023);
    assertThat(ReportYears.last(january31)).isEqualTo(2025);
    assertThat(ReportYears.contains(2008, january31)).isTrue();
    assertThat(ReportYears.contains(2007, january31)).isFalse();
    assertThat(ReportYears.contains(2025, january31)).isTrue();
    assertThat(ReportYears.contains(2026, january31)).isFalse();
  }

  @Test
  void shouldKeepOnlyTextPostgresStoresExactly() {
    assertThat(Storable.text("中文 😀")).isTrue();
    assertThat(Storable.text("")).isTrue();
    assertThat(Storable.text("a\u0000")).isFalse();
    assertThat(Storable.text("\ud83d")).isFalse();
    assertThat(Storable.text("\ud83da")).isFalse();
    assertThat(Storable.text("\ude00")).isFalse();
  }

  private static Clock beijing(String instant) {
    return Clock.fixed(OffsetDateTime.parse(instant).toInstant(), ZoneId.of("Asia/Shanghai"));
  }

  private static BigDecimal amount(String json) throws Exception {
    return AccountingRulesPropertyTest.JSON
        .readValue("{\"feesAmount\":" + json + "}", FeesOnly.class)
        .feesAmount();
  }

  private static LocalDate date(String json) throws Exception {
    return AccountingRulesPropertyTest.JSON
        .readValue("{\"publishedOn\":" + json + "}", DateOnly.class)
        .publishedOn();
  }

  private static Report read(ObjectNode json) {
    return AccountingRulesPropertyTest.read(json);
  }

  record FeesOnly(
      @com.fasterxml.jackson.databind.annotation.JsonDeserialize(using = Amounts.Deserializer.class)
          BigDecimal feesAmount) {}

  record DateOnly(
      @com.fasterxml.jackson.databind.annotation.JsonDeserialize(
              using = PublicationDate.Deserializer.class)
          LocalDate publishedOn) {}
}
