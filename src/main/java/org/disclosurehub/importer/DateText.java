package org.disclosurehub.importer;

/**
 * Dates as reports print them at their end: "2025年1月20日", "二〇二五年一月二十日", "2025-01-20", "2025.1.20",
 * optionally after the agency's name on the same line.
 */
final class DateText {
  private static final String CHINESE_DIGITS = "〇一二三四五六七八九";

  private DateText() {}

  /** {year, month, day} as written (not yet checked to exist), or null. */
  static int[] parse(String compact) {
    String s = compact;
    while (s.endsWith("。") || s.endsWith(".")) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.length() > 60) {
      return null;
    }
    if (s.endsWith("日")) {
      int year = s.lastIndexOf('年');
      int month = s.indexOf('月', year + 1);
      if (year < 4 || month < 0) {
        return null;
      }
      int y = number(s.substring(year - 4, year), true);
      int m = number(s.substring(year + 1, month), false);
      int d = number(s.substring(month + 1, s.length() - 1), false);
      return y < 0 || m < 0 || d < 0 ? null : new int[] {y, m, d};
    }
    if (s.length() < 8 || s.length() > 10) {
      return null;
    }
    for (char separator : new char[] {'-', '.', '/'}) {
      String[] parts = s.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1);
      if (parts.length == 3 && parts[0].length() == 4) {
        int y = number(parts[0], true);
        int m = number(parts[1], false);
        int d = number(parts[2], false);
        if (y >= 0 && m >= 0 && d >= 0) {
          return new int[] {y, m, d};
        }
      }
    }
    return null;
  }

  /**
   * Digits, or Chinese numerals: a year digit by digit (二〇二五, also with ○ or 零), a month or day
   * with 十 (十, 十二, 二十, 三十一).
   */
  private static int number(String text, boolean digitByDigit) {
    if (text.isEmpty() || text.length() > 4) {
      return -1;
    }
    if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Integer.parseInt(text);
    }
    String t = text.replace('○', '〇').replace('零', '〇');
    if (digitByDigit) {
      int value = 0;
      for (char c : t.toCharArray()) {
        int digit = CHINESE_DIGITS.indexOf(c);
        if (digit < 0) {
          return -1;
        }
        value = value * 10 + digit;
      }
      return value;
    }
    int ten = t.indexOf('十');
    if (ten < 0) {
      return t.length() == 1 ? CHINESE_DIGITS.indexOf(t.charAt(0)) : -1;
    }
    int tens = ten == 0 ? 1 : (ten == 1 ? CHINESE_DIGITS.indexOf(t.charAt(0)) : -1);
    String rest = t.substring(ten + 1);
    int ones =
        rest.isEmpty() ? 0 : (rest.length() == 1 ? CHINESE_DIGITS.indexOf(rest.charAt(0)) : -1);
    return tens < 0 || ones < 0 ? -1 : tens * 10 + ones;
  }
}
