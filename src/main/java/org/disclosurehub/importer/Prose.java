package org.disclosurehub.importer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.disclosurehub.text.ChineseText;

/**
 * The prose a report states besides its tables: the year of its title, its date, section 一's total.
 */
final class Prose {
  /** What may stand between 主动公开 and the number of items in section 一's one clear total. */
  private static final Set<String> TOTAL_PHRASES =
      Set.of("", "政府信息", "信息", "各类信息", "各类政府信息", "政务信息", "政府信息公开");

  private final List<Row> rows;
  private final Sections sections;
  private final ReadingSink sink;
  private final int[] headings;

  Prose(List<Row> rows, Sections sections, ReadingSink sink) {
    this.rows = rows;
    this.sections = sections;
    this.sink = sink;
    this.headings = sections.headings;
  }

  /**
   * The year of the report from its title ("2024 年政府信息公开工作年度报告", "2024年度XX局政府信息公开工作年度报告"): the
   * title nearest before section 一, so that links to other years' reports in a page's navigation do
   * not count. Answers {year, line}.
   */
  int[] titleYear() {
    int first = rows.size();
    for (int k = 0; k < headings.length; k++) {
      int start = headings[k] >= 0 ? headings[k] : sections.begins[k];
      if (start >= 0 && start < first) {
        first = start;
      }
    }
    for (int i = first - 1; i >= 0; i--) {
      Integer year = titleYear(rows.get(i).compact());
      if (year != null) {
        return new int[] {year, rows.get(i).source().number()};
      }
    }
    return null;
  }

  static Integer titleYear(String compact) {
    int from = 0;
    int i;
    while ((i = compact.indexOf("政府信息公开", from)) >= 0) {
      String after = compact.substring(i, Math.min(compact.length(), i + 20));
      if (after.contains("年度报告") || after.contains("年报")) {
        String before = compact.substring(Math.max(0, i - 40), i);
        for (int j = before.length() - 5; j >= 0; j--) {
          if (before.charAt(j + 4) == '年'
              && digits(before, j, j + 4)
              && (j == 0 || !Character.isDigit(before.charAt(j - 1)))) {
            int year = Integer.parseInt(before.substring(j, j + 4));
            if (year >= 2000 && year <= 2100) {
              return year;
            }
          }
        }
      }
      from = i + 1;
    }
    return null;
  }

  private static boolean digits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** The date the report ends with ("2025年1月20日", "二〇二五年一月二十日", "2025-01-20"), if any. */
  LocalDate publishedOn() {
    int last = Math.max(Arrays.stream(headings).max().orElse(-1), sections.lastBegin() - 1);
    if (last < 0 || sections.reportEnd - 1 <= last) {
      return null;
    }
    Row row = rows.get(sections.reportEnd - 1);
    int[] ymd = ChineseText.date(row.compact());
    if (ymd == null) {
      return null;
    }
    try {
      LocalDate date = LocalDate.of(ymd[0], ymd[1], ymd[2]);
      sections.signature.add(row.index());
      if (sections.reportEnd - 2 > last) {
        Row before = rows.get(sections.reportEnd - 2);
        if (before.compact().length() <= 30 && !before.compact().contains("。")) {
          sections.signature.add(before.index());
        }
      }
      sink.provenance.put("/publishedOn", row.source().number());
      return date;
    } catch (DateTimeException e) {
      sink.unparsed(row, "the report ends with a date that does not exist", "/publishedOn");
      return null;
    }
  }

  /** 主动公开政府信息 117 条 in section 一, when it states exactly one such total. */
  Integer publishedItemsTotal() {
    Map<Integer, Row> totals = new LinkedHashMap<>();
    for (Row row : sections.sectionRows(0)) {
      String c = row.compact();
      int from = 0;
      int i;
      while ((i = c.indexOf("主动公开", from)) >= 0) {
        from = i + 1;
        int digit = i + 4;
        while (digit < c.length() && digit < i + 16 && !Character.isDigit(c.charAt(digit))) {
          digit++;
        }
        if (digit >= c.length() || !Character.isDigit(c.charAt(digit))) {
          continue;
        }
        String between = c.substring(i + 4, digit);
        if (between.endsWith("共")) {
          between = between.substring(0, between.length() - 1);
        }
        if (!TOTAL_PHRASES.contains(between)) {
          continue;
        }
        int end = digit;
        while (end < c.length() && (Character.isDigit(c.charAt(end)) || c.charAt(end) == ',')) {
          end++;
        }
        if (end < c.length() && c.charAt(end) == '条') {
          Integer count = Text.count(c.substring(digit, end));
          if (count != null) {
            totals.putIfAbsent(count, row);
          }
        }
      }
    }
    if (totals.size() == 1) {
      var only = totals.entrySet().iterator().next();
      sink.provenance.put("/publishedItems/total", only.getValue().source().number());
      return only.getKey();
    }
    if (totals.size() > 1) {
      Row second = new ArrayList<>(totals.values()).get(1);
      sink.unparsed(
          second,
          "section 一 states more than one total of 主动公开政府信息 ("
              + totals.keySet().stream().map(String::valueOf).collect(Collectors.joining(", "))
              + "); none is taken",
          "/publishedItems/total");
    }
    return null;
  }
}
