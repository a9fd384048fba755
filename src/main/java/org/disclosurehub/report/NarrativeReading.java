package org.disclosurehub.report;

import static org.disclosurehub.report.NarrativeForms.CLAUSE;
import static org.disclosurehub.report.NarrativeForms.DOCUMENT_MENTION;
import static org.disclosurehub.report.NarrativeForms.FORMS;
import static org.disclosurehub.report.NarrativeForms.LISTED;
import static org.disclosurehub.report.NarrativeForms.NUMBER_NEXT;
import static org.disclosurehub.report.NarrativeForms.OTHER_BUSINESS;
import static org.disclosurehub.report.NarrativeForms.REVIEW_MENTION;
import static org.disclosurehub.report.NarrativeForms.SENTENCE;
import static org.disclosurehub.report.NarrativeNumbers.cutOffBeforeYearEnd;
import static org.disclosurehub.report.NarrativeNumbers.normalise;
import static org.disclosurehub.report.NarrativeNumbers.number;
import static org.disclosurehub.report.NarrativeNumbers.speaksOfAnotherYear;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  /** One count the prose states, with the sentence that states it. */
  record Statement(NarrativeClaim claim, int value, String sentence) {}

  // ---- what the statements speak of

  static final NarrativeClaim RECEIVED =
      new NarrativeClaim(
          ReportLayout.NEWLY_RECEIVED.pointer() + "/total",
          ReportLayout.NEWLY_RECEIVED.label() + " · 总计",
          r -> r.requests().newlyReceived().total(),
          r -> r.requests().newlyReceived().total() + r.requests().carriedOver().total(),
          "本年新收 + 上年结转");
  static final NarrativeClaim NEWLY_RECEIVED =
      NarrativeClaims.requestTotal(ReportLayout.NEWLY_RECEIVED);
  static final NarrativeClaim CARRIED_OVER =
      NarrativeClaims.requestTotal(ReportLayout.CARRIED_OVER);
  static final NarrativeClaim HANDLED = NarrativeClaims.requestTotal(ReportLayout.OUTCOMES_TOTAL);
  static final NarrativeClaim CARRIED_FORWARD =
      NarrativeClaims.requestTotal(ReportLayout.CARRIED_FORWARD);
  static final NarrativeClaim GRANTED =
      NarrativeClaims.requestTotal(ReportLayout.OUTCOME_ROWS.get(0));
  static final NarrativeClaim PARTIALLY_GRANTED =
      NarrativeClaims.requestTotal(ReportLayout.OUTCOME_ROWS.get(1));
  static final NarrativeClaim DENIED = NarrativeClaims.outcomeGroup("denied", "三(三) 不予公开", 2, 10);
  static final NarrativeClaim UNABLE_TO_PROVIDE =
      NarrativeClaims.outcomeGroup("unableToProvide", "三(四) 无法提供", 10, 13);
  static final NarrativeClaim NOT_PROCESSED =
      NarrativeClaims.outcomeGroup("notProcessed", "三(五) 不予处理", 13, 18);
  static final NarrativeClaim OTHER_HANDLING =
      NarrativeClaims.outcomeGroup("otherHandling", "三(六) 其他处理", 18, 21);
  private static final List<NarrativeClaim> APPLICATION_CLAIMS =
      List.of(RECEIVED, NEWLY_RECEIVED, CARRIED_OVER, HANDLED, CARRIED_FORWARD);

  static final NarrativeClaim PUBLISHED =
      new NarrativeClaim("/publishedItems/total", "主动公开政府信息 条数", r -> r.publishedItems().total());

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
    Pattern prefix = NarrativeForms.prefix(agencyName);
    boolean government = NarrativeForms.government(agencyName);
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
        List<Statement> read = readSentence(quote, year, prefix, government, applicationsBefore);
        found.addAll(read);
        // "共收到申请85件。全年办结83件。": the next sentence of the paragraph goes on about them.
        applicationsBefore = read.stream().anyMatch(r -> APPLICATION_CLAIMS.contains(r.claim()));
      }
    }
    return found;
  }

  private static List<Statement> readSentence(
      String quote, int year, Pattern prefix, boolean government, boolean applicationsBefore) {
    // "结转至2025年继续办理" is next year's share of this year's applications.
    String s = normalise(quote).replaceAll("(结转|转入)(至|到)" + (year + 1) + "年度?", "$1至下年度");
    if (NarrativeForms.otherPeriodOrScope(s, government) || cutOffBeforeYearEnd(s)) {
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
      NarrativeForms.Kind kind = null;
      for (NarrativeForms.Form form : FORMS) {
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
  static String key(NarrativeClaim claim) {
    return claim.pointer() + " " + claim.label() + " " + claim.alternativeLabel();
  }

  private static boolean prefixHasPart(String prefixText) {
    return prefixText.contains("其中") || prefixText.contains("含") || prefixText.contains("包括");
  }

  private static List<Statement> statements(
      NarrativeForms.Kind kind,
      Matcher m,
      String s,
      int at,
      String quote,
      boolean repealMayMeanExpiry) {
    Integer value =
        switch (kind) {
          case RECEIVED_ZERO, CASES_ZERO, ISSUED_ZERO, REPEALED_ZERO -> 0;
          default -> count(m);
        };
    if (value == null) {
      return List.of();
    }
    List<NarrativeClaim> claims = new ArrayList<>();
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
      case REVIEW_TOTAL -> claims.add(NarrativeClaims.CaseSubject.REVIEW.column("total"));
      case LITIGATION_TOTAL -> claims.add(NarrativeClaims.CaseSubject.LITIGATION.column("total"));
      case LITIGATION_DIRECT_TOTAL ->
          claims.add(NarrativeClaims.CaseSubject.LITIGATION_DIRECT.column("total"));
      case LITIGATION_AFTER_REVIEW_TOTAL ->
          claims.add(NarrativeClaims.CaseSubject.LITIGATION_AFTER_REVIEW.column("total"));
      case CASES_ZERO, CASES_EACH -> {
        claims.add(caseSubject(m.group("a")).column("total"));
        if (m.group("b") != null && !m.group("b").equals(m.group("a"))) {
          claims.add(caseSubject(m.group("b")).column("total"));
        } else if (kind == NarrativeForms.Kind.CASES_EACH) {
          return List.of();
        }
      }
      case CASE_UPHELD, CASE_CORRECTED, CASE_OTHER, CASE_PENDING -> {
        NarrativeClaims.CaseSubject subject = subjectBefore(s, at);
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
      case ISSUED, ISSUED_ZERO -> claims.add(NarrativeClaims.Documents.of(m.group("doc")).issued());
      case REPEALED, REPEALED_ZERO -> {
        if (repealMayMeanExpiry) {
          return List.of();
        }
        String doc = m.group("doc") != null ? m.group("doc") : documentBefore(s, at);
        if (doc == null) {
          return List.of();
        }
        claims.add(NarrativeClaims.Documents.of(doc).repealed());
      }
      case IN_FORCE -> claims.add(NarrativeClaims.Documents.of(m.group("doc")).inForce());
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

  private static NarrativeClaims.CaseSubject caseSubject(String mention) {
    if (mention.startsWith("复议后")) {
      return NarrativeClaims.CaseSubject.LITIGATION_AFTER_REVIEW;
    }
    if (mention.startsWith("直接")) {
      return NarrativeClaims.CaseSubject.LITIGATION_DIRECT;
    }
    return mention.equals("行政复议")
        ? NarrativeClaims.CaseSubject.REVIEW
        : NarrativeClaims.CaseSubject.LITIGATION;
  }

  /**
   * The block of Table 四 that "维持1件" speaks of: the last one named before it in the sentence,
   * unless that clause names two ("行政复议和行政诉讼…, 维持1件").
   */
  private static NarrativeClaims.CaseSubject subjectBefore(String s, int at) {
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
    NarrativeClaims.CaseSubject subject = caseSubject(last);
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
    NarrativeClaims.Documents only = null;
    String mention = null;
    while (m.find()) {
      NarrativeClaims.Documents kind = NarrativeClaims.Documents.of(m.group());
      if (only != null && only != kind) {
        return null;
      }
      only = kind;
      mention = m.group();
    }
    return mention;
  }

  /** "十五" → 15; see {@link NarrativeNumbers#number}. */
  static Integer number(String text) {
    return NarrativeNumbers.number(text);
  }
}
