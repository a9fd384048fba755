package org.disclosurehub.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.impl.RoutingContextInternal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The first and last word on every HTTP request, before Quarkus REST sees it: what HTTP parsing,
 * CORS and body limits refuse is answered here as an RFC 9457 problem, and every response carries
 * {@code X-Content-Type-Options: nosniff}.
 *
 * <ul>
 *   <li>a request target over {@value #MAX_TARGET} characters is 414, header fields over {@value
 *       #MAX_HEADER_BYTES} bytes 431;
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

  /** Largest header block answered (names and values); larger is 431. */
  static final int MAX_HEADER_BYTES = 20 * 1024;

  static final String NOSNIFF = "nosniff";
  private static final Set<HttpMethod> WITH_BODY =
      Set.of(HttpMethod.PUT, HttpMethod.POST, HttpMethod.PATCH);
  private static final String READ_METHODS = "GET,HEAD";
  private static final String READ_HEADERS = "Accept,If-None-Match,If-Modified-Since";
  private static final String EXPOSED_HEADERS = "ETag,Repr-Digest,Last-Modified";

  private final HubConfig config;
  private final ObjectMapper json;
  private final CorsOrigins origins;
  private final BodyHandler reportBodies;
  private final BodyHandler importBodies;

  HttpGate(HubConfig config, ObjectMapper json) {
    this.config = config;
    this.json = json;
    this.origins = new CorsOrigins(config.corsOrigins().orElse(List.of()));
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

  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
    router.route().order(Integer.MIN_VALUE + 2).handler(this::admit);
    router.route().order(Integer.MIN_VALUE + 3).handler(HttpGate::bodyOrEmpty);
  }

  /**
   * A chunked body of no chunks leaves Vert.x's body handler with no body at all, and Quarkus REST
   * would then wait for one that has already ended: it is an empty body, like Content-Length: 0.
   */
  private static void bodyOrEmpty(RoutingContext context) {
    if (WITH_BODY.contains(context.request().method())
        && !streamed(context.request())
        && context.body().buffer() == null) {
      ((RoutingContextInternal) context).setBody(Buffer.buffer());
    }
    context.next();
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
    ProblemException wrong = headerProblem(request.headers());
    if (wrong == null) {
      wrong = targetProblem(request);
    }
    if (wrong == null) {
      wrong = cors(context);
    }
    if (wrong != null) {
      refuse(context, wrong);
      return;
    }
    if (context.response().ended()) {
      return; // a CORS preflight, answered
    }
    if (!WITH_BODY.contains(request.method()) || streamed(request)) {
      context.next();
      return;
    }
    long limit = limit(request);
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null && !length.isEmpty() && length.chars().allMatch(Character::isDigit)) {
      if (length.length() > 18 || Long.parseLong(length) > limit) {
        refuse(context, tooLarge(limit, length + " bytes"));
        return;
      }
    }
    (limit == config.maxImportBytes() ? importBodies : reportBodies).handle(context);
  }

  /**
   * An import job's archive (POST /api/v1/import-jobs) is not read here: the resource streams it to
   * a file, counting against its own limits (hub.import-jobs.max-archive-bytes), so that an archive
   * is never held whole in memory.
   */
  private static boolean streamed(HttpServerRequest request) {
    return request.method() == HttpMethod.POST && request.path().equals("/api/v1/import-jobs");
  }

  private long limit(HttpServerRequest request) {
    return request.path().startsWith("/api/v1/imports")
        ? config.maxImportBytes()
        : config.maxReportBytes();
  }

  private static ProblemException tooLarge(long limit, String size) {
    return new ProblemException(
        ProblemType.PAYLOAD_TOO_LARGE,
        "The body has " + size + "; at most " + limit + " are accepted");
  }

  private static ProblemException headerProblem(MultiMap headers) {
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

  private static ProblemException targetProblem(HttpServerRequest request) {
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

  /** Answers a preflight, or adds the CORS headers to a read; null unless the origin is refused. */
  private ProblemException cors(RoutingContext context) {
    HttpServerRequest request = context.request();
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    if (origin == null || sameOrigin(origin, request)) {
      return null;
    }
    if (!origins.allow(origin)) {
      return new ProblemException(
          ProblemType.ORIGIN_NOT_ALLOWED,
          "Browser pages of the origin "
              + Problem.escape(origin, 100)
              + " may not read this API; the operator lists allowed origins in HUB_CORS_ORIGINS");
    }
    var response = context.response();
    response.putHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
    response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    String preflight = request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
    if (request.method() == HttpMethod.OPTIONS && preflight != null) {
      if (!preflight.equals("GET") && !preflight.equals("HEAD")) {
        response.headers().remove(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        return new ProblemException(
            ProblemType.ORIGIN_NOT_ALLOWED,
            "Browser pages of other origins may only read (GET, HEAD); "
                + Problem.escape(preflight, 20)
                + " is not allowed cross-origin");
      }
      response
          .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, READ_METHODS)
          .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, READ_HEADERS)
          .putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "86400")
          .setStatusCode(200)
          .end();
      return null;
    }
    response.putHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS);
    return null;
  }

  private static boolean sameOrigin(String origin, HttpServerRequest request) {
    String host = request.getHeader(HttpHeaders.HOST);
    return host != null && origin.equalsIgnoreCase(request.scheme() + "://" + host);
  }

  /**
   * Failures below this gate: Vert.x (no Host, body over its limit, an Expect other than
   * 100-continue), or outside Quarkus REST.
   */
  private void failed(RoutingContext context) {
    if (context.response().ended() || context.response().headWritten()) {
      return;
    }
    int status = context.statusCode();
    ProblemException problem =
        switch (status) {
          case 413 -> tooLarge(limit(context.request()), "more bytes than that");
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

  /**
   * The origins of {@code hub.cors-origins}: exact, {@code http://localhost:*} for any port, or *.
   */
  record CorsOrigins(List<String> entries) {
    boolean allow(String origin) {
      for (String entry : entries) {
        String allowed = entry.strip();
        if (allowed.equals("*") || allowed.equalsIgnoreCase(origin)) {
          return true;
        }
        if (allowed.endsWith(":*")) {
          String prefix = allowed.substring(0, allowed.length() - 1);
          if (origin.regionMatches(true, 0, prefix, 0, prefix.length())
              && origin.length() > prefix.length()
              && origin.substring(prefix.length()).chars().allMatch(Character::isDigit)) {
            return true;
          }
        }
      }
      return false;
    }
  }
}
