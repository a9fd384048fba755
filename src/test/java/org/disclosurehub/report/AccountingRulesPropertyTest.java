package org.disclosurehub.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.disclosurehub.GeneratedReports;

/**
 * The accounting rules as properties, without the service (fast enough for thousands of reports,
 * and the tests PIT mutates the rules against): for any valid report of the national format, with
 * Tables 三 and 四 random and consistent, breaking any one cell by any amount breaks exactly the
 * blocking rules that {@link AccountingRules#rulesReading} says read it, each at a cell of the same
 * row or column, with expected and actual apart by exactly the change.
 */
class AccountingRulesPropertyTest {
  static final ObjectMapper JSON =
      new ObjectMapper()
          .findAndRegisterModules()
          .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private static final Set<Rule> BLOCKING =
      EnumSet.of(
          Rule.ROW_TOTAL, Rule.OUTCOME_TOTAL, Rule.BALANCE, Rule.REVIEW_TOTAL, Rule.NON_NEGATIVE);

  @Property(tries = 300)
  void shouldBreakExactlyTheRulesReadingTheBrokenCell(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 10_000) int which,
      @ForAll @IntRange(min = -1_000, max = 1_000) int change) {
    Report report = read(validReport(new Random(seed))).withComputedTotals();
    assertThat(AccountingRules.check(report)).as("the generated report is valid").isEmpty();
    if (change == 0) {
      return;
    }
    ObjectNode stored = JSON.valueToTree(report);
    List<ReportLayout.Cell> cells = ReportLayout.CELLS;
    ReportLayout.Cell cell = cells.get(which % cells.size());
    JsonNode before = stored.at(cell.pointer());
    BigDecimal was = new BigDecimal(before.asText());
    BigDecimal now = was.add(BigDecimal.valueOf(change));
    set(stored, cell.pointer(), cell.type() == ReportLayout.CellType.amount, now);

    List<RuleViolation> violations = AccountingRules.check(read(stored));

    Set<Rule> expected =
        AccountingRules.rulesReading(cell).stream()
            .filter(BLOCKING::contains)
            // A wrong row total of Table 三 is one fault, reported once, by ROW_TOTAL: the sums
            // down the total column (OUTCOME_TOTAL, BALANCE) skip it while a row total is wrong.
            .filter(
                rule ->
                    !rowTotalOfTable3(cell) || rule == Rule.ROW_TOTAL || rule == Rule.NON_NEGATIVE)
            .filter(rule -> rule != Rule.NON_NEGATIVE || now.signum() < 0)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Rule.class)));
    assertThat(violations.stream().map(RuleViolation::rule).collect(Collectors.toSet()))
        .as("%s changed by %d", cell.pointer(), change)
        .isEqualTo(expected);
    String row = cell.pointer().substring(0, cell.pointer().lastIndexOf('/'));
    String column = cell.pointer().substring(cell.pointer().lastIndexOf('/'));
    for (RuleViolation violation : violations) {
      if (violation.rule() == Rule.NON_NEGATIVE) {
        assertThat(violation.path()).isEqualTo(cell.pointer());
        assertThat(new BigDecimal(violation.actual())).isEqualByComparingTo(now);
        continue;
      }
      assertThat(violation.path().startsWith(row + "/") || violation.path().endsWith(column))
          .as("%s names a cell of the row or column of %s", violation, cell.pointer())
          .isTrue();
      assertThat(
              new BigDecimal(violation.expected())
                  .subtract(new BigDecimal(violation.actual()))
                  .abs())
          .as("%s after %s changed by %d", violation, cell.pointer(), change)
          .isEqualByComparingTo(BigDecimal.valueOf(Math.abs(change)));
    }
  }

  @Property(tries = 200)
  void shouldFindEveryNegativeCellAndNoOther(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 10_000) int which) {
    ObjectNode stored = JSON.valueToTree(read(validReport(new Random(seed))).withComputedTotals());
    ReportLayout.Cell cell = ReportLayout.CELLS.get(which % ReportLayout.CELLS.size());
    set(
        stored,
        cell.pointer(),
        cell.type() == ReportLayout.CellType.amount,
        BigDecimal.ONE.negate());
    List<RuleViolation> negative = AccountingRules.nonNegative(read(stored));
    assertThat(negative).extracting(RuleViolation::path).containsExactly(cell.pointer());
    assertThat(Storable.findings(read(stored), 2024, java.time.LocalDate.of(2025, 6, 1)))
        .extracting(Storable.Finding::pointer)
        .contains(cell.pointer());
  }

  private static boolean rowTotalOfTable3(ReportLayout.Cell cell) {
    return cell.pointer().startsWith("/requests/") && cell.pointer().endsWith("/total");
  }

  /**
   * A valid report of the national format, its totals left to {@link Report#withComputedTotals}.
   */
  static ObjectNode validReport(Random random) {
    return GeneratedReports.valid(random, false);
  }

  private static void set(ObjectNode report, String pointer, boolean amount, BigDecimal value) {
    int slash = pointer.lastIndexOf('/');
    ObjectNode parent = (ObjectNode) report.at(pointer.substring(0, slash));
    String field = pointer.substring(slash + 1);
    if (amount) {
      parent.put(field, value.toPlainString());
    } else {
      parent.put(field, value.longValueExact());
    }
  }

  static Report read(JsonNode json) {
    try {
      return JSON.treeToValue(json, Report.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
