package org.disclosurehub.system;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * CORS for {@link HttpGate}: browser pages of the origins in {@code hub.cors-origins} may read
 * (GET, HEAD) and see the headers a conditional read needs; a preflight for anything else, or from
 * another origin, is refused as a problem.
 */
final class CrossOrigin {
  private static final String READ_METHODS = "GET,HEAD";
  private static final String READ_HEADERS = "Accept,If-None-Match,If-Modified-Since";
  private static final String EXPOSED_HEADERS = "ETag,Repr-Digest,Last-Modified";

  private final CorsOrigins origins;

  CrossOrigin(List<String> origins) {
    this.origins = new CorsOrigins(origins);
  }

  /** Answers a preflight, or adds the CORS headers to a read; null unless the origin is refused. */
  ProblemException check(RoutingContext context) {
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
   * The origins of {@code hub.cors-origins}: exact, {@code http://localhost:*} for any port, or *.
   */
  private record CorsOrigins(List<String> entries) {
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
