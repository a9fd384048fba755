package org.disclosurehub.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CARRY_OVER and IN_FORCE between two years, without the service, on 中卫市自然资源局 2024 (every cell of
 * its Tables 二 and 三 non-zero) and 中卫市市场监管局 2020 (the trial format): each finding's rule, pointer,
 * expected, actual and message.
 */
class CrossYearRulesUnitTest {
  static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  /** 2024's 上年结转 is (4, 1, 0, 0, 0, 0; 5); regulations 0/0/2, normative documents 5/2/37. */
  private final Report report = ReportFixtures.naturalResources2024();

  /** The year end that 2024 follows exactly: 2 regulations and 37 − 5 + 2 = 34 documents. */
  private final YearEnd matching = new YearEnd(ApplicantRow.of(4, 1, 0, 0, 0, 0, 5), 2, 34);

  @Test
  void shouldFindNothingAfterTheYearItFollows() {
    assertThat(AccountingRules.crossYear(report, matching)).isEmpty();
  }

  @Test
  void shouldFindEachCarriedOverCellThatDiffersFromLastYearsCarriedForward() {
    YearEnd previous = new YearEnd(ApplicantRow.of(4, 3, 0, 0, 0, 1, 8), 2, 34);

    assertThat(AccountingRules.crossYear(report, previous))
        .extracting(
            RuleViolation::rule,
            RuleViolation::path,
            RuleViolation::expected,
            RuleViolation::actual,
            RuleViolation::message)
        .containsExactly(
            tuple(
                Rule.CARRY_OVER,
                "/requests/carriedOver/commercialEnterprise",
                "3",
                "1",
                "二、上年结转 · 商业企业 should equal 四、结转下年度继续办理 of the previous year's report"),
            tuple(
                Rule.CARRY_OVER,
                "/requests/carriedOver/otherOrganization",
                "1",
                "0",
                "二、上年结转 · 其他 should equal 四、结转下年度继续办理 of the previous year's report"),
            tuple(
                Rule.CARRY_OVER,
                "/requests/carriedOver/total",
                "8",
                "5",
                "二、上年结转 · 总计 should equal 四、结转下年度继续办理 of the previous year's report"));
  }

  @Test
  void shouldFindDocumentsInForceThatDoNotFollowFromLastYears() {
    // 3 regulations last year, none issued or repealed: 3 expected, 2 stated; 30 documents, 5
    // issued, 2 repealed: 33 expected, 37 stated.
    YearEnd previous = new YearEnd(matching.carriedForward(), 3, 30);

    assertThat(AccountingRules.crossYear(report, previous))
        .extracting(
            RuleViolation::rule,
            RuleViolation::path,
            RuleViolation::expected,
            RuleViolation::actual,
            RuleViolation::message)
        .containsExactly(
            tuple(
                Rule.IN_FORCE,
                "/activeDisclosure/regulations/inForce",
                "3",
                "2",
                "规章 现行有效件数 should equal the previous year's + 本年制发件数 − 本年废止件数"),
            tuple(
                Rule.IN_FORCE,
                "/activeDisclosure/normativeDocuments/inForce",
                "33",
                "37",
                "行政规范性文件 现行有效件数 should equal the previous year's + 本年制发件数 − 本年废止件数"));
  }

  @Test
  void shouldAddIssuedAndSubtractRepealed() {
    // One off in either direction, at the boundary of the arithmetic: 35 and 33 before.
    assertThat(AccountingRules.crossYear(report, new YearEnd(matching.carriedForward(), 2, 35)))
        .extracting(RuleViolation::expected, RuleViolation::actual)
        .containsExactly(tuple("38", "37"));
    assertThat(AccountingRules.crossYear(report, new YearEnd(matching.carriedForward(), 2, 33)))
        .extracting(RuleViolation::expected, RuleViolation::actual)
        .containsExactly(tuple("36", "37"));
    assertThat(AccountingRules.crossYear(report, new YearEnd(matching.carriedForward(), 1, 34)))
        .extracting(RuleViolation::path, RuleViolation::expected)
        .containsExactly(tuple("/activeDisclosure/regulations/inForce", "1"));
  }

  @Test
  void shouldNotCountDocumentsInForceAgainstATrialFormatYear() {
    // A 2019-format year counts no documents in force: either missing count leaves IN_FORCE out,
    // while CARRY_OVER still compares the requests.
    YearEnd noRegulations = new YearEnd(ApplicantRow.of(4, 1, 0, 0, 0, 0, 6), null, 1);
    YearEnd noDocuments = new YearEnd(ApplicantRow.of(4, 1, 0, 0, 0, 0, 5), 1, null);

    assertThat(AccountingRules.crossYear(report, noRegulations))
        .extracting(RuleViolation::rule, RuleViolation::path)
        .containsExactly(tuple(Rule.CARRY_OVER, "/requests/carriedOver/total"));
    assertThat(AccountingRules.crossYear(report, noDocuments)).isEmpty();
  }

