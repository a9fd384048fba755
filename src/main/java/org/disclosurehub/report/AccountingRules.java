package org.disclosurehub.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.disclosurehub.report.ReportLayout.RequestRow;
import org.disclosurehub.report.ReportLayout.ReviewRow;

/**
 * The accounting rules of the national format (勾稽关系), one method per rule, in the order of
 * DESIGN.md. The methods expect a report whose omitted totals are computed ({@link
 * Report#withComputedTotals()}); each returns every cell that breaks it.
 */
public final class AccountingRules {

  private AccountingRules() {}

  /** The blocking rules: a report breaking any of them is refused unless accepted as published. */
  public static List<RuleViolation> check(Report report) {
    List<RuleViolation> found = new ArrayList<>();
    found.addAll(rowTotal(report));
    found.addAll(outcomeTotal(report));
    found.addAll(balance(report));
    found.addAll(reviewTotal(report));
    found.addAll(nonNegative(report));
    return found;
  }

  /** The cross-year rules, which only warn: the neighbouring year may be the wrong one. */
  public static List<RuleViolation> crossYear(Report report, YearEnd previousYear) {
    List<RuleViolation> found = new ArrayList<>();
    found.addAll(carryOver(report, previousYear));
    found.addAll(inForce(report, previousYear));
    return found;
  }

  /**
   * The rules that read a cell, in the order of {@link Rule}: what the report layout (and so a
   * client) learns about a cell. Kept next to the rules so that a new rule says here what it reads.
   */
  public static List<Rule> rulesReading(ReportLayout.Cell cell) {
    String pointer = cell.pointer();
    List<Rule> rules = new ArrayList<>();
    if (pointer.startsWith("/requests/")) {
      rules.add(Rule.ROW_TOTAL);
    }
    if (pointer.startsWith("/requests/outcomes/")) {
      rules.add(Rule.OUTCOME_TOTAL);
    }
    if (inRow(pointer, ReportLayout.NEWLY_RECEIVED)
        || inRow(pointer, ReportLayout.CARRIED_OVER)
        || inRow(pointer, ReportLayout.OUTCOMES_TOTAL)
        || inRow(pointer, ReportLayout.CARRIED_FORWARD)) {
      rules.add(Rule.BALANCE);
    }
    if (pointer.startsWith("/reviews/")) {
      rules.add(Rule.REVIEW_TOTAL);
    }
    if (!cell.signed()) {
      rules.add(Rule.NON_NEGATIVE);
    }
    // CARRY_OVER compares this year's 上年结转 with the previous year's 结转下年度.
    if (inRow(pointer, ReportLayout.CARRIED_OVER) || inRow(pointer, ReportLayout.CARRIED_FORWARD)) {
      rules.add(Rule.CARRY_OVER);
    }
    if (pointer.startsWith("/activeDisclosure/regulations/")
        || pointer.startsWith("/activeDisclosure/normativeDocuments/")) {
      rules.add(Rule.IN_FORCE);
    }
    return rules;
  }

  private static boolean inRow(String pointer, RequestRow row) {
    return pointer.startsWith(row.pointer() + "/");
  }

  /** ROW_TOTAL: in every row of Table 三, 总计 = the sum of the six applicant columns. */
  static List<RuleViolation> rowTotal(Report report) {
    List<RuleViolation> found = new ArrayList<>();
    for (RequestRow row : ReportLayout.REQUEST_ROWS) {
      ApplicantRow values = row.of(report);
      expectEqual(
          found,
          Rule.ROW_TOTAL,
          row.pointer() + "/total",
          values.applicantSum(),
          values.total(),
          row.label() + " · 总计 must equal the sum of its six applicant columns");
    }
    return found;
  }

