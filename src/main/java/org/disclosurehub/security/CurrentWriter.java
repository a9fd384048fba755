package org.disclosurehub.security;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.disclosurehub.system.ProblemException;

/**
 * Who is writing in this request and why, for the audit trail of every revision: the author is
 * {@code admin} or {@code token:<id>}, the reason the optional {@code X-Change-Reason} header.
 */
@ApplicationScoped
public class CurrentWriter {
  public static final String REASON_HEADER = "X-Change-Reason";
  public static final int MAX_REASON_LENGTH = 500;

  private final SecurityIdentity identity;
  private final HttpHeaders headers;

  CurrentWriter(SecurityIdentity identity, HttpHeaders headers) {
    this.identity = identity;
    this.headers = headers;
  }

  /** {@code admin} or {@code token:<id>}; no revision is ever stored without one. */
  public String author() {
    if (identity.isAnonymous()) {
      throw new UnauthorizedException();
    }
    return identity.getPrincipal().getName();
  }

  /** The X-Change-Reason of this request, or null; at most 500 characters. */
  public String reason() {
    String reason = reasonText(headers.getHeaderString(REASON_HEADER));
    if (reason != null && reason.length() > MAX_REASON_LENGTH) {
      throw ProblemException.invalidParameter(
          REASON_HEADER, "must have at most " + MAX_REASON_LENGTH + " characters");
    }
    return reason;
  }

  /**
   * The header's text. HTTP carries header bytes, which arrive here one character per byte; a
   * reason sent as UTF-8 (as curl sends 更正) is decoded as such, anything else kept as it came.
   */
  static String reasonText(String header) {
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
