package org.disclosurehub.report;

import static org.disclosurehub.report.NarrativeForms.COMPARISON;
import static org.disclosurehub.report.NarrativeForms.CUT_OFF;
import static org.disclosurehub.report.NarrativeForms.THOUSANDS;
import static org.disclosurehub.report.NarrativeForms.TITLE;
import static org.disclosurehub.report.NarrativeForms.YEAR;
import static org.disclosurehub.report.NarrativeForms.YEAR_END;

import java.text.Normalizer;
import java.util.regex.Matcher;
import org.disclosurehub.text.ChineseText;

/** Numbers and years as the prose writes them, and the folding of a sentence before it is read. */
final class NarrativeNumbers {
  private NarrativeNumbers() {}

  /** Full-width forms folded, white space and thousands separators removed, titles blanked. */
  static String normalise(String sentence) {
    String s = Normalizer.normalize(sentence, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    s = THOUSANDS.matcher(s).replaceAll("");
    return TITLE.matcher(s).replaceAll("《》");
  }

  static boolean cutOffBeforeYearEnd(String s) {
    return CUT_OFF.matcher(s).find() && !YEAR_END.matcher(s).find();
  }

  /** A clause that compares with, or names, a year other than the report's. */
  static boolean speaksOfAnotherYear(String clause, int year) {
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

  static Integer year(String digits) {
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
    return ChineseText.number(text);
  }
}
