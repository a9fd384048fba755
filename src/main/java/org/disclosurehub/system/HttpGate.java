package org.disclosurehub.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * The first and last word on every HTTP request, before Quarkus REST sees it: what HTTP parsing,
 * CORS and body limits refuse is answered here as an RFC 9457 problem, and every response carries
 * {@code X-Content-Type-Options: nosniff}.
 *
 * <ul>
 *   <li>a request target over {@value #MAX_TARGET} characters is 414, header fields over {@value
 *       RequestHygiene#MAX_HEADER_BYTES} bytes 431;
 *   <li>bad percent-encoding, invalid UTF-8 or a control character in the path or a query
 *       parameter, and a control character in a header value, are 400;
 *   <li>a body over its limit is 413 whatever the transfer encoding: bodies of PUT, POST and PATCH
 *       are read here, counted as they arrive, and handed on in memory;
 *   <li>CORS: browser pages of the origins in {@code hub.cors-origins} may read (GET, HEAD); any
 *       other origin gets a 403 problem;
 *   <li>whatever fails below (a missing Host header, a failure outside Quarkus REST) is a problem,
 *       never a framework page.
 * </ul>
 *
 * The HTTP decoder's own limits (application.properties) are set well above these, so that the
 * service, not the decoder, answers. What the decoder itself refuses (a request line or header
 * block beyond its limits, NUL or DEL in a header) and a target that java.net.URI does not parse
 * never reach a route: {@link ParserRefusals} answers those, with the same problems.
 */
@ApplicationScoped
class HttpGate {
  /** Longest request target (path and query) answered; longer is 414. */
  static final int MAX_TARGET = 4096;

  static final String NOSNIFF = "nosniff";

  private final HubConfig config;
  private final ObjectMapper json;
  private final CrossOrigin crossOrigin;
  private final BodyLimits bodies;

  HttpGate(HubConfig config, ObjectMapper json) {
    this.config = config;
    this.json = json;
    this.crossOrigin = new CrossOrigin(config.corsOrigins().orElse(List.of()));
    this.bodies = new BodyLimits(config);
  }

  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
    router.route().order(Integer.MIN_VALUE + 2).handler(this::admit);
    router.route().order(Integer.MIN_VALUE + 3).handler(BodyLimits::bodyOrEmpty);
  }

  private void admit(RoutingContext context) {
    HttpServerRequest request = context.request();
    context.response().putHeader("X-Content-Type-Options", NOSNIFF);
    if (request.uri().length() > MAX_TARGET) {
      refuse(
          context,
          new ProblemException(
              ProblemType.URI_TOO_LONG,
              "The request target has "
                  + request.uri().length()
                  + " characters; at most "
                  + MAX_TARGET
                  + " are accepted"));
      return;
    }
    ProblemException wrong = RequestHygiene.headerProblem(request.headers());
    if (wrong == null) {
      wrong = RequestHygiene.targetProblem(request);
    }
    if (wrong == null) {
      wrong = crossOrigin.check(context);
    }
    if (wrong != null) {
      refuse(context, wrong);
      return;
    }
    if (context.response().ended()) {
      return; // a CORS preflight, answered
    }
    if (!BodyLimits.hasBody(request)) {
      context.next();
      return;
    }
    ProblemException declared = bodies.declaredTooLarge(request);
    if (declared != null) {
      refuse(context, declared);
      return;
    }
    bodies.read(context);
  }

  /**
   * Failures below this gate: Vert.x (no Host, body over its limit, an Expect other than
   * 100-continue), or outside Quarkus REST.
   */
  private void failed(RoutingContext context) {
    if (context.response().ended() || context.response().headWritten()) {
      return;
    }
    if (context.failure() instanceof HttpClosedException) {
      // The client hung up mid-request: nobody is left to answer, and it is not our failure.
      Log.debugf(
          "Client closed the connection on %s", Problem.escape(context.normalizedPath(), 200));
      return;
    }
    int status = context.statusCode();
    ProblemException problem =
        switch (status) {
          case 413 -> BodyLimits.tooLarge(bodies.limit(context.request()), "more bytes than that");
          case 400 ->
              new ProblemException(
                  ProblemType.MALFORMED_REQUEST,
                  "The request is not well-formed HTTP/1.1 (for example, it has no Host header)");
          case 404 -> ProblemException.notFound("No resource at this path");
          case 405 ->
              new ProblemException(
                  ProblemType.METHOD_NOT_ALLOWED, "This resource does not answer that method");
          case 417 ->
              new ProblemException(
                  ProblemType.EXPECTATION_FAILED,
                  "The only expectation understood is Expect: 100-continue");
          default -> null;
        };
    if (problem == null) {
      Log.errorf(
          context.failure(),
          "Unexpected failure on %s",
          Problem.escape(context.normalizedPath(), 200));
      problem =
          new ProblemException(
              ProblemType.INTERNAL, "The server failed to answer this request; it was logged.");
    }
    refuse(context, problem);
  }

  private void refuse(RoutingContext context, ProblemException refusal) {
    Problem problem =
        refusal
            .problem()
            .withInstance(Problem.encodedPath(context.request().path(), true))
            .sanitized();
    // The body was not read: close rather than read on through what may be megabytes.
    answer(context.response(), problem, json, !context.request().isEnded());
  }

  /** Sends a sanitized problem as the whole answer, closing the connection after it if asked. */
  static Future<Void> answer(
      HttpServerResponse response, Problem problem, ObjectMapper json, boolean close) {
    byte[] body;
    try {
      body = json.writeValueAsBytes(problem);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a problem always serialises", e);
    }
    response
        .setStatusCode(problem.status())
        .putHeader("X-Content-Type-Options", NOSNIFF)
        .putHeader(HttpHeaders.CONTENT_TYPE, ProblemMappers.PROBLEM_JSON);
    if (close) {
      response.putHeader(HttpHeaders.CONNECTION, "close");
    }
    return response.end(Buffer.buffer(body));
  }
}
