package org.disclosurehub.report;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Reads the counts that a report's prose states ("全年共收到政府信息公开申请75件") so that they can be compared
 * with its tables (NARRATIVE_MISMATCH).
 *
 * <p>It reads few forms and reads them strictly, because a wrong reading is a false alarm sent to
 * an agency: a statement is read only at the start of a clause, after nothing but a known prefix (a
 * year, "全年", "我局", the agency's own name, "共", "其中"…), so that "通过网站收到…" (one channel) or
 * "市民政局收到…" (one department) are not read as the agency's total. A sentence that speaks of another
 * period or scope (累计, 近三年, 上年, 同比, 全市, 各部门, 本级, a plan…) or of another year is not read at all.
 * Approximate counts (约85件, 80余件, 85件左右) are read and not compared; a sentence that states two
 * different values for one cell states neither.
 */
final class NarrativeReading {

  /**
   * What a statement speaks of: a cell, or a sum of cells, with its JSON Pointer and label. {@code
   * alternative}, when not null, is a second reading the prose may mean (本年新收 + 上年结转 for "收到").
   */
  record Claim(
      String pointer,
      String label,
      ToIntFunction<Report> value,
      ToIntFunction<Report> alternative,
      String alternativeLabel) {
    Claim(String pointer, String label, ToIntFunction<Report> value) {
      this(pointer, label, value, null, null);
    }
  }

  /** One count the prose states, with the sentence that states it. */
  record Statement(Claim claim, int value, String sentence) {}

  // ---- what the statements speak of

  static final Claim RECEIVED =
      new Claim(
          ReportLayout.NEWLY_RECEIVED.pointer() + "/total",
          ReportLayout.NEWLY_RECEIVED.label() + " · 总计",
          r -> r.requests().newlyReceived().total(),
          r -> r.requests().newlyReceived().total() + r.requests().carriedOver().total(),
          "本年新收 + 上年结转");
  static final Claim NEWLY_RECEIVED = requestTotal(ReportLayout.NEWLY_RECEIVED);
  static final Claim CARRIED_OVER = requestTotal(ReportLayout.CARRIED_OVER);
  static final Claim HANDLED = requestTotal(ReportLayout.OUTCOMES_TOTAL);
  static final Claim CARRIED_FORWARD = requestTotal(ReportLayout.CARRIED_FORWARD);
  static final Claim GRANTED = requestTotal(ReportLayout.OUTCOME_ROWS.get(0));
  static final Claim PARTIALLY_GRANTED = requestTotal(ReportLayout.OUTCOME_ROWS.get(1));
  static final Claim DENIED = outcomeGroup("denied", "三(三) 不予公开", 2, 10);
  static final Claim UNABLE_TO_PROVIDE = outcomeGroup("unableToProvide", "三(四) 无法提供", 10, 13);
  static final Claim NOT_PROCESSED = outcomeGroup("notProcessed", "三(五) 不予处理", 13, 18);
  static final Claim OTHER_HANDLING = outcomeGroup("otherHandling", "三(六) 其他处理", 18, 21);
  private static final List<Claim> APPLICATION_CLAIMS =
      List.of(RECEIVED, NEWLY_RECEIVED, CARRIED_OVER, HANDLED, CARRIED_FORWARD);

  static final Claim PUBLISHED =
      new Claim("/publishedItems/total", "主动公开政府信息 条数", r -> r.publishedItems().total());

  /** The subjects of Table 四 a statement may speak of. */
  enum CaseSubject {
    REVIEW,
    LITIGATION,
    LITIGATION_DIRECT,
    LITIGATION_AFTER_REVIEW;

    Claim column(String key) {
      ReviewBlock.Column column =
          ReviewBlock.COLUMNS.stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
      return switch (this) {
        case REVIEW -> blockColumn(ReportLayout.REVIEW_BLOCKS.get(0), column);
        case LITIGATION_DIRECT -> blockColumn(ReportLayout.REVIEW_BLOCKS.get(1), column);
        case LITIGATION_AFTER_REVIEW -> blockColumn(ReportLayout.REVIEW_BLOCKS.get(2), column);
        // No single cell: both litigation blocks add up; the pointer names Table 四.
        case LITIGATION ->
            new Claim(
                "/reviews",
                "行政诉讼 (未经复议直接起诉 + 复议后起诉) · " + column.label(),
                r ->
                    column.value().apply(r.reviews().litigationDirect())
                        + column.value().apply(r.reviews().litigationAfterReview()));
      };
    }
  }

  /** The documents of 第二十条第（一）项. */
  enum Documents {
    REGULATIONS("regulations", "规章"),
    NORMATIVE_DOCUMENTS("normativeDocuments", "行政规范性文件");

    private final String key;
    private final String label;

    Documents(String key, String label) {
      this.key = key;
      this.label = label;
    }

    Claim column(String column, String columnLabel, ToIntFunction<DocumentCounts> value) {
      return new Claim(
          "/activeDisclosure/" + key + "/" + column,
          label + " " + columnLabel,
          r ->
              value.applyAsInt(
                  this == REGULATIONS
                      ? r.activeDisclosure().regulations()
                      : r.activeDisclosure().normativeDocuments()));
    }

    Claim issued() {
      return column("issued", "本年制发件数", DocumentCounts::issued);
    }

    Claim repealed() {
      return column("repealed", "本年废止件数", DocumentCounts::repealed);
    }

    Claim inForce() {
      return column("inForce", "现行有效件数", DocumentCounts::inForce);
    }

    static Documents of(String mention) {
      return mention.contains("规章") ? REGULATIONS : NORMATIVE_DOCUMENTS;
    }
  }

  // ---- the words of the statements

  private static final String NUMERALS = "零〇一二两三四五六七八九十百千万";
  private static final String NUMBER =
      "(?<approx>约|近|逾|超过|超|不足|不到|将近|大约|约为)?(?<n>\\d+|[" + NUMERALS + "]+)(?<more>余|多)?";
  private static final String AFTER = "(?<around>左右|以上|以下|上下|有余|之多)?(?!次)";
  private static final String REQUESTS_MEASURE = "(?:件|个|份|条)" + AFTER;
  private static final String CASES_MEASURE = "(?:件|起|宗|例|个)" + AFTER;
  private static final String DOCUMENTS_MEASURE = "(?:件|份|个|部|项)" + AFTER;
  private static final String ITEMS_MEASURE = "条" + AFTER;
  private static final String TOTAL_WORD = "(?:共计?|总计|合计|总数|数量|件数|总量)?(?:为|是|达到?|计)?";
  private static final String APPLICATION_KIND = "(?:政府信息公开|信息公开|依申请公开(?:政府信息)?|公开)";
  private static final String APPLICATION = "(?:各类|各种)?" + APPLICATION_KIND + "?(?:的)?申请";
  private static final String REVIEW_QUALIFIER =
      "(?:因政府信息公开(?:工作)?(?:引起|引发|产生)的|政府信息公开(?:类|方面|相关)?(?:的)?)?";
  private static final String DOCUMENT = "(?<doc>(?:行政)?规范性文件|(?:政府)?规章(?!制度))";

  /** What may stand before a statement in its clause; "其中" and "含" make it a part. */
  private static final String PREFIX_WORDS =
      "\\d{4}年度?|在|全年度?|本年度?|年内|当年|今年|我(?:局|委|办|厅|部|院|署|中心|单位|机关|部门|站|所|室|处|馆|队|会|司)"
          + "|本(?:机关|单位|部门|局|委|办|厅|院|中心)|共计?|总共|合计|总计|一共|已经?|均已|全部|依法|此外|另有?|同时|并|还|被|了|对";

  private static final String PART_WORDS = "其中|含|包括|包含";

  private record Form(Pattern pattern, Kind kind) {}

  /** How a matched form maps to a claim. */
  private enum Kind {
    RECEIVED(true, true),
    RECEIVED_ZERO(true, true),
    NEWLY_RECEIVED(true, false),
    CARRIED_OVER(true, false),
    CARRIED_FORWARD(true, false),
    HANDLED(true, true),
    GRANTED(true, false),
    PARTIALLY_GRANTED(true, false),
    DENIED(true, false),
    UNABLE_TO_PROVIDE(true, false),
    NOT_PROCESSED(true, false),
    OTHER_HANDLING(true, false),
    // "其中行政复议2件" splits a sum of cases, not the agency's work by department.
    REVIEW_TOTAL(false, false),
    LITIGATION_TOTAL(false, false),
    LITIGATION_DIRECT_TOTAL(false, false),
    LITIGATION_AFTER_REVIEW_TOTAL(false, false),
    CASES_ZERO(false, true),
    CASES_EACH(false, true),
    CASE_UPHELD(false, false),
    CASE_CORRECTED(false, false),
    CASE_OTHER(false, false),
    CASE_PENDING(false, false),
    ISSUED(false, true),
    ISSUED_ZERO(false, true),
    REPEALED(false, true),
    REPEALED_ZERO(false, true),
    IN_FORCE(false, true),
    PUBLISHED(false, true);

    /** A statement about applications, read only in a sentence about applications. */
    final boolean aboutApplications;

    /** A total: never read after "其中" (a part of something). */
    final boolean total;

    Kind(boolean aboutApplications, boolean total) {
      this.aboutApplications = aboutApplications;
      this.total = total;
    }
  }

  /** Tried in this order at the start of what is left of a clause; the first that fits is read. */
  private static final List<Form> FORMS =
      List.of(
          form(
              "本?年?度?新收(?:到)?(?:的)?(?:"
                  + APPLICATION
                  + ")?"
                  + TOTAL_WORD
                  + NUMBER
                  + REQUESTS_MEASURE,
              Kind.NEWLY_RECEIVED),
          form(
              "上年度?结转(?:的)?"
                  + APPLICATION_KIND
                  + "?(?:申请)?"
                  + TOTAL_WORD
                  + NUMBER
                  + REQUESTS_MEASURE,
              Kind.CARRIED_OVER),
          form(
              "(?:结转|转入)(?:至|到)?下一?年度?(?:继续)?(?:办理|处理)?(?:的)?(?:申请)?"
                  + TOTAL_WORD
                  + NUMBER
                  + REQUESTS_MEASURE,
              Kind.CARRIED_FORWARD),
          form(NUMBER + REQUESTS_MEASURE + "(?:申请)?(?:结转|转入)(?:至|到)?下一?年度?", Kind.CARRIED_FORWARD),
          form(
              "(?:收到|受理|接收|接到)(?:了)?" + APPLICATION + TOTAL_WORD + NUMBER + REQUESTS_MEASURE,
              Kind.RECEIVED),
          form(
              "(?:收到|受理|接收|接到)(?:了)?"
                  + NUMBER
                  + REQUESTS_MEASURE
                  + "(?:的)?"
                  + APPLICATION_KIND
                  + "?申请(?!人)",
              Kind.RECEIVED),
          form(
              "(?:未|没有)(?:收到|受理|接收|接到)(?:过)?(?:任何)?(?:形式的?)?" + APPLICATION + "(?![人书表])",
              Kind.RECEIVED_ZERO),
          form("(?:无|没有|未发生)(?:任何)?" + APPLICATION_KIND + "(?:的)?申请(?![人书表])", Kind.RECEIVED_ZERO),
          form(
              "(?:办结|答复|作出答复|予以答复|办理完毕|处理完毕|办理完结)(?:了)?"
                  + APPLICATION_KIND
                  + "?(?:的)?(?:申请)?"
                  + TOTAL_WORD
                  + NUMBER
                  + REQUESTS_MEASURE,
              Kind.HANDLED),
          form("(?:予以公开|同意公开)(?:的)?(?:申请)?" + TOTAL_WORD + NUMBER + REQUESTS_MEASURE, Kind.GRANTED),
          form(
              "部分公开(?:的)?(?:申请)?" + TOTAL_WORD + NUMBER + REQUESTS_MEASURE, Kind.PARTIALLY_GRANTED),
          form("不予公开(?:的)?(?:申请)?" + TOTAL_WORD + NUMBER + REQUESTS_MEASURE, Kind.DENIED),
          form(
              "无法提供(?:的)?(?:申请)?" + TOTAL_WORD + NUMBER + REQUESTS_MEASURE, Kind.UNABLE_TO_PROVIDE),
          form("不予处理(?:的)?(?:申请)?" + TOTAL_WORD + NUMBER + REQUESTS_MEASURE, Kind.NOT_PROCESSED),
          form("其他处理(?:的)?(?:申请)?" + TOTAL_WORD + NUMBER + REQUESTS_MEASURE, Kind.OTHER_HANDLING),
          form(
              "(?:未经复议)?直接(?:提起)?(?:行政)?(?:起诉|诉讼)(?:案件)?" + TOTAL_WORD + NUMBER + CASES_MEASURE,
              Kind.LITIGATION_DIRECT_TOTAL),
          form(
              "复议后(?:提起)?(?:行政)?(?:起诉|诉讼)(?:案件)?" + TOTAL_WORD + NUMBER + CASES_MEASURE,
              Kind.LITIGATION_AFTER_REVIEW_TOTAL),
          form(
              "(?:发生|收到|涉及|申请|提起|办理|受理|接到)?"
                  + REVIEW_QUALIFIER
                  + "行政复议(?:案件|申请)?"
                  + TOTAL_WORD
                  + NUMBER
                  + CASES_MEASURE,
              Kind.REVIEW_TOTAL),
          form(
              "(?:发生|涉及|提起|起诉|收到)?"
                  + REVIEW_QUALIFIER
                  + "行政诉讼(?:案件)?"
                  + TOTAL_WORD
                  + NUMBER
                  + CASES_MEASURE,
              Kind.LITIGATION_TOTAL),
          form(
              "(?<a>行政复议|行政诉讼)(?:及|和|与|、|以及)(?<b>行政复议|行政诉讼)(?:案件)?各" + NUMBER + CASES_MEASURE,
              Kind.CASES_EACH),
          form(
              "(?:未|没有|无)(?:发生|收到|涉及|出现|被申请|被提起|产生|有)?(?:过)?(?:任何)?"
                  + REVIEW_QUALIFIER
                  + "(?<a>行政复议|行政诉讼)(?:(?:及|和|与|、|或|以及|或者)(?<b>行政复议|行政诉讼))?(?:案件|情况)?",
              Kind.CASES_ZERO),
          form(
              "(?<a>行政复议|行政诉讼)(?:(?:及|和|与|、|以及)(?<b>行政复议|行政诉讼))?(?:案件)?(?:数量?|件数)?(?:均)?为(?:0|零)"
                  + "(?:件|起)?",
              Kind.CASES_ZERO),
          form(
              "(?:结果)?维持(?:原(?:行政行为|具体行政行为|决定|处理决定|答复))?" + TOTAL_WORD + NUMBER + CASES_MEASURE,
              Kind.CASE_UPHELD),
          form("(?:结果)?(?:纠正|纠错)" + TOTAL_WORD + NUMBER + CASES_MEASURE, Kind.CASE_CORRECTED),
          form("其他结果" + TOTAL_WORD + NUMBER + CASES_MEASURE, Kind.CASE_OTHER),
          form(
              "(?:尚未审结|未审结|尚在审理中?|正在审理中?)" + TOTAL_WORD + NUMBER + CASES_MEASURE,
              Kind.CASE_PENDING),
          form(
              "(?:制发|出台|制定|印发)(?:了)?" + DOCUMENT + TOTAL_WORD + NUMBER + DOCUMENTS_MEASURE,
              Kind.ISSUED),
          form("(?:未|没有)(?:制发|出台|制定|印发)(?:任何)?(?:新的)?" + DOCUMENT, Kind.ISSUED_ZERO),
          form(
              "废止(?:了)?" + DOCUMENT + "?" + TOTAL_WORD + NUMBER + DOCUMENTS_MEASURE, Kind.REPEALED),
          form("(?:未|没有|无)废止(?:任何)?" + DOCUMENT + "?", Kind.REPEALED_ZERO),
          form("现行有效(?:的)?" + DOCUMENT + TOTAL_WORD + NUMBER + DOCUMENTS_MEASURE, Kind.IN_FORCE),
          form(DOCUMENT + "现行有效(?:的)?" + TOTAL_WORD + NUMBER + DOCUMENTS_MEASURE, Kind.IN_FORCE),
          form(
              "主动公开(?:各类政府信息|各类信息|政府信息|政务信息|信息)?(?:共计?|总计|合计)?(?:为|达)?" + NUMBER + ITEMS_MEASURE,
              Kind.PUBLISHED));

  /** Another period, another scope, or a plan: the sentence is not read. */
  private static final Pattern OTHER_PERIOD_OR_SCOPE =
      Pattern.compile(
          "累计|近[一二两三四五六七八九十\\d]+年|近年|历年|以来|上半年|下半年|季度|月份|个月|\\d{1,2}[-—~至到]\\d{1,2}月"
              + "|多年|每年|年均|平均"
              + "|全市|全区|全县|全省|全州|全旗|全盟|全镇|全乡|各级|各部门|各单位|各乡|各镇|各街道|各县|各区|各地|各委办局"
              + "|市本级|本级|所属|下属|直属|系统内|全系统|全行业"
              + "|力争|预计|争取|拟于|拟在|拟将|计划于|计划在|计划将|计划制发|计划出台|下一步|明年|将于|目标|如果|若|假设");

  /**
   * A comparison with another year: from the clause that makes it on, the sentence speaks of the
   * difference or of that year ("收到申请85件，较上年增加10件").
   */
  private static final Pattern COMPARISON =
      Pattern.compile("同比|环比|较上年|比上年|与上年|较去年|比去年|去年|上一年|往年|增加|减少|增长|下降|持平");

  /** Applications of another kind, in a sentence about them: 12345 hotline tickets, letters… */
  private static final Pattern OTHER_BUSINESS =
      Pattern.compile("热线|工单|咨询|信箱|留言|提案|建议|议案|信访|投诉|举报|许可|审批|政务服务");

  private static final Pattern YEAR = Pattern.compile("(?<![\\d])(\\d{4}|[〇零一二三四五六七八九]{4})(?=年)");
  private static final Pattern CUT_OFF = Pattern.compile("截[至止]");
  private static final Pattern YEAR_END = Pattern.compile("截[至止](?:\\d{4}年)?(?:12月31日|年底|年末)");
  private static final Pattern THOUSANDS = Pattern.compile("(?<=\\d),(?=\\d{3}(?!\\d))");
  private static final Pattern TITLE = Pattern.compile("《[^《》]*》");
  private static final Pattern SENTENCE = Pattern.compile("[^。！？!?\\n]+[。！？!?]?|\\n");
  private static final Pattern CLAUSE = Pattern.compile("[^,;:()\\[\\]【】“”\"]+");
  private static final Pattern LISTED = Pattern.compile("^(?:[、和及与]|以及)");
  private static final Pattern NUMBER_NEXT =
      Pattern.compile("^(?:[、和及与]|以及)?(?:\\d|[" + NUMERALS + "])");
  private static final Pattern REVIEW_MENTION =
      Pattern.compile("行政复议|复议后(?:提起)?(?:行政)?(?:起诉|诉讼)|直接(?:提起)?(?:行政)?(?:起诉|诉讼)|行政诉讼");
  private static final Pattern DOCUMENT_MENTION = Pattern.compile(DOCUMENT);

  private NarrativeReading() {}

  /**
   * Every count the narrative states of the given year, for the agency of the given name (null when
   * unknown: then only "我局", "本机关"… introduce the agency's own counts).
   */
  static List<Statement> read(Narrative narrative, int year, String agencyName) {
    List<Statement> found = new ArrayList<>();
    if (narrative == null) {
      return found;
    }
    Pattern prefix = prefix(agencyName);
    for (String text :
        new String[] {narrative.overview(), narrative.problems(), narrative.other()}) {
      if (text == null) {
        continue;
      }
      Matcher sentences = SENTENCE.matcher(text);
      boolean applicationsBefore = false;
      while (sentences.find()) {
        String quote = sentences.group().strip();
        if (quote.isEmpty()) {
          applicationsBefore = false;
          continue;
        }
        List<Statement> read = readSentence(quote, year, prefix, applicationsBefore);
        found.addAll(read);
        // "共收到申请85件。全年办结83件。": the next sentence of the paragraph goes on about them.
        applicationsBefore = read.stream().anyMatch(r -> APPLICATION_CLAIMS.contains(r.claim()));
      }
    }
    return found;
  }

  private static Pattern prefix(String agencyName) {
    String words = PREFIX_WORDS;
    if (agencyName != null) {
      String name = agencyName.strip().replaceAll("\\s", "");
      // "中卫市民政局", "市民政局", "民政局": the agency names itself in full or in part.
      String suffixes =
          IntStream.rangeClosed(0, name.length() - 3)
              .mapToObj(i -> Pattern.quote(name.substring(i)))
              .collect(Collectors.joining("|"));
      if (!suffixes.isEmpty()) {
        words = suffixes + "|" + words;
      }
    }
    return Pattern.compile("(?:(?<part>" + PART_WORDS + ")|" + words + ")*");
  }

  private static List<Statement> readSentence(
      String quote, int year, Pattern prefix, boolean applicationsBefore) {
    // "结转至2025年继续办理" is next year's share of this year's applications.
    String s = normalise(quote).replaceAll("(结转|转入)(至|到)" + (year + 1) + "年度?", "$1至下年度");
    if (OTHER_PERIOD_OR_SCOPE.matcher(s).find() || cutOffBeforeYearEnd(s)) {
      return List.of();
    }
    boolean otherBusiness = OTHER_BUSINESS.matcher(s).find();
    boolean aboutApplications = !otherBusiness && (s.contains("申请") || applicationsBefore);
    boolean repealMayMeanExpiry = s.contains("失效");
    Map<String, List<Statement>> byClaim = new LinkedHashMap<>();
    Matcher clauses = CLAUSE.matcher(s);
    while (clauses.find()) {
      if (speaksOfAnotherYear(clauses.group(), year)) {
        break;
      }
      readClause(
          s,
          clauses.start(),
          clauses.end(),
          quote,
          prefix,
          aboutApplications,
          repealMayMeanExpiry,
          byClaim);
    }
    List<Statement> read = new ArrayList<>();
    for (List<Statement> statements : byClaim.values()) {
      // Two different values for one cell in one sentence: it can be read two ways.
      if (statements.stream().map(Statement::value).distinct().count() == 1) {
        read.add(statements.get(0));
      }
    }
    return read;
  }

  private static void readClause(
      String s,
      int start,
      int end,
      String quote,
      Pattern prefix,
      boolean aboutApplications,
      boolean repealMayMeanExpiry,
      Map<String, List<Statement>> byClaim) {
    int at = start;
    while (at < end) {
      Matcher words = prefix.matcher(s).region(at, end);
      boolean part = false;
      if (words.lookingAt()) {
        part = prefixHasPart(s.substring(at, words.end()));
        at = words.end();
      }
      Matcher matched = null;
      Kind kind = null;
      for (Form form : FORMS) {
        Matcher m = form.pattern().matcher(s).region(at, end);
        if (m.lookingAt()) {
          matched = m;
          kind = form.kind();
          break;
        }
      }
      if (matched == null) {
        return;
      }
      at = matched.end();
      String rest = s.substring(at, end);
      if (NUMBER_NEXT.matcher(rest).find()) {
        // "行政复议和行政诉讼分别2件和1件", "85件、81件": numbers for several subjects.
        return;
      }
      Matcher listed = LISTED.matcher(rest);
      if (listed.find()) {
        at += listed.end();
      }
      if ((kind.total && part) || (kind.aboutApplications && !aboutApplications)) {
        continue;
      }
      for (Statement statement :
          statements(kind, matched, s, matched.start(), quote, repealMayMeanExpiry)) {
        byClaim.computeIfAbsent(key(statement.claim()), k -> new ArrayList<>()).add(statement);
      }
    }
  }

  /** Claims are equal when they name the same cell the same way ("收到" is not "本年新收"). */
  static String key(Claim claim) {
    return claim.pointer() + " " + claim.label() + " " + claim.alternativeLabel();
  }

  private static boolean prefixHasPart(String prefixText) {
    return prefixText.contains("其中") || prefixText.contains("含") || prefixText.contains("包括");
  }

  private static List<Statement> statements(
      Kind kind, Matcher m, String s, int at, String quote, boolean repealMayMeanExpiry) {
    Integer value =
        switch (kind) {
          case RECEIVED_ZERO, CASES_ZERO, ISSUED_ZERO, REPEALED_ZERO -> 0;
          default -> count(m);
        };
    if (value == null) {
      return List.of();
    }
    List<Claim> claims = new ArrayList<>();
    switch (kind) {
      case RECEIVED, RECEIVED_ZERO -> claims.add(RECEIVED);
      case NEWLY_RECEIVED -> claims.add(NEWLY_RECEIVED);
      case CARRIED_OVER -> claims.add(CARRIED_OVER);
      case CARRIED_FORWARD -> claims.add(CARRIED_FORWARD);
      case HANDLED -> claims.add(HANDLED);
      case GRANTED -> claims.add(GRANTED);
      case PARTIALLY_GRANTED -> claims.add(PARTIALLY_GRANTED);
      case DENIED -> claims.add(DENIED);
      case UNABLE_TO_PROVIDE -> claims.add(UNABLE_TO_PROVIDE);
      case NOT_PROCESSED -> claims.add(NOT_PROCESSED);
      case OTHER_HANDLING -> claims.add(OTHER_HANDLING);
      case REVIEW_TOTAL -> claims.add(CaseSubject.REVIEW.column("total"));
      case LITIGATION_TOTAL -> claims.add(CaseSubject.LITIGATION.column("total"));
      case LITIGATION_DIRECT_TOTAL -> claims.add(CaseSubject.LITIGATION_DIRECT.column("total"));
      case LITIGATION_AFTER_REVIEW_TOTAL ->
          claims.add(CaseSubject.LITIGATION_AFTER_REVIEW.column("total"));
      case CASES_ZERO, CASES_EACH -> {
        claims.add(caseSubject(m.group("a")).column("total"));
        if (m.group("b") != null && !m.group("b").equals(m.group("a"))) {
          claims.add(caseSubject(m.group("b")).column("total"));
        } else if (kind == Kind.CASES_EACH) {
          return List.of();
        }
      }
      case CASE_UPHELD, CASE_CORRECTED, CASE_OTHER, CASE_PENDING -> {
        CaseSubject subject = subjectBefore(s, at);
        if (subject == null) {
          return List.of();
        }
        claims.add(
            subject.column(
                switch (kind) {
                  case CASE_UPHELD -> "upheld";
                  case CASE_CORRECTED -> "corrected";
                  case CASE_OTHER -> "other";
                  default -> "pending";
                }));
      }
      case ISSUED, ISSUED_ZERO -> claims.add(Documents.of(m.group("doc")).issued());
      case REPEALED, REPEALED_ZERO -> {
        if (repealMayMeanExpiry) {
          return List.of();
        }
        String doc = m.group("doc") != null ? m.group("doc") : documentBefore(s, at);
        if (doc == null) {
          return List.of();
        }
        claims.add(Documents.of(doc).repealed());
      }
      case IN_FORCE -> claims.add(Documents.of(m.group("doc")).inForce());
      case PUBLISHED -> claims.add(PUBLISHED);
    }
    return claims.stream().map(c -> new Statement(c, value, quote)).toList();
  }

  /** The count a form read, or null when it is approximate or not a number. */
  private static Integer count(Matcher m) {
    if (m.group("approx") != null || m.group("more") != null || m.group("around") != null) {
      return null;
    }
    return number(m.group("n"));
  }

  private static CaseSubject caseSubject(String mention) {
    if (mention.startsWith("复议后")) {
      return CaseSubject.LITIGATION_AFTER_REVIEW;
    }
    if (mention.startsWith("直接")) {
      return CaseSubject.LITIGATION_DIRECT;
    }
    return mention.equals("行政复议") ? CaseSubject.REVIEW : CaseSubject.LITIGATION;
  }

  /**
   * The block of Table 四 that "维持1件" speaks of: the last one named before it in the sentence,
   * unless that clause names two ("行政复议和行政诉讼…, 维持1件").
   */
  private static CaseSubject subjectBefore(String s, int at) {
    Matcher m = REVIEW_MENTION.matcher(s).region(0, at);
    String last = null;
    int lastStart = -1;
    while (m.find()) {
      last = m.group();
      lastStart = m.start();
    }
    if (last == null) {
      return null;
    }
    int clauseStart = Math.max(s.lastIndexOf(',', lastStart), s.lastIndexOf(';', lastStart)) + 1;
    Matcher inClause = REVIEW_MENTION.matcher(s).region(clauseStart, at);
    CaseSubject subject = caseSubject(last);
    while (inClause.find()) {
      if (caseSubject(inClause.group()) != subject) {
        return null;
      }
    }
    return subject;
  }

  /** The documents "废止3件" speaks of: the only kind the sentence named before it. */
  private static String documentBefore(String s, int at) {
    Matcher m = DOCUMENT_MENTION.matcher(s).region(0, at);
    Documents only = null;
    String mention = null;
    while (m.find()) {
      Documents kind = Documents.of(m.group());
      if (only != null && only != kind) {
        return null;
      }
      only = kind;
      mention = m.group();
    }
    return mention;
  }

  /** Full-width forms folded, white space and thousands separators removed, titles blanked. */
  static String normalise(String sentence) {
    String s = Normalizer.normalize(sentence, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    s = THOUSANDS.matcher(s).replaceAll("");
    return TITLE.matcher(s).replaceAll("《》");
  }

  private static boolean cutOffBeforeYearEnd(String s) {
    return CUT_OFF.matcher(s).find() && !YEAR_END.matcher(s).find();
  }

  /** A clause that compares with, or names, a year other than the report's. */
  private static boolean speaksOfAnotherYear(String clause, int year) {
    // "上年结转" is this year's carry-over; any other "上年" is last year.
    String c = clause.replaceAll("上年度?结转", "结转");
    if (COMPARISON.matcher(c).find() || c.contains("上年")) {
      return true;
    }
    Matcher years = YEAR.matcher(c.replaceAll("\\d{4}年度?政府信息公开(?:工作)?年度报告", ""));
    while (years.find()) {
      Integer stated = year(years.group(1));
      if (stated == null || stated != year) {
        return true;
      }
    }
    return false;
  }

  private static Integer year(String digits) {
    if (Character.isDigit(digits.charAt(0))) {
      return Integer.valueOf(digits);
    }
    StringBuilder ascii = new StringBuilder();
    for (char c : digits.toCharArray()) {
      int d = "〇一二三四五六七八九".indexOf(c);
      if (d < 0) {
        d = c == '零' ? 0 : -1;
      }
      if (d < 0) {
        return null;
      }
      ascii.append(d);
    }
    return Integer.valueOf(ascii.toString());
  }

  /**
   * "85", "十五", "一百二十", "两千零五", "零": a whole number, or null when it is not one (digits read one by
   * one, "一二", are not a count).
   */
  static Integer number(String text) {
    if (Character.isDigit(text.charAt(0))) {
      return text.length() > 9 ? null : Integer.valueOf(text);
    }
    if (text.equals("零") || text.equals("〇")) {
      return 0;
    }
    int total = 0;
    int section = 0;
    int digit = -1;
    for (char c : text.toCharArray()) {
      int d = "零一二三四五六七八九".indexOf(c);
      if (c == '两') {
        d = 2;
      } else if (c == '〇') {
        d = 0;
      }
      if (d >= 0) {
        if (digit > 0) {
          return null; // two digits in a row: "一二"
        }
        digit = d;
        continue;
      }
      int unit =
          switch (c) {
            case '十' -> 10;
            case '百' -> 100;
            case '千' -> 1000;
            case '万' -> 10000;
            default -> 0;
          };
      if (unit == 0) {
        return null;
      }
      if (unit == 10000) {
        section = (section + Math.max(digit, 0)) * unit;
        total += section;
        section = 0;
      } else {
        if (digit == 0 || (digit < 0 && unit != 10)) {
          return null; // "零百", "百": not a count as written
        }
        section += (digit < 0 ? 1 : digit) * unit;
      }
      digit = -1;
    }
    return total + section + Math.max(digit, 0);
  }

  private static Form form(String regex, Kind kind) {
    return new Form(Pattern.compile(regex), kind);
  }

  private static Claim requestTotal(ReportLayout.RequestRow row) {
    return new Claim(row.pointer() + "/total", row.label() + " · 总计", r -> row.of(r).total());
  }

  private static Claim outcomeGroup(String key, String label, int from, int to) {
    List<ReportLayout.RequestRow> rows = ReportLayout.OUTCOME_ROWS.subList(from, to);
    return new Claim(
        "/requests/outcomes/" + key,
        label + " · 总计",
        r -> rows.stream().mapToInt(row -> row.of(r).total()).sum());
  }

  private static Claim blockColumn(ReportLayout.ReviewRow block, ReviewBlock.Column column) {
    return new Claim(
        block.pointer() + "/" + column.key(),
        block.label() + " · " + column.label(),
        r -> column.value().apply(block.of(r)));
  }
}
