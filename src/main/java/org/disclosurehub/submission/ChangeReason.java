package org.disclosurehub.submission;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.disclosurehub.system.ProblemException;

/**
 * The {@code X-Change-Reason} a writer may give, recorded with the revision it writes (the audit
 * trail). Resources pass the header as it came; it is checked when a revision is stored.
 */
public final class ChangeReason {
  public static final String HEADER = "X-Change-Reason";
  static final int MAX_LENGTH = 500;

  private ChangeReason() {}

  /** The reason to record, or null when none was given; at most 500 characters. */
  static String checked(String header) {
    String reason = text(header);
    if (reason != null && reason.length() > MAX_LENGTH) {
      throw ProblemException.invalidParameter(
          HEADER, "must have at most " + MAX_LENGTH + " characters");
    }
    return reason;
  }

  /**
   * The header's text. HTTP carries header bytes, which arrive here one character per byte; a
   * reason sent as UTF-8 (as curl sends 更正) is decoded as such, anything else kept as it came.
   */
  static String text(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String text = header.strip();
    if (text.chars().allMatch(c -> c < 0x80) || text.chars().anyMatch(c -> c > 0xff)) {
      return text;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1)))
          .toString();
    } catch (CharacterCodingException notUtf8) {
      return text;
    }
  }
}
