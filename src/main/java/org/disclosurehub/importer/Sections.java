package org.disclosurehub.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The six sections of a report: found by their headings, or a table whose heading is misprinted by
 * its header cells and first row labels; the report ends where a site's navigation and footer
 * start.
 */
final class Sections {
  private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六"};
  private static final String[] HEADINGS = {
    "总体情况", "主动公开政府信息", "收到和处理", "行政复议", "存在的主要问题", "其他需要报告"
  };
  private static final String[] HEADING_TITLES = {
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项"
  };

  /** Site navigation and footers after the report. */
  private static final String[] FOOTER = {
    "版权所有",
    "copyright",
    "©",
    "主办单位",
    "承办单位",
    "icp备",
    "网站标识码",
    "公网安备",
    "网站地图",
    "联系我们",
    "技术支持",
    "打印本页",
    "关闭窗口",
    "【打印】",
    "[打印]",
    "【关闭】",
    "扫一扫",
    "分享到",
    "上一篇",
    "下一篇",
    "相关链接",
    "相关文章",
    "友情链接",
    "返回顶部"
  };

  final int[] headings = new int[6];

  /** The first row of each section: after its heading, or the row its table was found by. */
  final int[] begins = new int[6];

  private final List<Row> rows;
  private final ReadingSink sink;
  int reportEnd;

  /** The closing date and the signature above it: not part of section 六's prose. */
  final Set<Integer> signature = new java.util.HashSet<>();

  Sections(List<Row> rows, ReadingSink sink) {
    this.rows = rows;
    this.sink = sink;
    findHeadings();
  }

  boolean tablesFound() {
    return begins[1] >= 0 || begins[2] >= 0 || begins[3] >= 0;
  }

  private void findHeadings() {
    Arrays.fill(headings, -1);
    Arrays.fill(begins, -1);
    for (Row row : rows) {
      int k = headingOf(row.compact());
      if (k >= 0 && headings[k] < 0) {
        headings[k] = row.index();
        begins[k] = row.index() + 1;
      }
    }
    for (int k = 1; k <= 3; k++) {
      if (headings[k] < 0) {
        findTableByContent(k);
      }
    }
    int last = Math.max(Arrays.stream(headings).max().orElse(-1), lastBegin() - 1);
    reportEnd = rows.size();
    for (int i = Math.max(last + 1, 0); i < rows.size(); i++) {
      if (containsAny(rows.get(i).compact().toLowerCase(java.util.Locale.ROOT), FOOTER)) {
        reportEnd = i;
        break;
      }
    }
  }

  int lastBegin() {
    return Arrays.stream(begins).max().orElse(-1);
  }

  /**
   * A table whose heading was not recognised (a typo, a stray character, a missing number, other
   * punctuation) is found by its header cells or first row labels, after the table before it and
   * before the next section found. The line just before (or the line found, when it is no header)
   * that resembles the heading is taken as the heading, so that it ends the section before.
   */
  private void findTableByContent(int k) {
    int from = 0;
    for (int j = 0; j < k; j++) {
      from = Math.max(from, begins[j]);
    }
    int to = rows.size();
    for (int j = k + 1; j < headings.length; j++) {
      if (begins[j] >= 0) {
        to = Math.min(to, headings[j] >= 0 ? headings[j] : begins[j]);
      }
    }
    int anchor = -1;
    for (int i = from; i < to && anchor < 0; i++) {
      if (tableContent(k, rows.get(i))) {
        anchor = i;
      }
    }
    if (anchor < 0) {
      return;
    }
    int heading = -1;
    for (int i = anchor; i >= Math.max(from, anchor - 3) && heading < 0; i--) {
      if (resemblesHeading(k, rows.get(i))) {
        heading = i;
      }
    }
    headings[k] = heading;
    begins[k] = heading == anchor ? anchor + 1 : anchor;
    String note =
        "the heading of Table " + NUMERALS[k] + " (" + HEADING_TITLES[k] + ") was not recognised";
    if (heading >= 0) {
      Row line = rows.get(heading);
      note += ": " + where(line) + " reads '" + Text.shorten(line.source().raw(), 60) + "'";
    }
    int found = Math.min(begins[k], rows.size() - 1);
    sink.notes.add(
        note
            + "; the table was found by its header cells and row labels from "
            + where(rows.get(found)));
  }

  /** Whether a row is a header cell or a first row label of Table 二 (k = 1), 三 (2) or 四 (3). */
  private static boolean tableContent(int k, Row row) {
    String c = row.compact();
    return switch (k) {
      case 1 ->
          c.contains("第二十条第(一)项") || (c.contains("信息内容") && containsAny(c, Table2Reader.HEADER));
      case 2 ->
          c.contains("本列数据的勾稽关系")
              || c.contains("申请人情况")
              || (row.hasValues() && row.label().contains("本年新收政府信息公开申请"));
      case 3 ->
          (c.contains("行政复议") && c.contains("行政诉讼")) || (c.contains("结果维持") && c.contains("尚未审结"));
      default -> false;
    };
  }

