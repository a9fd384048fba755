package org.disclosurehub.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.report.ReportFixtures.naturalResources2024;
import static org.disclosurehub.report.ReportFixtures.withNarrative;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * NARRATIVE_MISMATCH on 中卫市自然资源局's 2024 tables: 本年新收 104, 上年结转 5, 办结 102, 结转 7; 予以公开 50, 部分公开 11,
 * 不予公开 12, 无法提供 19, 不予处理 8, 其他处理 2; 行政复议 5 (维持 3, 纠正 1, 尚未审结 1), 直接起诉 4 (维持 2, 其他 1, 尚未审结 1), 复议后起诉
 * 1 (维持 1); 规范性文件 制发 5, 废止 2, 现行有效 37; 规章 现行有效 2; 主动公开 1260 条.
 */
class NarrativeMismatchTest {
  private static final String AGENCY = "中卫市自然资源局";

  /** Every statement form the reader knows, each agreeing with the tables. */
  static final String AGREEING =
      """
      2024年，市自然资源局坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》，\
      主动公开政府信息1260条，其中政策文件48条、规划计划15条、行政许可1120条、其他信息77条。
      2024年，我局共收到政府信息公开申请109件，其中本年新收104件，上年结转5件。全年共办结102件，结转下年度继续办理7件。\
      办结的申请中，予以公开50件，部分公开11件，不予公开12件，无法提供19件，不予处理8件，其他处理2件。
      本年度发生政府信息公开行政复议案件5件，其中结果维持3件、结果纠正1件、尚未审结1件；行政诉讼5件，其中维持3件。\
      未经复议直接起诉四件，复议后起诉一件。
      本年制发行政规范性文件5件，废止2件，现行有效行政规范性文件37件。现行有效规章2件。
      """;

  @Test
  void shouldFindNothingWhenEveryStatementAgrees() {
    Report report = withNarrative(naturalResources2024(), AGREEING);

    assertThat(PlausibilityChecks.narrativeMismatch(report, 2024, AGENCY)).isEmpty();
    // …and it did read them: every form above is a statement.
    assertThat(NarrativeReading.read(report.narrative(), 2024, AGENCY))
        .extracting(s -> s.claim().pointer() + "=" + s.value())
        .contains(
            "/publishedItems/total=1260",
            "/requests/newlyReceived/total=109",
            "/requests/newlyReceived/total=104",
            "/requests/carriedOver/total=5",
            "/requests/outcomes/total/total=102",
            "/requests/carriedForward/total=7",
            "/requests/outcomes/granted/total=50",
            "/requests/outcomes/partiallyGranted/total=11",
            "/requests/outcomes/denied=12",
            "/requests/outcomes/unableToProvide=19",
            "/requests/outcomes/notProcessed=8",
            "/requests/outcomes/otherHandling=2",
            "/reviews/administrativeReview/total=5",
            "/reviews/administrativeReview/upheld=3",
            "/reviews/administrativeReview/corrected=1",
            "/reviews/administrativeReview/pending=1",
            "/reviews=5",
            "/reviews=3",
            "/reviews/litigationDirect/total=4",
            "/reviews/litigationAfterReview/total=1",
            "/activeDisclosure/normativeDocuments/issued=5",
            "/activeDisclosure/normativeDocuments/repealed=2",
            "/activeDisclosure/normativeDocuments/inForce=37",
            "/activeDisclosure/regulations/inForce=2");
  }

  @Test
  void shouldFindNothingOnTheSeedAsPublished() {
    Report seed = ReportFixtures.zhongweiCivilAffairs2024();
    String text = resource("/reports/zhongwei-civil-affairs-2024.txt");
    Narrative narrative =
        new Narrative(
            between(text, "一、总体情况", "二、主动公开政府信息情况"),
            between(text, "五、存在的主要问题及改进情况", "六、其他需要报告的事项"),
            text.substring(text.indexOf("六、其他需要报告的事项")),
            null);

    assertThat(PlausibilityChecks.narrativeMismatch(withNarrative(seed, narrative), 2024, "中卫市民政局"))
        .isEmpty();
    // It states that nothing was received and no case brought, which agrees with the zeros.
    assertThat(NarrativeReading.read(narrative, 2024, "中卫市民政局"))
        .extracting(s -> s.claim().pointer() + "=" + s.value())
        .contains(
            "/requests/newlyReceived/total=0",
            "/reviews/administrativeReview/total=0",
            "/reviews=0");
  }

