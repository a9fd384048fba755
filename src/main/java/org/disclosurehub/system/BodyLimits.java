package org.disclosurehub.system;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.impl.RoutingContextInternal;
import java.util.Set;

/**
 * The bodies {@link HttpGate} reads: those of PUT, POST and PATCH, up to the limit of their path
 * (imports have their own), counted as they arrive whatever the transfer encoding, and handed on in
 * memory; over the limit is 413.
 */
final class BodyLimits {
  private static final Set<HttpMethod> WITH_BODY =
      Set.of(HttpMethod.PUT, HttpMethod.POST, HttpMethod.PATCH);

  private final HubConfig config;
  private final BodyHandler reportBodies;
  private final BodyHandler importBodies;

  BodyLimits(HubConfig config) {
    this.config = config;
    this.reportBodies = bodies(config.maxReportBytes());
    this.importBodies = bodies(config.maxImportBytes());
  }

  /**
   * Reads a whole body, up to {@code limit} bytes, into the context, where Quarkus REST takes it.
   */
  private static BodyHandler bodies(long limit) {
    // Preallocated, so that an empty body is an empty buffer rather than none (which would leave
    // Quarkus REST waiting for a body that has already ended).
    return BodyHandler.create(false)
        .setBodyLimit(limit)
        .setMergeFormAttributes(false)
        .setPreallocateBodyBuffer(true);
  }

  static boolean hasBody(HttpServerRequest request) {
    return WITH_BODY.contains(request.method()) && !streamed(request);
  }

  /**
   * An import job's archive (POST /api/v1/import-jobs) is not read here: the resource streams it to
   * a file, counting against its own limits (hub.import-jobs.max-archive-bytes), so that an archive
   * is never held whole in memory.
   */
  private static boolean streamed(HttpServerRequest request) {
    return request.method() == HttpMethod.POST && request.path().equals("/api/v1/import-jobs");
  }

  long limit(HttpServerRequest request) {
    return request.path().startsWith("/api/v1/imports")
        ? config.maxImportBytes()
        : config.maxReportBytes();
  }

  /** A Content-Length over the limit, as a problem, before a byte is read; else null. */
  ProblemException declaredTooLarge(HttpServerRequest request) {
    long limit = limit(request);
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null && !length.isEmpty() && length.chars().allMatch(Character::isDigit)) {
      if (length.length() > 18 || Long.parseLong(length) > limit) {
        return tooLarge(limit, length + " bytes");
      }
    }
    return null;
  }

  /** Reads the body, counting it against the limit of its path. */
  void read(RoutingContext context) {
    (limit(context.request()) == config.maxImportBytes() ? importBodies : reportBodies)
        .handle(context);
  }

  static ProblemException tooLarge(long limit, String size) {
    return new ProblemException(
        ProblemType.PAYLOAD_TOO_LARGE,
        "The body has " + size + "; at most " + limit + " are accepted");
  }

  /**
   * A chunked body of no chunks leaves Vert.x's body handler with no body at all, and Quarkus REST
   * would then wait for one that has already ended: it is an empty body, like Content-Length: 0.
   * (Setting it takes Vert.x's internal routing context.)
   */
  static void bodyOrEmpty(RoutingContext context) {
    if (hasBody(context.request()) && context.body().buffer() == null) {
      ((RoutingContextInternal) context).setBody(Buffer.buffer());
    }
    context.next();
  }
}