  @Test
  void shouldNotCountDocumentsInForceInATrialFormatReport() {
    Report trial = trial2020();
    YearEnd previous = new YearEnd(trial.requests().carriedOver(), 1, 1);

    assertThat(AccountingRules.crossYear(trial, previous)).isEmpty();
    assertThat(YearEnd.of(trial))
        .isEqualTo(new YearEnd(trial.requests().carriedForward(), null, null));
  }

  @Test
  void shouldHandOnTheCarriedForwardRowAndTheDocumentsInForce() {
    assertThat(YearEnd.of(report))
        .isEqualTo(new YearEnd(report.requests().carriedForward(), 2, 37));
    // A year followed by a copy of itself with 上年结转 = its 结转下年度 and nothing issued or repealed.
    Report next = nextYearOf2024();
    assertThat(AccountingRules.crossYear(next, YearEnd.of(report))).isEmpty();
  }

  @Test
  void shouldCompareRowsAsRollUpsDo() {
    ApplicantRow carriedOver = ApplicantRow.of(1, 2, 3, 4, 5, 6, 21);

    assertThat(AccountingRules.carryOver(carriedOver, carriedOver)).isEmpty();
    assertThat(AccountingRules.carryOver(carriedOver, ApplicantRow.of(1, 2, 3, 4, 5, 7, 22)))
        .extracting(RuleViolation::path, RuleViolation::expected, RuleViolation::actual)
        .containsExactly(
            tuple("/requests/carriedOver/otherOrganization", "7", "6"),
            tuple("/requests/carriedOver/total", "22", "21"));
  }

  @Test
  void shouldNameEveryNegativeCountAndAmountAsStated() {
    ObjectNode json = json("/reports/natural-resources-2024.json");
    json.with("activeDisclosure").put("feesAmount", "-0.00001");
    json.with("activeDisclosure").with("regulations").put("issued", -1);
    json.putObject("publishedItems")
        .put("total", -3)
        .putObject("byCategory")
        .put("政策/解读", -2)
        .put("通知", 4);
    json.putObject("narrative").put("processingFeesAmount", "-1.5");

    List<RuleViolation> found = AccountingRules.nonNegative(read(json));

    assertThat(found)
        .extracting(
            RuleViolation::rule,
            RuleViolation::path,
            RuleViolation::expected,
            RuleViolation::actual,
            RuleViolation::message)
        .contains(
            tuple(
                Rule.NON_NEGATIVE,
                "/activeDisclosure/feesAmount",
                ">= 0",
                "-0.00001",
                "行政事业性收费 · 本年收费金额（万元） cannot be negative"),
            tuple(
                Rule.NON_NEGATIVE,
                "/publishedItems/total",
                ">= 0",
                "-3",
                "主动公开政府信息 条数 cannot be negative"),
            tuple(
                Rule.NON_NEGATIVE,
                "/publishedItems/byCategory/政策~1解读",
                ">= 0",
                "-2",
                "政策/解读 cannot be negative"),
            tuple(
                Rule.NON_NEGATIVE,
                "/narrative/processingFeesAmount",
                ">= 0",
                "-1.5",
                "信息处理费（万元） cannot be negative"));
    assertThat(found)
        .extracting(RuleViolation::path)
        .contains("/activeDisclosure/regulations/issued")
        .doesNotContain("/publishedItems/byCategory/通知")
        .hasSize(5);
    assertThat(AccountingRules.nonNegative(report)).isEmpty();
  }

  /** The fixture a year on: 上年结转 its 结转下年度, no document issued or repealed. */
  private static Report nextYearOf2024() {
    ObjectNode json = json("/reports/natural-resources-2024.json");
    ObjectNode requests = (ObjectNode) json.get("requests");
    requests.set("carriedOver", requests.get("carriedForward").deepCopy());
    for (String documents : List.of("regulations", "normativeDocuments")) {
      ((ObjectNode) json.at("/activeDisclosure/" + documents)).put("issued", 0).put("repealed", 0);
    }
    return read(json);
  }

  static Report trial2020() {
    return ReportFixtures.read("/reports/market-regulation-2020-trial.json");
  }

  static ObjectNode json(String resource) {
    try (InputStream in = CrossYearRulesUnitTest.class.getResourceAsStream(resource)) {
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Report read(ObjectNode json) {
    return readAsSent(json).withComputedTotals();
  }

  /** As the service reads a request's body, before it fills in the totals. */
  static Report readAsSent(ObjectNode json) {
    try {
      return JSON.treeToValue(json, Report.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