  /**
   * Whether a short line without numbers reads like heading k despite a typo: most of the heading's
   * pairs of adjacent characters are in it (Dice coefficient of the bigrams at least 0.6), so that
   * a header such as "行政复议 行政诉讼" does not count.
   */
  private static boolean resemblesHeading(int k, Row row) {
    if (row.hasValues() || row.compact().length() > 40) {
      return false;
    }
    List<String> title = bigrams(Text.compact(Text.normalize(HEADING_TITLES[k])));
    List<String> line = bigrams(row.compact());
    List<String> unmatched = new ArrayList<>(title);
    int common = 0;
    for (String pair : line) {
      if (unmatched.remove(pair)) {
        common++;
      }
    }
    return 2.0 * common / (title.size() + line.size()) >= 0.6;
  }

  private static List<String> bigrams(String text) {
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i + 2 <= text.length(); i++) {
      pairs.add(text.substring(i, i + 2));
    }
    return pairs;
  }

  private String where(Row row) {
    return sink.where(row.source().number());
  }

  /** 0 for 一、总体情况 … 5 for 六、其他需要报告的事项; -1 for any other line. */
  static int headingOf(String compact) {
    if (compact.length() > 40) {
      return -1;
    }
    for (int k = 0; k < NUMERALS.length; k++) {
      if (numberedAs(compact, k) && compact.indexOf(HEADINGS[k]) > 0) {
        String rest = compact.substring(1);
        if (rest.startsWith(HEADINGS[k].substring(0, 1))
            || "、.,:".indexOf(rest.charAt(0)) >= 0
            || rest.startsWith(" ")) {
          return k;
        }
      }
    }
    return -1;
  }

  /**
   * Whether a heading is numbered as section k: by its own numeral, or for the last two sections by
   * the next one, as printed when the agency inserted a section of its own before them (a table of
   * 信息处理费 as 五, the problems as 六).
   */
  private static boolean numberedAs(String compact, int k) {
    return compact.startsWith(NUMERALS[k])
        || (k >= 4 && compact.startsWith(k == 4 ? NUMERALS[5] : EXTRA_NUMERAL));
  }

  private static final String EXTRA_NUMERAL = "七";

  /**
   * Where section k's heading stands in a text run together (start and end), numbered as {@link
   * #numberedAs} allows and worded freely after its key words ("六、存在的主要问题和改进情况"); null when none is
   * found. Only for the last two sections, whose exact titles are looked for first.
   */
  static int[] renumberedHeading(String text, int k, int from) {
    if (k < 4) {
      return null;
    }
    for (int i = text.indexOf(HEADINGS[k], from); i >= 2; i = text.indexOf(HEADINGS[k], i + 1)) {
      if (text.charAt(i - 1) == '、' && numberedAs(text.substring(i - 2, i - 1), k)) {
        int words = i + HEADINGS[k].length();
        int end = words;
        for (String close : new String[] {"情况", "事项"}) {
          int at = text.indexOf(close, words);
          if (at >= 0 && at - words <= 8 && (end == words || at + close.length() < end)) {
            end = at + close.length();
          }
        }
        return new int[] {i - 2, end};
      }
    }
    return null;
  }

  /** A numbered heading of any title ("五、信息处理费收取情况"), as a section of the agency's own. */
  private static boolean numberedHeading(Row row) {
    String c = row.compact();
    return c.length() > 1 && "五六七八".indexOf(c.charAt(0)) >= 0 && "、.".indexOf(c.charAt(1)) >= 0;
  }

  /**
   * The rows of a section: after its heading (or from the row its table was found by), up to the
   * next section's heading or the end of the report. Table 四 also ends at a numbered heading of any
   * title, a section the agency added after it.
   */
  List<Row> sectionRows(int k) {
    if (begins[k] < 0) {
      return List.of();
    }
    int start = begins[k];
    int end = reportEnd;
    for (int j = 0; j < begins.length; j++) {
      if (j != k && begins[j] > start) {
        end = Math.min(end, headings[j] >= 0 ? headings[j] : begins[j]);
      }
    }
    for (int i = start; k == 3 && i < end; i++) {
      if (numberedHeading(rows.get(i))) {
        end = i;
      }
    }
    return start >= end ? List.of() : rows.subList(start, end);
  }

  String section(int k) {
    String text =
        sectionRows(k).stream()
            .filter(r -> !signature.contains(r.index()))
            .map(r -> r.source().raw().strip())
            .collect(Collectors.joining("\n"));
    return text.isEmpty() ? null : text;
  }

  private static boolean containsAny(String text, String[] words) {
    return Text.containsAny(text, words);
  }

  static String headingTitle(int k) {
    return HEADING_TITLES[k];
  }
}
