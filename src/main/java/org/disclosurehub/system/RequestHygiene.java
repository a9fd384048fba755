package org.disclosurehub.system;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What {@link HttpGate} checks in a request's head before anything reads it: header fields (size,
 * control characters) and the target (strict percent-encoding, UTF-8, no control characters), each
 * refusal as a problem.
 */
final class RequestHygiene {
  /** The header fields' size a request may have (names, values and separators). */
  static final int MAX_HEADER_BYTES = 20 * 1024;

  private RequestHygiene() {}

  static ProblemException headerProblem(MultiMap headers) {
    long size = 0;
    for (Map.Entry<String, String> header : headers) {
      size += header.getKey().length() + header.getValue().length() + 4;
      if (hasControlCharacter(header.getValue())) {
        return new ProblemException(
            ProblemType.MALFORMED_REQUEST,
            "The header "
                + Problem.escape(header.getKey(), 64)
                + " contains a control character; header values are printable text");
      }
    }
    if (size > MAX_HEADER_BYTES) {
      return new ProblemException(
          ProblemType.HEADERS_TOO_LARGE,
          "The header fields have "
              + size
              + " bytes; at most "
              + MAX_HEADER_BYTES
              + " are accepted");
    }
    return null;
  }

  /** HTAB is allowed in a header value; every other C0 character and DEL is not (RFC 9110 §5.5). */
  private static boolean hasControlCharacter(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 && c != '\t' || c == 0x7f) {
        return true;
      }
    }
    return false;
  }

  static ProblemException targetProblem(HttpServerRequest request) {
    String path = request.path();
    if (path == null || decode(path, false) == null) {
      return new ProblemException(
          ProblemType.MALFORMED_REQUEST,
          "The path is not valid: a % must start a UTF-8 byte in hex (%E4%B8%AD), and the decoded"
              + " path must not contain control characters");
    }
    String query = request.query();
    if (query == null || query.isEmpty()) {
      return null;
    }
    for (String pair : query.split("&", -1)) {
      int equals = pair.indexOf('=');
      String rawName = equals < 0 ? pair : pair.substring(0, equals);
      String name = decode(rawName, true);
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1), true);
      if (name == null || value == null) {
        String shown = name == null ? Problem.escape(rawName, 64) : Problem.escape(name, 64);
        return ProblemException.invalidParameter(
            shown,
            "is not valid: a % must start a UTF-8 byte in hex, and no control character may"
                + " appear");
      }
    }
    return null;
  }

  /**
   * Percent-decodes strictly: every {@code %} starts two hex digits, the bytes are UTF-8, and the
   * text has no control character. Null when any of that fails.
   */
  static String decode(String raw, boolean plusIsSpace) {
    if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
      // The request line is ASCII: a raw byte above it (read as ISO-8859-1) is not a valid target.
      return hasControl(raw) || !isAscii(raw) ? null : raw;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          return null;
        }
        int high = Character.digit(raw.charAt(i + 1), 16);
        int low = Character.digit(raw.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          return null;
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else if (c == '+' && plusIsSpace) {
        bytes.write(' ');
      } else if (c > 0x7f) {
        return null; // the request line is ASCII; raw bytes above it are not a valid target
      } else {
        bytes.write(c);
      }
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes.toByteArray()))
              .toString();
      return hasControl(text) ? null : text;
    } catch (CharacterCodingException notUtf8) {
      return null;
    }
  }

  private static boolean isAscii(String text) {
    return text.chars().allMatch(c -> c <= 0x7f);
  }

  private static boolean hasControl(String text) {
    return text.chars().anyMatch(Character::isISOControl);
  }
}
