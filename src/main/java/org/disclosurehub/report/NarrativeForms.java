package org.disclosurehub.report;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The words and forms of the statements NarrativeReading reads, and what makes it not read a
 * sentence.
 */
final class NarrativeForms {
  private NarrativeForms() {}

  static final String NUMERALS = "零〇一二两三四五六七八九十百千万";
  static final String NUMBER =
      "(?<approx>约|近|逾|超过|超|不足|不到|将近|大约|约为)?(?<n>\\d+|[" + NUMERALS + "]+)(?<more>余|多)?";
  static final String AFTER = "(?<around>左右|以上|以下|上下|有余|之多)?(?!次)";
  static final String REQUESTS_MEASURE = "(?:件|个|份|条)" + AFTER;
  static final String CASES_MEASURE = "(?:件|起|宗|例|个)" + AFTER;
  static final String DOCUMENTS_MEASURE = "(?:件|份|个|部|项)" + AFTER;
  static final String ITEMS_MEASURE = "条" + AFTER;
  static final String TOTAL_WORD = "(?:共计?|总计|合计|总数|数量|件数|总量)?(?:为|是|达到?|计)?";
  static final String APPLICATION_KIND = "(?:政府信息公开|信息公开|依申请公开(?:政府信息)?|公开)";
  static final String APPLICATION = "(?:各类|各种)?" + APPLICATION_KIND + "?(?:的)?申请";
  static final String REVIEW_QUALIFIER =
      "(?:因政府信息公开(?:工作)?(?:引起|引发|产生)的|(?:政府)?信息公开(?:类|方面|相关)?(?:的)?)?";
  static final String DOCUMENT = "(?<doc>(?:行政)?规范性文件|(?:政府)?规章(?!制度))";

  /** What may stand before a statement in its clause; "其中" and "含" make it a part. */
  static final String PREFIX_WORDS =
      "\\d{4}年度?|在|全年度?|本年度?|年内|当年|今年|我(?:局|委|办|厅|部|院|署|中心|单位|机关|部门|站|所|室|处|馆|队|会|司)"
          + "|本(?:机关|单位|部门|局|委|办|厅|院|中心)|共(?:计|有)?|总共|合计|总计|一共|(?:所有|全部)?(?:办结|办理)的(?:政府)?(?:信息公开)?申请中|已经?|均已|全部|依法|此外|另有?|同时|并|还|被|了|对";

  static final String PART_WORDS = "其中|含|包括|包含";

  record Form(Pattern pattern, Kind kind) {}

  /** How a matched form maps to a claim. */
  enum Kind {
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
  static final List<Form> FORMS =
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
              "(?:结转|转入|转)(?:至|到)?下一?年度?(?:继续)?(?:办理|处理)?(?:答复)?(?:的)?(?:申请)?(?:有)?"
                  + TOTAL_WORD
                  + NUMBER
                  + REQUESTS_MEASURE,
              Kind.CARRIED_FORWARD),
          form(
              NUMBER + REQUESTS_MEASURE + "(?:申请)?(?:结转|转入|顺延)(?:至|到)?下一?年度?",
              Kind.CARRIED_FORWARD),
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
          form("办理(?:了)?" + TOTAL_WORD + NUMBER + REQUESTS_MEASURE, Kind.HANDLED),
          form(
              "(?:予以公开|同意公开)(?:的)?(?:申请)?(?:答复)?" + TOTAL_WORD + NUMBER + REQUESTS_MEASURE,
              Kind.GRANTED),
          form(
              "部分公开(?:的)?(?:申请)?(?:答复)?" + TOTAL_WORD + NUMBER + REQUESTS_MEASURE,
              Kind.PARTIALLY_GRANTED),
          form("不予公开(?:的)?(?:申请)?(?:答复)?" + TOTAL_WORD + NUMBER + REQUESTS_MEASURE, Kind.DENIED),
          form(
              "无法提供(?:的)?(?:申请)?(?:答复)?" + TOTAL_WORD + NUMBER + REQUESTS_MEASURE,
              Kind.UNABLE_TO_PROVIDE),
          form(
              "不予处理(?:的)?(?:申请)?(?:答复)?" + TOTAL_WORD + NUMBER + REQUESTS_MEASURE,
              Kind.NOT_PROCESSED),
          form(
              "其他处理(?:的)?(?:申请)?(?:答复)?" + TOTAL_WORD + NUMBER + REQUESTS_MEASURE,
              Kind.OTHER_HANDLING),
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
              "(?:涉及的?)?(?<a>行政复议|行政诉讼)(?:(?:及|和|与|、|以及)(?<b>行政复议|行政诉讼))?(?:案件)?(?:数量?|件数)?(?:均)?为(?:0|零)"
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
  static final Pattern OTHER_PERIOD_OR_SCOPE =
      Pattern.compile(
          "累计|近[一二两三四五六七八九十\\d]+年|近年|历年|以来|上半年|下半年|季度|月份|个月|\\d{1,2}[-—~至到]\\d{1,2}月"
              + "|多年|每年|年均|平均"
              + "|各级|各部门|各单位|各乡|各镇|各街道|各县|各区|各地|各委办局"
              + "|市本级|本级|所属|下属|直属|系统内|全系统|全行业"
              + "|力争|预计|争取|拟于|拟在|拟将|计划于|计划在|计划将|计划制发|计划出台|下一步|明年|将于|目标|如果|若|假设");