  /**
   * OUTCOME_TOTAL: 三(七) 总计 = 三(一) + … + 三(六), column by column. The 总计 column is judged only where
   * every row it adds up states a total that holds (see {@link #totalsHold}).
   */
  static List<RuleViolation> outcomeTotal(Report report) {
    List<RuleViolation> found = new ArrayList<>();
    ApplicantRow sum = report.requests().outcomes().sumOfRows();
    ApplicantRow stated = report.requests().outcomes().total();
    boolean totalsHold =
        totalHolds(stated)
            && ReportLayout.OUTCOME_ROWS.stream().allMatch(row -> totalHolds(row.of(report)));
    for (ApplicantRow.Column column : ApplicantRow.COLUMNS) {
      if (column.key().equals("total") && !totalsHold) {
        continue;
      }
      expectEqual(
          found,
          Rule.OUTCOME_TOTAL,
          ReportLayout.OUTCOMES_TOTAL.pointer() + "/" + column.key(),
          column.value().apply(sum),
          column.value().apply(stated),
          "三(七) 总计 · " + column.label() + " must equal the sum of rows 三(一) to 三(六)");
    }
    return found;
  }

  /**
   * BALANCE: 一 + 二 = 三(七) + 四, column by column (第一项加第二项之和，等于第三项加第四项之和). Reported at 四、结转下年度继续办理,
   * the one term the other three determine.
   */
  static List<RuleViolation> balance(Report report) {
    List<RuleViolation> found = new ArrayList<>();
    boolean totalsHold =
        Stream.of(
                ReportLayout.NEWLY_RECEIVED,
                ReportLayout.CARRIED_OVER,
                ReportLayout.OUTCOMES_TOTAL,
                ReportLayout.CARRIED_FORWARD)
            .allMatch(row -> totalHolds(row.of(report)));
    for (ApplicantRow.Column column : ApplicantRow.COLUMNS) {
      if (column.key().equals("total") && !totalsHold) {
        continue;
      }
      long received = cell(report, ReportLayout.NEWLY_RECEIVED, column);
      long carriedOver = cell(report, ReportLayout.CARRIED_OVER, column);
      long handled = cell(report, ReportLayout.OUTCOMES_TOTAL, column);
      expectEqual(
          found,
          Rule.BALANCE,
          ReportLayout.CARRIED_FORWARD.pointer() + "/" + column.key(),
          received + carriedOver - handled,
          cell(report, ReportLayout.CARRIED_FORWARD, column),
          "四、结转下年度继续办理 · " + column.label() + " must equal 一 + 二 − 三(七) (第一项加第二项之和，等于第三项加第四项之和)");
    }
    return found;
  }

  /** REVIEW_TOTAL: in each block of Table 四, 总计 = 维持 + 纠正 + 其他 + 尚未审结. */
  static List<RuleViolation> reviewTotal(Report report) {
    List<RuleViolation> found = new ArrayList<>();
    for (ReviewRow block : ReportLayout.REVIEW_BLOCKS) {
      ReviewBlock values = block.of(report);
      expectEqual(
          found,
          Rule.REVIEW_TOTAL,
          block.pointer() + "/total",
          values.resultSum(),
          values.total(),
          block.label() + " · 总计 must equal 结果维持 + 结果纠正 + 其他结果 + 尚未审结");
    }
    return found;
  }

  /** NON_NEGATIVE: no count and no amount is below zero, but for 本年增/减 of the 2019 format. */
  static List<RuleViolation> nonNegative(Report report) {
    List<RuleViolation> found = new ArrayList<>();
    for (ReportLayout.Cell cell : ReportLayout.cellsOf(report)) {
      if (!cell.signed()) {
        expectNonNegative(found, cell.pointer(), cell.label(), cell.value().apply(report));
      }
    }
    if (report.publishedItems() != null) {
      expectNonNegative(
          found, "/publishedItems/total", "主动公开政府信息 条数", report.publishedItems().total());
      Map<String, Integer> byCategory = report.publishedItems().byCategory();
      if (byCategory != null) {
        byCategory.forEach(
            (category, count) ->
                expectNonNegative(
                    found,
                    "/publishedItems/byCategory/" + JsonPointer.escape(category),
                    category,
                    count));
      }
    }
    if (report.narrative() != null) {
      expectNonNegative(
          found,
          "/narrative/processingFeesAmount",
          "信息处理费（万元）",
          report.narrative().processingFeesAmount());
    }
    return found;
  }

