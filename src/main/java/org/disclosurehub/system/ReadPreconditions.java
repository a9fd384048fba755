package org.disclosurehub.system;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;

/**
 * The preconditions of a read (RFC 9110 §13.2.2): 304 when the client's copy is current, a 412
 * problem when If-Match or If-Unmodified-Since fails. JAX-RS answers that 412 with an empty body;
 * every refusal of the service is a problem, so it is thrown as one here.
 */
public final class ReadPreconditions {
  private ReadPreconditions() {}

  /**
   * The order of a route that answers a read's preconditions before the framework does: after
   * {@link HttpGate} and {@link RequestHeaders} (so the request has passed the gate and its Accept
   * is canonical), before Quarkus's own filters (security, the URI template for metrics) and
   * Quarkus REST.
   */
  public static final int EARLY_ANSWER_ORDER = RequestHeaders.ORDER + 100;

  /**
   * An HTTP-date (RFC 9110 §5.6.7, IMF-fixdate), as Quarkus REST writes a {@code Date} header.
   * Formatted once per tag and set as text: Quarkus REST formats a {@code Date} header with a new
   * {@code SimpleDateFormat} per response, 14 % of the JVM's samples of a 304 (bench/README).
   */
  public static String httpDate(Date date) {
    return HTTP_DATE.format(date.toInstant());
  }

  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  /** The 304 to answer, or null to answer the body; throws the 412 problem. */
  public static Response.ResponseBuilder evaluate(
      Request request, Date lastModified, EntityTag tag) {
    Response.ResponseBuilder answer =
        lastModified == null
            ? request.evaluatePreconditions(tag)
            : request.evaluatePreconditions(lastModified, tag);
    // build() resets a builder, so the status is read from a copy.
    if (answer != null && answer.clone().build().getStatus() == 412) {
      throw new ProblemException(
          ProblemType.PRECONDITION_FAILED,
          "If-Match or If-Unmodified-Since does not hold for the current representation (ETag "
              + tag
              + ")");
    }
    return answer;
  }
}