  /**
   * A comparison with another year: from the clause that makes it on, the sentence speaks of the
   * difference or of that year ("收到申请85件，较上年增加10件").
   */
  static final Pattern COMPARISON =
      Pattern.compile("同比|环比|较上年|比上年|与上年|较去年|比去年|去年|上一年|往年|增加|减少|增长|下降|持平");

  /** Applications of another kind, in a sentence about them: 12345 hotline tickets, letters… */
  static final Pattern OTHER_BUSINESS =
      Pattern.compile("热线|工单|咨询|信箱|留言|提案|建议|议案|信访|投诉|举报|许可|审批|政务服务");

  static final Pattern YEAR = Pattern.compile("(?<![\\d])(\\d{4}|[〇零一二三四五六七八九]{4})(?=年)");
  static final Pattern CUT_OFF = Pattern.compile("截[至止]");
  static final Pattern YEAR_END = Pattern.compile("截[至止](?:\\d{4}年)?(?:12月31日|年底|年末)");
  static final Pattern THOUSANDS = Pattern.compile("(?<=\\d),(?=\\d{3}(?!\\d))");
  static final Pattern TITLE = Pattern.compile("《[^《》]*》");
  static final Pattern SENTENCE = Pattern.compile("[^。！？!?\\n]+[。！？!?]?|\\n");
  static final Pattern CLAUSE = Pattern.compile("[^,;:()\\[\\]【】“”\"]+");
  static final Pattern LISTED = Pattern.compile("^(?:[、和及与]|以及)");
  static final Pattern NUMBER_NEXT = Pattern.compile("^(?:[、和及与]|以及)?(?:\\d|[" + NUMERALS + "])");
  static final Pattern REVIEW_MENTION =
      Pattern.compile("行政复议|复议后(?:提起)?(?:行政)?(?:起诉|诉讼)|直接(?:提起)?(?:行政)?(?:起诉|诉讼)|行政诉讼");
  static final Pattern DOCUMENT_MENTION = Pattern.compile(DOCUMENT);

  /**
   * The whole of a region: in a department's report another scope than the department's, but in a
   * government's own report (人民政府, 管委会, its 办公室) the report's scope: "2023年，全县收到…".
   */
  static final String REGION_WORDS = "全市|全区|全县|全省|全州|全旗|全盟|全镇|全乡|全街道";

  private static final Pattern REGION = Pattern.compile(REGION_WORDS);

  private static final Pattern GOVERNMENT =
      Pattern.compile("(?:人民政府|政府|管委会|管理委员会|街道办事处)(?:办公室|办公厅)?$");

  /** Whether the agency is a government (or its office), whose report speaks for its region. */
  static boolean government(String agencyName) {
    return agencyName != null && GOVERNMENT.matcher(agencyName.strip()).find();
  }

  /** Whether the sentence speaks of another period or scope than the report's, or of a plan. */
  static boolean otherPeriodOrScope(String sentence, boolean government) {
    return OTHER_PERIOD_OR_SCOPE.matcher(sentence).find()
        || (!government && REGION.matcher(sentence).find());
  }

  static Pattern prefix(String agencyName) {
    String words = PREFIX_WORDS;
    if (government(agencyName)) {
      words = REGION_WORDS + "|" + words;
    }
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

  private static Form form(String regex, Kind kind) {
    return new Form(Pattern.compile(regex), kind);
  }
}