  @Test
  void shouldFindNothingOnTheNaturalResourcesProseAsFiled() {
    Report report = naturalResources2024();

    assertThat(PlausibilityChecks.narrativeMismatch(report, 2024, AGENCY)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          全年共收到政府信息公开申请75件。 | /requests/newlyReceived/total | 75 | 104
          2024年，我局收到各类政府信息公开申请一百二十件。 | /requests/newlyReceived/total | 120 | 104
          市自然资源局受理依申请公开政府信息申请98件。 | /requests/newlyReceived/total | 98 | 104
          我局未收到政府信息公开申请。 | /requests/newlyReceived/total | 0 | 104
          本年新收政府信息公开申请109件。 | /requests/newlyReceived/total | 109 | 104
          上年结转政府信息公开申请3件。 | /requests/carriedOver/total | 3 | 5
          共收到申请109件，已办结100件。 | /requests/outcomes/total/total | 100 | 102
          共收到申请109件，结转至2025年继续办理9件。 | /requests/carriedForward/total | 9 | 7
          共收到申请109件，其中予以公开45件、部分公开11件。 | /requests/outcomes/granted/total | 45 | 50
          对收到的申请，部分公开十件。 | /requests/outcomes/partiallyGranted/total | 10 | 11
          共收到申请109件，不予公开13件。 | /requests/outcomes/denied | 13 | 12
          本年度发生政府信息公开行政复议案件6件。 | /reviews/administrativeReview/total | 6 | 5
          被申请行政复议5件，其中结果维持2件。 | /reviews/administrativeReview/upheld | 2 | 3
          行政复议5件，其中纠正2件。 | /reviews/administrativeReview/corrected | 2 | 1
          发生行政诉讼4件。 | /reviews | 4 | 5
          未发生政府信息公开行政诉讼。 | /reviews | 0 | 5
          行政诉讼5件，尚未审结2件。 | /reviews | 2 | 1
          复议后起诉2件。 | /reviews/litigationAfterReview/total | 2 | 1
          未经复议直接起诉3件。 | /reviews/litigationDirect/total | 3 | 4
          主动公开政府信息1,206条。 | /publishedItems/total | 1206 | 1260
          本年度制发规范性文件6件。 | /activeDisclosure/normativeDocuments/issued | 6 | 5
          本年度未制发规范性文件。 | /activeDisclosure/normativeDocuments/issued | 0 | 5
          清理行政规范性文件40件，废止3件。 | /activeDisclosure/normativeDocuments/repealed | 3 | 2
          现行有效的规章3件。 | /activeDisclosure/regulations/inForce | 3 | 2
          """)
  void shouldReportAStatementThatDisagrees(
      String sentence, String pointer, String stated, String table) {
    Report report = withNarrative(naturalResources2024(), sentence);

    List<RuleViolation> found = PlausibilityChecks.narrativeMismatch(report, 2024, AGENCY);

    assertThat(found).hasSize(1);
    RuleViolation finding = found.get(0);
    assertThat(finding.rule()).isEqualTo(Rule.NARRATIVE_MISMATCH);
    assertThat(finding.path()).isEqualTo(pointer);
    assertThat(finding.expected()).isEqualTo(stated);
    assertThat(finding.actual()).isEqualTo(table);
    assertThat(finding.quote()).isEqualTo(sentence);
    assertThat(finding.message()).contains("“" + sentence + "”").contains(" is " + table);
  }

  @Test
  void shouldReadEachOfTwoSubjects() {
    Report agreeing = withNarrative(naturalResources2024(), "行政复议和行政诉讼各5件。");
    Report disagreeing = withNarrative(naturalResources2024(), "行政复议、行政诉讼案件各4件。");

    assertThat(PlausibilityChecks.narrativeMismatch(agreeing, 2024, AGENCY)).isEmpty();
    assertThat(PlausibilityChecks.narrativeMismatch(disagreeing, 2024, AGENCY))
        .extracting(RuleViolation::path, RuleViolation::expected, RuleViolation::actual)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/reviews/administrativeReview/total", "4", "5"),
            org.assertj.core.groups.Tuple.tuple("/reviews", "4", "5"));
  }

  @Test
  void shouldNameTheLabelAndBothReadingsOfReceived() {
    Report report = withNarrative(naturalResources2024(), "全年共收到政府信息公开申请75件。");

    RuleViolation finding = PlausibilityChecks.narrativeMismatch(report, 2024, AGENCY).get(0);

    assertThat(finding.message())
        .isEqualTo(
            "一、本年新收政府信息公开申请数量 · 总计 is 104 (109 with 本年新收 + 上年结转) in the tables, but the"
                + " narrative states 75: “全年共收到政府信息公开申请75件。”");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        // another period
        "近三年累计收到政府信息公开申请300件。",
        "2023年，我局收到政府信息公开申请60件。",
        "上年度共收到政府信息公开申请80件，办结78件。",
        "共收到申请109件，较上年增加20件。",
        "2024年上半年收到政府信息公开申请40件。",
        "截至11月底，共收到政府信息公开申请90件。",
        "《条例》实施以来，我局共收到政府信息公开申请900件。",
        // another scope
        "全市各级行政机关共收到政府信息公开申请1200件。",
        "其中，市不动产登记中心收到政府信息公开申请40件。",
        "市本级收到政府信息公开申请60件。",
        "局属各单位共办结申请30件。",
        "通过互联网收到政府信息公开申请60件。",
        "通过政府网站主动公开政府信息900条。",
        "按时办结申请90件，逾期答复1件。",
        "书面答复政府信息公开申请60件。",
        // approximate
        "收到政府信息公开申请约100件。",
        "全年收到政府信息公开申请80余件。",
        "收到政府信息公开申请100件左右。",
        "主动公开政府信息近千条。",
        // two readings
        "行政复议和行政诉讼共6件。",
        "收到申请109件和98件。",
        "全年收到政府信息公开申请109件，全年收到政府信息公开申请98件。",
        "对规章和规范性文件进行清理，废止3件。",
        "废止行政规范性文件1件、宣布失效1件。",
        "行政复议、行政诉讼案件共2件，均维持原行政行为。",
        // other business, plans
        "全年办理12345热线工单40件，办结40件。",
        "收到人大代表建议和政协提案15件。",
        "力争收到的申请全部按时办结，计划制发规范性文件10件。",
        "收到行政许可申请1342件。"
      })
  void shouldFindNothingWhereTheSentenceSpeaksOfSomethingElse(String sentence) {
    Report report = withNarrative(naturalResources2024(), sentence);

    assertThat(PlausibilityChecks.narrativeMismatch(report, 2024, AGENCY)).isEmpty();
  }

  @Test
  void shouldNotTakeAnotherDepartmentForTheAgencyWhenTheNameIsUnknown() {
    Report report = withNarrative(naturalResources2024(), "市民政局收到政府信息公开申请40件。");

    assertThat(PlausibilityChecks.narrativeMismatch(report, 2024, null)).isEmpty();
    assertThat(PlausibilityChecks.narrativeMismatch(report, 2024, "中卫市民政局")).hasSize(1);
  }

  @Test
  void shouldCompareTheItemsPublishedOnlyWhenTheReportStatesATotal() {
    Report report = naturalResources2024();
    Report withoutTotal =
        new Report(
            report.formatVersion(),
            report.publishedOn(),
            report.activeDisclosure(),
            report.activeDisclosure2019(),
            report.requests(),
            report.reviews(),
            null,
            new Narrative("主动公开政府信息900条。", null, null, null));

    assertThat(PlausibilityChecks.narrativeMismatch(withoutTotal, 2024, AGENCY)).isEmpty();
  }

  @Test
  void shouldReadChineseNumerals() {
    assertThat(NarrativeReading.number("零")).isZero();
    assertThat(NarrativeReading.number("四")).isEqualTo(4);
    assertThat(NarrativeReading.number("十五")).isEqualTo(15);
    assertThat(NarrativeReading.number("二十")).isEqualTo(20);
    assertThat(NarrativeReading.number("一百二十")).isEqualTo(120);
    assertThat(NarrativeReading.number("一千二百六十")).isEqualTo(1260);
    assertThat(NarrativeReading.number("两千零五")).isEqualTo(2005);
    assertThat(NarrativeReading.number("一万二千")).isEqualTo(12000);
    assertThat(NarrativeReading.number("一二")).isNull();
    assertThat(NarrativeReading.number("百")).isNull();
  }

  private static String between(String text, String from, String to) {
    return text.substring(text.indexOf(from) + from.length(), text.indexOf(to)).strip();
  }

  private static String resource(String name) {
    try (InputStream in = NarrativeMismatchTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
