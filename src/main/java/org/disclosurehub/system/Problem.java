package org.disclosurehub.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.disclosurehub.report.RuleViolation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem: what went wrong, in a body a client can read and a person can act on. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
    description = "RFC 9457 problem details (application/problem+json)",
    requiredProperties = {"type", "title", "status", "detail"})
public record Problem(
    @Schema(
            description = "Stable identifier of the kind of problem (relative URI)",
            example = "/problems/report-inconsistent")
        String type,
    @Schema(description = "Short human title of the kind", example = "Report does not add up")
        String title,
    @Schema(description = "HTTP status", example = "422") int status,
    @Schema(description = "What happened in this request") String detail,
    @Schema(description = "The request path", example = "/api/v1/agencies/zw-mzj/reports/2024")
        String instance,
    @Schema(description = "Fields that are missing, of the wrong type or not allowed")
        List<FieldError> errors,
    @Schema(description = "Accounting rules the report breaks, every one of them")
        List<RuleViolation> violations) {

  /** One field of the request that is wrong, by JSON Pointer (or parameter name). */
  @Schema(
      requiredProperties = {"pointer", "message"},
      description = "A field of the request that is wrong")
  public record FieldError(
      @Schema(
              description = "JSON Pointer into the body, or the name of a parameter",
              example = "/requests/newlyReceived/naturalPerson")
          String pointer,
      @Schema(description = "What is wrong with it", example = "must be a whole number")
          String message) {}

  /** Longest text of the request a problem repeats; the rest is cut with "…". */
  static final int MAX_ECHO = 200;

  /** The problem about the resource at {@code path}, as it goes out: see {@link #sanitized()}. */
  Problem withInstance(String path) {
    return new Problem(type, title, status, detail, path, errors, violations);
  }

  /**
   * The problem as it may be sent (its {@code instance} already encoded): {@code detail} and field
   * errors with control characters and lone surrogates escaped as JSON-style backslash-u escapes
   * and long echoes of the request cut, so that no byte the request sent comes back raw.
   */
  Problem sanitized() {
    return new Problem(
        type,
        title,
        status,
        detail == null ? null : escape(detail, 2_000),
        instance,
        errors == null
            ? null
            : errors.stream()
                .map(e -> new FieldError(escape(e.pointer(), MAX_ECHO), escape(e.message(), 2_000)))
                .toList(),
        violations);
  }

  /**
   * Text with every control character and lone surrogate as a backslash-u escape, cut at {@code
   * max}.
   */
  public static String escape(String text, int max) {
    StringBuilder safe = new StringBuilder(Math.min(text.length(), max) + 8);
    for (int i = 0; i < text.length(); i++) {
      if (safe.length() >= max) {
        return safe.append('…').toString();
      }
      char c = text.charAt(i);
      boolean pairedSurrogate =
          Character.isHighSurrogate(c)
                  && i + 1 < text.length()
                  && Character.isLowSurrogate(text.charAt(i + 1))
              || Character.isLowSurrogate(c)
                  && i > 0
                  && Character.isHighSurrogate(text.charAt(i - 1));
      if (Character.isISOControl(c) || Character.isSurrogate(c) && !pairedSurrogate) {
        safe.append(String.format("\\u%04X", (int) c));
      } else {
        safe.append(c);
      }
    }
    return safe.toString();
  }

  /** RFC 3986's unreserved and sub-delims, ':', '@' and '/': what a path holds unencoded. */
  private static final java.util.BitSet PATH_CHARS = new java.util.BitSet(128);

  static {
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/"
        .chars()
        .forEach(PATH_CHARS::set);
  }

  /** Whether the {@code %} that ends at {@code after} starts two hex digits. */
  private static boolean startsEscape(String path, int after) {
    return after + 1 < path.length()
        && Character.digit(path.charAt(after), 16) >= 0
        && Character.digit(path.charAt(after + 1), 16) >= 0;
  }

  /**
   * A path as a URI reference, cut after MAX_ECHO: the characters a path may hold as they are,
   * every other one percent-encoded as UTF-8, and {@code %} itself too unless the path is still
   * encoded as it came ({@code keepPercent}; then a {@code %} is kept only where it starts two hex
   * digits). A path as it came is the request line's bytes read as ISO-8859-1, so there a character
   * up to U+00FF is one byte sent, and encoded as that byte.
   */
  static String encodedPath(String path, boolean keepPercent) {
    if (path == null) {
      return null;
    }
    StringBuilder encoded = new StringBuilder();
    for (int i = 0; i < path.length() && encoded.length() < MAX_ECHO; ) {
      int c = path.codePointAt(i);
      i += Character.charCount(c);
      if (c == '%' ? keepPercent && startsEscape(path, i) : c < 0x7f && PATH_CHARS.get(c)) {
        encoded.append((char) c);
      } else if (keepPercent && c <= 0xff) {
        encoded.append('%').append(String.format("%02X", c));
      } else {
        for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
          encoded.append('%').append(String.format("%02X", b & 0xff));
        }
      }
    }
    return encoded.length() >= MAX_ECHO ? encoded.append("…").toString() : encoded.toString();
  }
}
