package org.disclosurehub.importer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.disclosurehub.report.Amounts;
import org.disclosurehub.report.CellLimits;
import org.disclosurehub.text.ChineseText;

/**
 * Normalisation of published text, and the strict reading of the numbers in it. Everything here
 * runs in one pass over its input: no regular expression sees untrusted text.
 */
final class Text {
  private Text() {}

  /** At most this many unparsed lines are listed; a garbage input must not flood the answer. */
  static final int MAX_UNPARSED = 1000;

  /** Longer lines are not read as table rows (the longest row of the form has some 200). */
  static final int MAX_ROW_LENGTH = 4000;

  static boolean containsAny(String text, String[] words) {
    for (String word : words) {
      if (text.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Folded as {@link ChineseText#fold}: full-width forms to ASCII, invisible characters dropped.
   */
  static String normalize(String text) {
    return ChineseText.fold(text);
  }

  /** The text without any white space: labels are compared this way ("本年度办 理结果"). */
  static String compact(String normalized) {
    return ChineseText.compact(normalized);
  }

  /** Splits normalised text at white space (spaces and tabs alike). */
  static List<String> tokens(String normalized) {
    List<String> tokens = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= normalized.length(); i++) {
      boolean space =
          i == normalized.length() || normalized.charAt(i) == ' ' || normalized.charAt(i) == '\t';
      if (space && start >= 0) {
        tokens.add(normalized.substring(start, i));
        start = -1;
      } else if (!space && start < 0) {
        start = i;
      }
    }
    return tokens;
  }

  /**
   * Whether a token stands in a cell of numbers: digits with separators, or a dash or slash that
   * some reports print for "none". Such tokens end a row; a row's label is everything before.
   */
  static boolean valueLike(String token) {
    if (token.length() > 40) {
      return false;
    }
    if (NONE.contains(token)) {
      return true;
    }
    String number = withoutUnit(token);
    for (int i = 0; i < number.length(); i++) {
      if ("0123456789.,-—–/*×".indexOf(number.charAt(i)) < 0) {
        return false;
      }
    }
    return !number.isEmpty();
  }

  /** What some reports print for "none" in a cell of counts: read as 0 where a count stands. */
  static final java.util.Set<String> NONE = java.util.Set.of("-", "—", "–", "--", "——", "无");

  /** Units a cell may print after its number: of amounts (元, 万元) and of counts (件, 条, 个, 项). */
  private static final String[] UNITS = {"万元", "元", "件", "条", "个", "项"};

  /** The token without the unit it ends with, if it starts with a digit; else the token. */
  static String withoutUnit(String token) {
    if (token.isEmpty() || !Character.isDigit(token.charAt(0))) {
      return token;
    }
    for (String unit : UNITS) {
      if (token.endsWith(unit) && token.length() > unit.length()) {
        return token.substring(0, token.length() - unit.length());
      }
    }
    return token;
  }

  /** The unit a value cell prints ("万元", "元"), or null. */
  static String unitOf(String token) {
    if (!token.isEmpty() && Character.isDigit(token.charAt(0))) {
      if (token.endsWith("万元")) {
        return "万元";
      }
      if (token.endsWith("元")) {
        return "元";
      }
    }
    return null;
  }

  /**
   * A cell holding a number with a note in brackets, as converted reports print it
   * ("12(含依申请公开3件)"), or a number with its unit ("12345678.90元"): the number (with its unit), else
   * null. Expects compact, folded text.
   */
  static String valueWithNote(String compact) {
    int open = compact.indexOf('(');
    String head = open < 0 ? compact : compact.substring(0, open);
    if (open >= 0 && !compact.endsWith(")")) {
      return null;
    }
    if (head.isEmpty() || !Character.isDigit(head.charAt(0)) || !valueLike(head)) {
      return null;
    }
    return head;
  }

  /** A count as a cell prints it: digits with an optional unit (件), or "—", "-", "无" for 0. */
  static Integer countCell(String token) {
    if (NONE.contains(token)) {
      return 0;
    }
    String number = withoutUnit(token);
    return "元".equals(unitOf(token)) ? null : count(number);
  }

  /**
   * A count: digits, optionally with thousands separators ("1,342"), optionally negative (the rules
   * then report it). Anything else, "1.5" or "—" included, is not read: null; so is a count over
   * {@link CellLimits#MAX_COUNT}, which no cell may hold.
   */
  static Integer count(String token) {
    String digits = withoutThousands(token.startsWith("-") ? token.substring(1) : token);
    if (digits == null || digits.indexOf('.') >= 0 || digits.length() > 9) {
      return null;
    }
    int value = Integer.parseInt(digits);
    if (value > CellLimits.MAX_COUNT) {
      return null;
    }
    return token.startsWith("-") ? -value : value;
  }

  /**
   * An amount in 万元: a decimal with at most {@link Amounts#MAX_DECIMALS} places, to the fen
   * ("24252.311082", "1,200.5").
   */
  static BigDecimal amount(String token) {
    String digits = withoutThousands(token);
    int dot = digits == null ? -1 : digits.indexOf('.');
    if (digits == null || (dot < 0 ? digits.length() : dot) > 15 || digits.length() > 30) {
      return null;
    }
    BigDecimal amount = new BigDecimal(digits);
    if (amount.stripTrailingZeros().scale() > Amounts.MAX_DECIMALS) {
      return null;
    }
    return amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros();
  }

  /**
   * The digits of a number written with or without thousands separators, or null when the
   * separators are not in groups of three ("12,3") or the token is not a number at all.
   */
  private static String withoutThousands(String token) {
    int dot = token.indexOf('.');
    String whole = dot < 0 ? token : token.substring(0, dot);
    String fraction = dot < 0 ? "" : token.substring(dot + 1);
    if (whole.isEmpty() || (dot >= 0 && fraction.isEmpty()) || !allDigits(fraction)) {
      return null;
    }
    StringBuilder digits = new StringBuilder();
    if (whole.indexOf(',') >= 0) {
      String[] groups = whole.split(",", -1);
      if (groups[0].isEmpty() || groups[0].length() > 3 || !allDigits(groups[0])) {
        return null;
      }
      digits.append(groups[0]);
      for (int g = 1; g < groups.length; g++) {
        if (groups[g].length() != 3 || !allDigits(groups[g])) {
          return null;
        }
        digits.append(groups[g]);
      }
    } else if (allDigits(whole)) {
      digits.append(whole);
    } else {
      return null;
    }
    return dot < 0 ? digits.toString() : digits + "." + fraction;
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * Page markers printed between the lines of a PDF: "- 3 -", "— 3 —", "第 3 页", "第3页 共10页", "3/10".
   * Expects compact text.
   */
  static boolean pageMarker(String compact) {
    if (compact.isEmpty() || compact.length() > 16) {
      return false;
    }
    char first = compact.charAt(0);
    char last = compact.charAt(compact.length() - 1);
    if (isDash(first) && isDash(last) && compact.length() >= 3) {
      return allDigits(compact.substring(1, compact.length() - 1));
    }
    if (compact.startsWith("第") && compact.endsWith("页")) {
      String inner =
          compact.substring(1, compact.length() - 1).replace("页共", "").replace("页,共", "");
      return allDigits(inner.replace("/", ""));
    }
    int slash = compact.indexOf('/');
    return slash > 0
        && slash < compact.length() - 1
        && compact.length() <= 9
        && allDigits(compact.substring(0, slash))
        && allDigits(compact.substring(slash + 1));
  }

  private static boolean isDash(char c) {
    return c == '-' || c == '—' || c == '–' || c == '~';
  }

  /** Cuts long text for messages: an unparsed line of a huge input must not flood the answer. */
  static String shorten(String text, int max) {
    String trimmed = text.strip();
    return trimmed.length() <= max ? trimmed : trimmed.substring(0, max) + "…";
  }
}
