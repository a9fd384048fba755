package org.disclosurehub.importer;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.disclosurehub.report.Amounts;
import org.disclosurehub.report.ApplicantRow;
import org.disclosurehub.report.Procurement2019;
import org.disclosurehub.report.ReportLayout;
import org.disclosurehub.report.ReviewBlock;

/**
 * Reads a published report from its lines: finds the sections by their headings, recognises the
 * rows of Tables 二, 三 and 四 by their labels, and reads their cells in the fixed column order of the
 * national format. A row it recognises but cannot read unambiguously is reported, never guessed.
 * Every step is one pass over the lines.
 */
final class ReportReader {
  /** At most this many unparsed lines are listed; a garbage input must not flood the answer. */
  static final int MAX_UNPARSED = 1000;

  /** Longer lines are not read as table rows (the longest row of the form has some 200). */
  static final int MAX_ROW_LENGTH = 4000;

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

  /** Rows of Table 二 by a phrase of their label; the later a phrase stands, the more it says. */
  private static final List<Phrase> TABLE_2 =
      List.of(
          new Phrase("regulations", "规章"),
          new Phrase("normativeDocuments", "规范性文件"),
          new Phrase("licensing", "行政许可"),
          new Phrase("penalties", "行政处罚"),
          new Phrase("compulsoryMeasures", "行政强制"),
          new Phrase("feesAmount", "收费"));

  /** Rows of Table 三 by a phrase of their label (keys as in {@link ReportLayout#REQUEST_ROWS}). */
  private static final List<Phrase> TABLE_3 =
      List.of(
          new Phrase("newlyReceived", "本年新收"),
          new Phrase("carriedOver", "上年结转"),
          new Phrase("outcomes/granted", "予以公开"),
          new Phrase("outcomes/partiallyGranted", "部分公开"),
          new Phrase("outcomes/denied/stateSecret", "国家秘密"),
          new Phrase("outcomes/denied/prohibitedByLaw", "法律行政法规禁止公开"),
          new Phrase("outcomes/denied/endangersSecurityOrStability", "三安全一稳定"),
          new Phrase("outcomes/denied/thirdPartyRights", "第三方合法权益"),
          new Phrase("outcomes/denied/internalAffairs", "三类内部事务"),
          new Phrase("outcomes/denied/processInformation", "四类过程性"),
          new Phrase("outcomes/denied/lawEnforcementFiles", "行政执法案卷"),
          new Phrase("outcomes/denied/administrativeQuery", "行政查询事项"),
          new Phrase("outcomes/unableToProvide/notHeld", "不掌握"),
          new Phrase("outcomes/unableToProvide/requiresCreation", "另行制作"),
          new Phrase("outcomes/unableToProvide/unclearAfterCorrection", "补正后申请内容仍不明确"),
          new Phrase("outcomes/notProcessed/complaintOrPetition", "信访举报投诉"),
          new Phrase("outcomes/notProcessed/repeated", "重复申请"),
          new Phrase("outcomes/notProcessed/publication", "公开出版物"),
          new Phrase("outcomes/notProcessed/excessive", "大量反复申请"),
          new Phrase("outcomes/notProcessed/confirmation", "重新出具"),
          new Phrase("outcomes/otherHandling/overdueCorrection", "逾期不补正"),
          new Phrase("outcomes/otherHandling/overdueFee", "缴纳费用"),
          new Phrase("carriedForward", "结转下年度"));

  /** Rows of Table 二 of the 2019 trial format (keys under {@code /activeDisclosure2019}). */
  private static final List<Phrase> TABLE_2_OF_2019 =
      List.of(
          new Phrase("regulations", "规章"),
          new Phrase("normativeDocuments", "规范性文件"),
          new Phrase("licensing", "行政许可"),
          new Phrase("otherManagementServices", "对外管理服务"),
          new Phrase("penalties", "行政处罚"),
          new Phrase("compulsoryMeasures", "行政强制"),
          new Phrase("fees", "收费"),
          new Phrase("procurement", "采购"));

