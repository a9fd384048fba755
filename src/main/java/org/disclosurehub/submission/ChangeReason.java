package org.disclosurehub.submission;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.disclosurehub.system.ProblemException;

/**
 * The {@code X-Change-Reason} a writer may give, recorded with the revision it writes (the audit
 * trail). Resources pass the header as it came; it is checked when a revision is stored.
 *
 * <p>Most HTTP clients (Java's HttpClient, Node's fetch, Python's urllib) send header values in
 * ISO-8859-1 only, so a Chinese reason comes in one of three forms, all stored as the text:
 * percent-encoded UTF-8 ({@code %E6%9B%B4%E6%AD%A3}), RFC 8187's extended value ({@code
 * UTF-8''%E6%9B%B4%E6%AD%A3}), or raw UTF-8 bytes (as curl sends them).
 */
public final class ChangeReason {
  public static final String HEADER = "X-Change-Reason";
  static final int MAX_LENGTH = 500;

  /** RFC 8187 ext-value: charset ' [language] ' value-chars. */
  private static final Pattern EXTENDED =
      Pattern.compile("(?i)UTF-8'[A-Za-z0-9-]*'([A-Za-z0-9!#$&+.^_`|~%-]*)");

  /** Text with at least one %XX escape and every % starting one. */
  private static final Pattern PERCENT_ENCODED =
      Pattern.compile("(?:[^%]|%[0-9A-Fa-f]{2})*%[0-9A-Fa-f]{2}(?:[^%]|%[0-9A-Fa-f]{2})*");

  private ChangeReason() {}

  /**
   * The reason to record, or null when none was given: at most 500 characters, without control
   * characters (HTTP lets some through, such as C1 characters decoded from UTF-8).
   */
  static String checked(String header) {
    String reason = text(header);
    if (reason != null && reason.length() > MAX_LENGTH) {
      throw ProblemException.invalidParameter(
          HEADER, "must have at most " + MAX_LENGTH + " characters");
    }
    if (reason != null && reason.chars().anyMatch(Character::isISOControl)) {
      throw ProblemException.invalidParameter(HEADER, "must not contain control characters");
    }
    return reason;
  }

  /**
   * The header's text. HTTP carries header bytes, which arrive here one character per byte: the RFC
   * 8187 form and percent-encoded UTF-8 are decoded, raw UTF-8 (as curl sends 更正) is decoded as
   * such, anything else kept as it came. An RFC 8187 value that is not UTF-8 is refused: the writer
   * said it was.
   */
  static String text(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String text = header.strip();
    var extended = EXTENDED.matcher(text);
    if (extended.matches()) {
      String decoded = percentDecoded(extended.group(1));
      if (decoded == null) {
        throw ProblemException.invalidParameter(
            HEADER, "UTF-8''… must be percent-encoded UTF-8 (RFC 8187)");
      }
      return decoded.isBlank() ? null : decoded.strip();
    }
    if (text.chars().allMatch(c -> c < 0x80)) {
      if (PERCENT_ENCODED.matcher(text).matches()) {
        // "50%" or "%zz" are not escapes and stay literal; escapes that are not UTF-8 too.
        String decoded = percentDecoded(text);
        if (decoded != null && !decoded.isBlank()) {
          return decoded.strip();
        }
      }
      return text;
    }
    if (text.chars().anyMatch(c -> c > 0xff)) {
      return text;
    }
    String decoded = utf8(text.getBytes(StandardCharsets.ISO_8859_1));
    return decoded == null ? text : decoded;
  }

  /** The %XX escapes of ASCII text decoded as UTF-8 (+ stays +), or null if not UTF-8. */
  private static String percentDecoded(String ascii) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(ascii.length());
    for (int i = 0; i < ascii.length(); i++) {
      char c = ascii.charAt(i);
      if (c == '%' && isHex(ascii, i + 1) && isHex(ascii, i + 2)) {
        bytes.write(HexFormat.fromHexDigits(ascii, i + 1, i + 3));
        i += 2;
      } else if (c == '%') {
        return null;
      } else {
        bytes.write(c);
      }
    }
    return utf8(bytes.toByteArray());
  }

  private static boolean isHex(String text, int at) {
    return at < text.length() && HexFormat.isHexDigit(text.charAt(at));
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException notUtf8) {
      return null;
    }
  }
}
