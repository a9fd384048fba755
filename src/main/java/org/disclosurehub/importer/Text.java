package org.disclosurehub.importer;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.disclosurehub.report.Amounts;

/**
 * Normalisation of published text, and the strict reading of the numbers in it. Everything here
 * runs in one pass over its input: no regular expression sees untrusted text.
 */
final class Text {
  private Text() {}

  /**
   * NFKC turns full-width digits, letters, spaces and punctuation into their ASCII forms ("１２" →
   * "12", "（一）" → "(一)", "，" → ","); every other kind of space becomes a plain space, and invisible
   * characters (zero-width spaces, byte order marks, controls) are dropped. Tabs stay: they
   * separate cells.
   */
  static String normalize(String text) {
    String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
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

  /** The text without any white space: labels are compared this way ("本年度办 理结果"). */
  static String compact(String normalized) {
    StringBuilder out = new StringBuilder(normalized.length());
    for (int i = 0; i < normalized.length(); i++) {
      char c = normalized.charAt(i);
      if (c != ' ' && c != '\t') {
        out.append(c);
      }
    }
    return out.toString();
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
    for (int i = 0; i < token.length(); i++) {
      if ("0123456789.,-—–/*×".indexOf(token.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * A count: digits, optionally with thousands separators ("1,342"), optionally negative (the rules
   * then report it). Anything else, "1.5" or "—" included, is not read: null.
   */
  static Integer count(String token) {
    String digits = withoutThousands(token.startsWith("-") ? token.substring(1) : token);
    if (digits == null || digits.indexOf('.') >= 0 || digits.length() > 9) {
      return null;
    }
    int value = Integer.parseInt(digits);
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
