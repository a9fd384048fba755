package org.disclosurehub.text;

import java.text.Normalizer;

/**
 * Chinese text as published reports print it, in one place for the importer and the checks: NFKC
 * folding (full-width digits, letters and punctuation to ASCII), labels compared without white
 * space, Chinese numerals, and dates. Everything here is one pass over its input: no regular
 * expression sees untrusted text.
 */
public final class ChineseText {
  /** The characters of Chinese numerals: digits and the units 十 百 千 万 亿. */
  public static final String NUMERALS = "〇零一二两三四五六七八九十百千万亿";

  private static final String DIGITS = "〇一二三四五六七八九";

  private ChineseText() {}

  /**
   * NFKC turns full-width digits, letters, spaces and punctuation into their ASCII forms ("１２" →
   * "12", "（一）" → "(一)", "，" → ","); every other kind of space becomes a plain space, and invisible
   * characters (zero-width spaces, byte order marks, controls) are dropped. Tabs stay: they
   * separate cells.
   */
  public static String fold(String text) {
    String nfkc = ascii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
    StringBuilder out = new StringBuilder(nfkc.length());
    for (int i = 0; i < nfkc.length(); i++) {
      char c = nfkc.charAt(i);
      if (c == '\t') {
        out.append(c);
      } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        out.append(' ');
      } else if (c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\uFEFF') {
        continue;
      } else if (Character.isISOControl(c)) {
        continue;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** ASCII is its own NFKC form; a line of it need not be normalised. */
  private static boolean ascii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** The text without any white space: labels are compared this way ("本年度办 理结果"). */
  public static String compact(String folded) {
    StringBuilder out = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Whether a character is one of a Chinese numeral ({@link #NUMERALS}). */
  public static boolean isNumeral(int codePoint) {
    return NUMERALS.indexOf(codePoint) >= 0;
  }

  /**
   * "85", "十五", "一百二十", "两千零五", "零": a whole number, or null when it is not one (digits read one by
   * one, "一二", are not a count).
   */
  public static Integer number(String text) {
    if (text.isEmpty()) {
      return null;
    }
    if (Character.isDigit(text.charAt(0))) {
      return text.length() > 9 || !text.chars().allMatch(c -> c >= '0' && c <= '9')
          ? null
          : Integer.valueOf(text);
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

  /**
   * A date as reports print it at their end: "2025年1月20日", "二〇二五年一月二十日", "2025-01-20", "2025.1.20",
   * optionally after the agency's name on the same line: {year, month, day} as written (not yet
   * checked to exist), or null. Expects compact text.
   */
  public static int[] date(String compact) {
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
      int y = datePart(s.substring(year - 4, year), true);
      int m = datePart(s.substring(year + 1, month), false);
      int d = datePart(s.substring(month + 1, s.length() - 1), false);
      return y < 0 || m < 0 || d < 0 ? null : new int[] {y, m, d};
    }
    if (s.length() < 8 || s.length() > 10) {
      return null;
    }
    for (char separator : new char[] {'-', '.', '/'}) {
      String[] parts = split(s, separator);
      if (parts.length == 3 && parts[0].length() == 4) {
        int y = datePart(parts[0], true);
        int m = datePart(parts[1], false);
        int d = datePart(parts[2], false);
        if (y >= 0 && m >= 0 && d >= 0) {
          return new int[] {y, m, d};
        }
      }
    }
    return null;
  }

  private static String[] split(String s, char separator) {
    int first = s.indexOf(separator);
    int second = first < 0 ? -1 : s.indexOf(separator, first + 1);
    if (second < 0 || s.indexOf(separator, second + 1) >= 0) {
      return new String[0];
    }
    return new String[] {
      s.substring(0, first), s.substring(first + 1, second), s.substring(second + 1)
    };
  }

  /**
   * Digits, or Chinese numerals: a year digit by digit (二〇二五, also with ○ or 零), a month or day
   * with 十 (十, 十二, 二十, 三十一).
   */
  private static int datePart(String text, boolean digitByDigit) {
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
        int digit = DIGITS.indexOf(c);
        if (digit < 0) {
          return -1;
        }
        value = value * 10 + digit;
      }
      return value;
    }
    int ten = t.indexOf('十');
    if (ten < 0) {
      return t.length() == 1 ? DIGITS.indexOf(t.charAt(0)) : -1;
    }
    int tens = ten == 0 ? 1 : (ten == 1 ? DIGITS.indexOf(t.charAt(0)) : -1);
    String rest = t.substring(ten + 1);
    int ones = rest.isEmpty() ? 0 : (rest.length() == 1 ? DIGITS.indexOf(rest.charAt(0)) : -1);
    return tens < 0 || ones < 0 ? -1 : tens * 10 + ones;
  }
}
