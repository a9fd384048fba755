package org.disclosurehub.submission;

import java.util.Arrays;
import org.disclosurehub.system.ProblemException;
import org.disclosurehub.system.ProblemType;

/**
 * {@code If-Match} and {@code If-None-Match} on a report (RFC 9110 §13), whose entity tag is its
 * current revision number: {@code "3"}. Weak tags never match, as RFC 9110 asks for writes.
 */
final class Preconditions {
  private Preconditions() {}

  static String etag(int revision) {
    return "\"" + revision + "\"";
  }

  /** Throws a 412 problem unless the headers allow writing over {@code currentRevision}. */
  static void check(String ifMatch, String ifNoneMatch, int currentRevision) {
    boolean exists = currentRevision > 0;
    if (ifMatch != null && !ifMatch.isBlank()) {
      boolean matches =
          ifMatch.strip().equals("*") ? exists : exists && listed(ifMatch, etag(currentRevision));
      if (!matches) {
        throw new ProblemException(
            ProblemType.PRECONDITION_FAILED,
            exists
                ? "If-Match "
                    + ifMatch.strip()
                    + " does not name the current revision "
                    + etag(currentRevision)
                    + "; read the report again and resubmit"
                : "If-Match " + ifMatch.strip() + " given, but there is no report yet");
      }
    }
    checkIfNoneMatch(ifNoneMatch, currentRevision);
  }

  /**
   * Throws a 412 problem when {@code If-None-Match} is {@code *} or names the current revision of
   * an existing report. RFC 9110 §13.1.2 allows no exception for other methods than GET and HEAD,
   * not even when the content is the same (the 2xx of §13.1.1 is If-Match's).
   */
  static void checkIfNoneMatch(String ifNoneMatch, int currentRevision) {
    boolean exists = currentRevision > 0;
    if (ifNoneMatch != null && !ifNoneMatch.isBlank() && exists) {
      if (ifNoneMatch.strip().equals("*") || listed(ifNoneMatch, etag(currentRevision))) {
        throw new ProblemException(
            ProblemType.PRECONDITION_FAILED,
            "If-None-Match "
                + ifNoneMatch.strip()
                + " given, but the report exists at revision "
                + etag(currentRevision));
      }
    }
  }

  private static boolean listed(String header, String etag) {
    return Arrays.stream(header.split(",")).map(String::strip).anyMatch(etag::equals);
  }
}