  private static final String OTHER_HANDLING_2019 = "otherHandling2019";

  /** Words of the column headers of Table 三: a line with one of them starts a new label. */
  private static final String[] TABLE_3_HEADER = {"申请人情况", "自然人", "商业企业", "法人或其他组织", "科研机构"};

  /** Header cells of Table 二 (2021 and 2019 formats), on the line of 信息内容. */
  private static final String[] TABLE_2_HEADER = {
    "本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额", "本年新制作数量", "上一年项目数量"
  };

  /** Table 二 of the 2019 trial format has these columns, which the 2021 cells do not have. */
  private static final String[] TABLE_2_2019 = {
    "新制作", "新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "采购项目数量"
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

  /** What may stand between 主动公开 and the number of items in section 一's one clear total. */
  private static final Set<String> TOTAL_PHRASES =
      Set.of("", "政府信息", "信息", "各类信息", "各类政府信息", "政务信息", "政府信息公开");

  private record Phrase(String key, String text) {}

  private record Token(String text, int line) {}

  /** A line, normalised: its label (without white space) and the numbers it ends with. */
  private record Row(
      int index, SourceLine source, String compact, String label, List<Token> values) {
    boolean hasValues() {
      return !values.isEmpty();
    }
  }

  private final List<Row> rows = new ArrayList<>();
  private final int[] headings = new int[6];

  /** The first row of each section: after its heading, or the row its table was found by. */
  private final int[] begins = new int[6];

  private final Map<String, Object> cells = new LinkedHashMap<>();
  private final Map<String, Integer> provenance = new LinkedHashMap<>();
  private final Map<String, Integer> rowLines = new LinkedHashMap<>();
  private final Set<String> conflicting = new HashSet<>();
  private final List<Unparsed> unparsed = new ArrayList<>();
  private int unparsedOmitted;
  private final List<String> notes = new ArrayList<>();

  /** The closing date and the signature above it: not part of section 六's prose. */
  private final Set<Integer> signature = new HashSet<>();

  private final Pages pages;
  private String formatVersion = "2021";
  private int reportEnd;

  private ReportReader(List<SourceLine> lines, Pages pages) {
    this.pages = pages;
    for (SourceLine line : lines) {
      if (line.raw().length() > MAX_ROW_LENGTH) {
        // No row of the tables is this long: prose at most, never cells.
        String compact = Text.compact(Text.normalize(line.raw()));
        rows.add(new Row(rows.size(), line, compact, compact, List.of()));
        continue;
      }
      List<Token> tokens = new ArrayList<>();
      for (SourceLine.Cell cell : line.cells()) {
        for (String token : Text.tokens(Text.normalize(cell.text()))) {
          tokens.add(new Token(token, cell.line()));
        }
      }
      StringBuilder compact = new StringBuilder();
      tokens.forEach(t -> compact.append(t.text()));
      if (compact.length() == 0 || Text.pageMarker(compact.toString())) {
        continue;
      }
      int end = tokens.size();
      while (end > 0 && Text.valueLike(tokens.get(end - 1).text())) {
        end--;
      }
      String whole = compact.toString();
      String label = whole;
      if (end < tokens.size()) {
        StringBuilder head = new StringBuilder();
        tokens.subList(0, end).forEach(t -> head.append(t.text()));
        label = head.toString();
      }
      rows.add(
          new Row(
              rows.size(), line, whole, label, List.copyOf(tokens.subList(end, tokens.size()))));
    }
  }

  static Reading read(List<SourceLine> lines) {
    return read(lines, Pages.NONE);
  }

  /** Reads lines numbered on across the pages of a PDF; messages name the page and its line. */
  static Reading read(List<SourceLine> lines, Pages pages) {
    return new ReportReader(lines, pages).read();
  }

  private Reading read() {
    findHeadings();
    boolean tablesFound = begins[1] >= 0 || begins[2] >= 0 || begins[3] >= 0;
    table2();
    table3();
    table4();
    int[] year = titleYear();
    LocalDate publishedOn = publishedOn();
    Integer publishedItemsTotal = publishedItemsTotal();
    if (unparsedOmitted > 0) {
      notes.add(unparsedOmitted + " more unparsed line(s) are not listed");
    }
    return new Reading(
        formatVersion,
        year == null ? null : year[0],
        year == null ? null : year[1],
        publishedOn,
        publishedItemsTotal,
        section(0),
        section(4),
        section(5),
        cells,
        provenance,
        unparsed,
        notes,
        tablesFound);
  }

  // --- Sections ------------------------------------------------------------------------------

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

  private int lastBegin() {
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
    notes.add(
        note
            + "; the table was found by its header cells and row labels from "
            + where(rows.get(found)));
  }

  /** Whether a row is a header cell or a first row label of Table 二 (k = 1), 三 (2) or 四 (3). */
  private static boolean tableContent(int k, Row row) {
    String c = row.compact();
    return switch (k) {
      case 1 -> c.contains("第二十条第(一)项") || (c.contains("信息内容") && containsAny(c, TABLE_2_HEADER));
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
    return pages.where(row.source().number());
  }

  /** 0 for 一、总体情况 … 5 for 六、其他需要报告的事项; -1 for any other line. */
  private static int headingOf(String compact) {
    if (compact.length() > 40) {
      return -1;
    }
    for (int k = 0; k < NUMERALS.length; k++) {
      if (compact.startsWith(NUMERALS[k]) && compact.indexOf(HEADINGS[k]) > 0) {
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
   * The rows of a section: after its heading (or from the row its table was found by), up to the
   * next section's heading or the end of the report.
   */
  private List<Row> sectionRows(int k) {
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
    return start >= end ? List.of() : rows.subList(start, end);
  }

  private String section(int k) {
    String text =
        sectionRows(k).stream()
            .filter(r -> !signature.contains(r.index()))
            .map(r -> r.source().raw().strip())
            .collect(Collectors.joining("\n"));
    return text.isEmpty() ? null : text;
  }

  // --- Table 二 ------------------------------------------------------------------------------

  private void table2() {
    List<Row> region = sectionRows(1);
    if (region.stream().anyMatch(r -> containsAny(r.compact(), TABLE_2_2019))) {
      formatVersion = "2019";
      notes.add(
          "Table 二 is in the 2019 trial format (本年新制作数量, 本年新公开数量, 对外公开总数量; 上一年项目数量, 本年增/减,"
              + " 处理决定数量; 采购项目数量, 采购总金额): read as /activeDisclosure2019");
      table2Of2019(region);
      return;
    }
    String pending = "";
    for (int i = 0; i < region.size(); i++) {
      Row row = region.get(i);
      if (!row.hasValues()) {
        pending = row.compact().contains("信息内容") ? "" : tail(pending + row.label());
        continue;
      }
      String key = match(TABLE_2, row.label(), false);
      if (key == null) {
        key = match(TABLE_2, pending + row.label(), false);
      }
      if (key == null) {
        Continued continued = continued(region, i, TABLE_2, false);
        if (continued != null) {
          key = continued.key();
          i += continued.rows();
        }
      }
      pending = "";
      if (key == null) {
        unparsed(row, "numbers under a label that is no row of Table 二", null);
        continue;
      }
      String pointer = "/activeDisclosure/" + key;
      switch (key) {
        case "regulations", "normativeDocuments" ->
            readCounts(
                row,
                pointer,
                List.of(pointer + "/issued", pointer + "/repealed", pointer + "/inForce"),
                List.of("本年制发件数", "本年废止件数", "现行有效件数"));
        case "feesAmount" -> readAmount(row, pointer);
        default -> readCounts(row, pointer, List.of(pointer), List.of("本年处理决定数量"));
      }
    }
  }

  /**
   * Table 二 as the 2019 trial format prints it: rows by label, each item with its own columns; the
   * unit of 采购总金额 (元 or 万元) as printed in its column header or its row, never assumed.
   */
  private void table2Of2019(List<Row> region) {
    String pending = "";
    String amountHeader = "";
    for (Row row : region) {
      if (!row.hasValues()) {
        if (row.compact().contains("采购总金额")) {
          amountHeader = row.compact();
        }
        pending = row.compact().contains("信息内容") ? "" : tail(pending + row.label());
        continue;
      }
      String key = match(TABLE_2_OF_2019, row.label(), false);
      if (key == null) {
        key = match(TABLE_2_OF_2019, pending + row.label(), false);
      }
      pending = "";
      if (key == null) {
        unparsed(row, "numbers under a label that is no row of Table 二 (2019 trial format)", null);
        continue;
      }
      String pointer = "/activeDisclosure2019/" + key;
      switch (key) {
        case "regulations", "normativeDocuments" ->
            readCounts(
                row,
                pointer,
                List.of(
                    pointer + "/newlyMade",
                    pointer + "/newlyPublished",
                    pointer + "/publishedTotal"),
                List.of("本年新制作数量", "本年新公开数量", "对外公开总数量"));
        case "fees" ->
            readCounts(
                row,
                pointer,
                List.of(pointer + "/previousYearItems", pointer + "/change"),
                List.of("上一年项目数量", "本年增/减"));
        case "procurement" -> readProcurement(row, pointer, amountHeader);
        default ->
            readCounts(
                row,
                pointer,
                List.of(
                    pointer + "/previousYearItems", pointer + "/change", pointer + "/decisions"),
                List.of("上一年项目数量", "本年增/减", "处理决定数量"));
      }
    }
  }

  /** 政府集中采购: 采购项目数量 and 采购总金额, with the unit printed in the row or its column header. */
  private void readProcurement(Row row, String pointer, String amountHeader) {
    if (row.values().size() != 2) {
      unparsed(
          row, "found " + row.values().size() + " number(s), expected 2 (采购项目数量, 采购总金额)", pointer);
      return;
    }
    Token projectsText = row.values().get(0);
    Token amountText = row.values().get(1);
    Integer projects = Text.count(projectsText.text());
    BigDecimal amount = Text.amount(amountText.text());
    if (projects == null || amount == null) {
      unparsed(
          row,
          "'"
              + (projects == null ? projectsText : amountText).text()
              + "' under "
              + (projects == null ? "采购项目数量 is not a whole number" : "采购总金额 is not an amount")
              + "; the row is not read",
          pointer);
      return;
    }
    String unit = unitOf(row.label());
    if (unit == null) {
      unit = unitOf(amountHeader);
    }
    if (Procurement2019.YUAN.equals(unit) && amount.stripTrailingZeros().scale() > 2) {
      unparsed(row, "'" + amountText.text() + "' 元 has more than 2 decimals (one fen)", pointer);
      return;
    }
    String amountPointer = pointer + "/totalAmount";
    if (!firstTime(
        row, pointer, List.of(pointer + "/projects", amountPointer), List.of(projects, amount))) {
      return;
    }
    put(pointer + "/projects", projects, projectsText.line());
    put(amountPointer, amount, amountText.line());
    if (unit == null) {
      unparsed(
          row,
          "the unit of 采购总金额 (元 or 万元) is printed neither in its column header nor in the row",
          ReportLayout.PROCUREMENT_UNIT);
    } else {
      put(ReportLayout.PROCUREMENT_UNIT, unit, amountText.line());
    }
  }

  /** 万元 or 元 when the text names one ("采购总金额(万元)", "单位:元"), else null. */
  private static String unitOf(String compact) {
    if (compact.contains("万元")) {
      return "万元";
    }
    return compact.contains("元") ? Procurement2019.YUAN : null;
  }

  // --- Table 三 ------------------------------------------------------------------------------

  private void table3() {
    List<Row> region = sectionRows(2);
    List<String> columns = ApplicantRow.COLUMNS.stream().map(ApplicantRow.Column::key).toList();
    List<String> labels = ApplicantRow.COLUMNS.stream().map(ApplicantRow.Column::label).toList();
    String pending = "";
    boolean single2019 = false;
    for (int i = 0; i < region.size(); i++) {
      Row row = region.get(i);
      if (!row.hasValues()) {
        pending = containsAny(row.compact(), TABLE_3_HEADER) ? "" : tail(pending + row.label());
        continue;
      }
      String key = match(TABLE_3, row.label(), true);
      if (key == null) {
        key = match(TABLE_3, pending + row.label(), true);
      }
      if (key == null) {
        Continued continued = continued(region, i, TABLE_3, true);
        if (continued != null) {
          key = continued.key();
          i += continued.rows();
        }
      }
      pending = "";
      if (key == null) {
        unparsed(row, "numbers under a label that is no row of Table 三", null);
        continue;
      }
      if (key.equals(OTHER_HANDLING_2019)) {
        single2019 = true;
        key = "outcomes/otherHandling/other";
      }
      String pointer = "/requests/" + key;
      readCounts(row, pointer, columns.stream().map(c -> pointer + "/" + c).toList(), labels);
    }
    if (single2019) {
      boolean has2021Rows =
          rowLines.containsKey("/requests/outcomes/otherHandling/overdueCorrection")
              || rowLines.containsKey("/requests/outcomes/otherHandling/overdueFee");
      if (has2021Rows) {
        notes.add(
            "Table 三 has both the single 2019 row (六)其他处理 and rows 三(六)1/2 of the 2021 format");
      } else {
        boolean table2Of2021 =
            cells.keySet().stream().anyMatch(p -> p.startsWith("/activeDisclosure/"));
        if (table2Of2021) {
          notes.add(
              "Table 三 prints the single row (六)其他处理 of the 2019 trial format, but Table 二 is in"
                  + " the 2021 format: the report is read in the 2021 format");
        } else {
          formatVersion = "2019";
        }
        notes.add(
            "Table 三 is in the 2019 trial format: its single row (六)其他处理 is"
                + " /requests/outcomes/otherHandling/other; rows 三(六)1 and 三(六)2 do not exist"
                + " in that format and are 0");
        for (String key : List.of("overdueCorrection", "overdueFee")) {
          for (String column : columns) {
            cells.put("/requests/outcomes/otherHandling/" + key + "/" + column, 0);
          }
        }
      }
    }
  }

  // --- Table 四 ------------------------------------------------------------------------------

  private void table4() {
    List<Row> numbers = sectionRows(3).stream().filter(Row::hasValues).toList();
    if (numbers.isEmpty()) {
      return;
    }
    List<String> pointers = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (ReportLayout.ReviewRow block : ReportLayout.REVIEW_BLOCKS) {
      for (ReviewBlock.Column column : ReviewBlock.COLUMNS) {
        pointers.add(block.pointer() + "/" + column.key());
        labels.add(block.label() + " " + column.label());
      }
    }
    List<Token> values = numbers.stream().flatMap(r -> r.values().stream()).toList();
    if (values.size() != pointers.size()) {
      for (Row row : numbers) {
        unparsed(
            row,
            "Table 四 has "
                + values.size()
                + " numbers in all, not 15 (行政复议, 未经复议直接起诉, 复议后起诉: 维持, 纠正, 其他, 尚未审结, 总计 each)",
            "/reviews");
      }
      return;
    }
    for (int i = 0; i < values.size(); i++) {
      if (Text.count(values.get(i).text()) == null) {
        for (Row row : numbers) {
          unparsed(
              row,
              "'"
                  + values.get(i).text()
                  + "' under "
                  + labels.get(i)
                  + " is not a whole number; Table 四 is not read",
              "/reviews");
        }
        return;
      }
    }
    for (int i = 0; i < values.size(); i++) {
      put(pointers.get(i), Text.count(values.get(i).text()), values.get(i).line());
    }
  }

  // --- Cells ---------------------------------------------------------------------------------

  private void readCounts(Row row, String rowPointer, List<String> pointers, List<String> labels) {
    if (row.values().size() != pointers.size()) {
      unparsed(
          row,
          "found "
              + row.values().size()
              + " number(s), expected "
              + pointers.size()
              + " ("
              + String.join(", ", labels)
              + ")",
          rowPointer);
      return;
    }
    List<Integer> counts = new ArrayList<>();
    for (int i = 0; i < pointers.size(); i++) {
      Integer count = Text.count(row.values().get(i).text());
      if (count == null) {
        unparsed(
            row,
            "'"
                + row.values().get(i).text()
                + "' under "
                + labels.get(i)
                + " is not a whole number; the row is not read",
            rowPointer);
        return;
      }
      counts.add(count);
    }
    if (!firstTime(row, rowPointer, pointers, new ArrayList<>(counts))) {
      return;
    }
    for (int i = 0; i < pointers.size(); i++) {
      put(pointers.get(i), counts.get(i), row.values().get(i).line());
    }
  }

  private void readAmount(Row row, String pointer) {
    if (row.values().size() != 1) {
      unparsed(row, "found " + row.values().size() + " numbers, expected 1 (本年收费金额, 万元)", pointer);
      return;
    }
    BigDecimal amount = Text.amount(row.values().get(0).text());
    if (amount == null) {
      unparsed(
          row,
          "'"
              + row.values().get(0).text()
              + "' is not an amount in 万元 with at most "
              + Amounts.MAX_DECIMALS
              + " decimals",
          pointer);
      return;
    }
    if (firstTime(row, pointer, List.of(pointer), List.of(amount))) {
      put(pointer, amount, row.values().get(0).line());
    }
  }

  /**
   * Whether this is the first time the row is read. A row printed twice with the same numbers (a
   * table header repeated on a new page, say) is read once; with different numbers neither is
   * taken.
   */
  private boolean firstTime(Row row, String rowPointer, List<String> pointers, List<?> values) {
    if (conflicting.contains(rowPointer)) {
      unparsed(row, "the row appears more than once with different numbers", rowPointer);
      return false;
    }
    Integer earlier = rowLines.get(rowPointer);
    if (earlier == null) {
      rowLines.put(rowPointer, row.source().number());
      return true;
    }
    List<Object> before = pointers.stream().map(cells::get).toList();
    boolean same = true;
    for (int i = 0; i < values.size(); i++) {
      Object a = before.get(i);
      Object b = values.get(i);
      same &=
          a != null && (a instanceof BigDecimal x ? x.compareTo((BigDecimal) b) == 0 : a.equals(b));
    }
    if (same) {
      notes.add(pages.where(row.source().number()) + " repeats the row of " + pages.where(earlier));
      return false;
    }
    conflicting.add(rowPointer);
    pointers.forEach(
        p -> {
          cells.remove(p);
          provenance.remove(p);
        });
    unparsed(
        row,
        "the row appears also at "
            + pages.where(earlier)
            + " with different numbers; neither is taken",
        rowPointer);
    return false;
  }

  private void put(String pointer, Object value, int line) {
    cells.put(pointer, value);
    provenance.put(pointer, line);
  }

  private void unparsed(Row row, String reason, String pointer) {
    if (unparsed.size() >= MAX_UNPARSED) {
      unparsedOmitted++;
      return;
    }
    unparsed.add(
        new Unparsed(
            row.source().number(), Text.shorten(row.source().raw(), 300), reason, pointer));
  }

  /**
   * The row a label names: of the phrases in it, the one that stands last (nearest the numbers). In
   * Table 三 a label ending in 其他 is 三(六)3, one ending in 总计 is 三(七), and one ending in 其他处理 is the
   * single row of the 2019 format.
   */
  private static String match(List<Phrase> phrases, String label, boolean table3) {
    String best = null;
    int at = -1;
    for (Phrase phrase : phrases) {
      int i = label.lastIndexOf(phrase.text());
      if (i > at) {
        at = i;
        best = phrase.key();
      }
    }
    if (best != null || !table3) {
      return best;
    }
    if (label.endsWith("其他处理")) {
      return OTHER_HANDLING_2019;
    }
    if (label.endsWith("其他")) {
      return "outcomes/otherHandling/other";
    }
    if (label.endsWith("总计") || label.endsWith("合计")) {
      return "outcomes/total";
    }
    return null;
  }

  /** A row whose label continues on lines after its numbers: its key and how many lines. */
  private record Continued(String key, int rows) {}

  /**
   * A label wrapped in a cell aligned to the top, so that its numbers stand on its first line ("(一)
   * 予以 41 6 1 0 1 1 50" above "公开"): the label completed by up to three lines after it that have no
   * numbers and start no row of their own, when that names a row; else null.
   */
  private static Continued continued(
      List<Row> region, int at, List<Phrase> phrases, boolean table3) {
    String label = region.get(at).label();
    for (int next = at + 1; next < region.size() && next <= at + 3; next++) {
      Row more = region.get(next);
      if (more.hasValues()
          || startsRow(more.compact())
          || containsAny(more.compact(), TABLE_3_HEADER)) {
        return null;
      }
      label += more.label();
      String key = match(phrases, label, table3);
      if (key != null) {
        return new Continued(key, next - at);
      }
    }
    return null;
  }

  /** Whether a line starts a row label of its own: "(三)", "3.", "四、", "第二十条". */
  private static boolean startsRow(String compact) {
    if (compact.isEmpty()) {
      return false;
    }
    char first = compact.charAt(0);
    return first == '('
        || Character.isDigit(first)
        || compact.startsWith("第二十条")
        || (compact.length() > 1 && "一二三四五六七八九".indexOf(first) >= 0 && compact.charAt(1) == '、');
  }

  /** The end of a label spread over lines; older lines of a long run are dropped. */
  private static String tail(String label) {
    return label.length() <= 200 ? label : label.substring(label.length() - 200);
  }

  private static boolean containsAny(String text, String[] words) {
    for (String word : words) {
      if (text.contains(word)) {
        return true;
      }
    }
    return false;
  }

  // --- Title, date and prose -------------------------------------------------------------------

  /**
   * The year of the report from its title ("2024 年政府信息公开工作年度报告", "2024年度XX局政府信息公开工作年度报告"): the
   * title nearest before section 一, so that links to other years' reports in a page's navigation do
   * not count. Answers {year, line}.
   */
  private int[] titleYear() {
    int first = rows.size();
    for (int k = 0; k < headings.length; k++) {
      int start = headings[k] >= 0 ? headings[k] : begins[k];
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
  private LocalDate publishedOn() {
    int last = Math.max(Arrays.stream(headings).max().orElse(-1), lastBegin() - 1);
    if (last < 0 || reportEnd - 1 <= last) {
      return null;
    }
    Row row = rows.get(reportEnd - 1);
    int[] ymd = DateText.parse(row.compact());
    if (ymd == null) {
      return null;
    }
    try {
      LocalDate date = LocalDate.of(ymd[0], ymd[1], ymd[2]);
      signature.add(row.index());
      if (reportEnd - 2 > last) {
        Row before = rows.get(reportEnd - 2);
        if (before.compact().length() <= 30 && !before.compact().contains("。")) {
          signature.add(before.index());
        }
      }
      provenance.put("/publishedOn", row.source().number());
      return date;
    } catch (DateTimeException e) {
      unparsed(row, "the report ends with a date that does not exist", "/publishedOn");
      return null;
    }
  }

  /** 主动公开政府信息 117 条 in section 一, when it states exactly one such total. */
  private Integer publishedItemsTotal() {
    Map<Integer, Row> totals = new LinkedHashMap<>();
    for (Row row : sectionRows(0)) {
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
      provenance.put("/publishedItems/total", only.getValue().source().number());
      return only.getKey();
    }
    if (totals.size() > 1) {
      Row second = new ArrayList<>(totals.values()).get(1);
      unparsed(
          second,
          "section 一 states more than one total of 主动公开政府信息 ("
              + totals.keySet().stream().map(String::valueOf).collect(Collectors.joining(", "))
              + "); none is taken",
          "/publishedItems/total");
    }
    return null;
  }

  /** Headings as printed in the national format, for messages. */
  static String headingTitle(int k) {
    return HEADING_TITLES[k];
  }
}