  /**
   * CARRY_OVER: 二、上年结转 of year N = 四、结转下年度 of year N−1, column by column; Table 三 has these rows in
   * both formats, so it holds across the change from the 2019 to the 2021 format too.
   */
  static List<RuleViolation> carryOver(Report report, YearEnd previousYear) {
    return carryOver(ReportLayout.CARRIED_OVER.of(report), previousYear.carriedForward());
  }

  /**
   * CARRY_OVER on the two rows it compares: 二、上年结转 of a year against 四、结转下年度 of the year before.
   * Roll-ups use it on the stored cells of neighbouring years.
   */
  public static List<RuleViolation> carryOver(
      ApplicantRow carriedOver, ApplicantRow previousCarriedForward) {
    List<RuleViolation> found = new ArrayList<>();
    for (ApplicantRow.Column column : ApplicantRow.COLUMNS) {
      expectEqual(
          found,
          Rule.CARRY_OVER,
          ReportLayout.CARRIED_OVER.pointer() + "/" + column.key(),
          column.value().apply(previousCarriedForward),
          column.value().apply(carriedOver),
          "二、上年结转 · " + column.label() + " should equal 四、结转下年度继续办理 of the previous year's report");
    }
    return found;
  }

  /**
   * IN_FORCE: 现行有效件数 of year N = that of year N−1 + 本年制发 − 本年废止. Only between two reports of the
   * 2021 format: the 2019 format counts no documents in force.
   */
  static List<RuleViolation> inForce(Report report, YearEnd previousYear) {
    List<RuleViolation> found = new ArrayList<>();
    if (report.activeDisclosure() == null
        || previousYear.regulationsInForce() == null
        || previousYear.normativeDocumentsInForce() == null) {
      return found;
    }
    expectInForce(
        found,
        "regulations",
        "规章",
        report.activeDisclosure().regulations(),
        previousYear.regulationsInForce());
    expectInForce(
        found,
        "normativeDocuments",
        "行政规范性文件",
        report.activeDisclosure().normativeDocuments(),
        previousYear.normativeDocumentsInForce());
    return found;
  }

  private static void expectInForce(
      List<RuleViolation> found,
      String key,
      String label,
      DocumentCounts current,
      int previousInForce) {
    expectEqual(
        found,
        Rule.IN_FORCE,
        "/activeDisclosure/" + key + "/inForce",
        (long) previousInForce + current.issued() - current.repealed(),
        current.inForce(),
        label + " 现行有效件数 should equal the previous year's + 本年制发件数 − 本年废止件数");
  }

  /**
   * Whether a row's stated 总计 equals its six applicant columns (ROW_TOTAL holds). Where it does
   * not, OUTCOME_TOTAL and BALANCE judge the 总计 column with the rows' computed sums instead; with
   * those the 总计 column is the sum of the six applicant columns' equations, so it can only break
   * where an applicant column breaks, and that is reported there. The 总计 column is then left to
   * ROW_TOTAL: one wrong 总计 gives one finding, at the cell that is wrong.
   */
  private static boolean totalHolds(ApplicantRow row) {
    return row.total() == null || row.total().intValue() == row.applicantSum();
  }

  private static int cell(Report report, RequestRow row, ApplicantRow.Column column) {
    return column.value().apply(row.of(report));
  }

  private static void expectEqual(
      List<RuleViolation> found,
      Rule rule,
      String path,
      long expected,
      long actual,
      String message) {
    if (expected != actual) {
      found.add(
          new RuleViolation(rule, path, Long.toString(expected), Long.toString(actual), message));
    }
  }

  private static void expectNonNegative(
      List<RuleViolation> found, String path, String label, Number value) {
    boolean negative =
        value instanceof BigDecimal amount
            ? amount.signum() < 0
            : value != null && value.longValue() < 0;
    if (negative) {
      found.add(
          new RuleViolation(
              Rule.NON_NEGATIVE,
              path,
              ">= 0",
              value instanceof BigDecimal amount ? Amounts.format(amount) : value.toString(),
              label + " cannot be negative"));
    }
  }
}
