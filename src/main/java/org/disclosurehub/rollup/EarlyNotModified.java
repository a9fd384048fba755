package org.disclosurehub.rollup;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;
import org.disclosurehub.system.ReadPreconditions;

/**
 * A dashboard polling a roll-up with If-None-Match, answered before the framework: when {@link
 * ConditionalRead#read} answered the same request (path, query and Accept as they arrived) under a
 * tag that is still recent (no write here since, at most a second old) and If-None-Match names that
 * tag, the same 304 is sent from the router, on the event loop: no security, routing, parameters,
 * worker thread or response filters, which together cost such a 304 as much as the whole trivial
 * endpoint (bench/README). Anything else (another precondition, a bearer token, a request not yet
 * answered, an older tag) goes on to the resource, which answers as before and tags the request for
 * next time.
 */
@ApplicationScoped
class EarlyNotModified {
  private final ConditionalRead reads;

  EarlyNotModified(ConditionalRead reads) {
    this.reads = reads;
  }

  void install(@Observes Router router) {
    router.route().order(ReadPreconditions.EARLY_ANSWER_ORDER).handler(this::answer);
  }

  private void answer(RoutingContext context) {
    HttpServerRequest request = context.request();
    String match =
        request.method() == HttpMethod.GET ? request.getHeader(HttpHeaders.IF_NONE_MATCH) : null;
    ConditionalRead.Recent recent =
        match == null || otherConditions(request) ? null : reads.recentAnswer(request);
    if (recent == null || !recent.headers().tagHeader().equals(match.strip())) {
      context.next();
      return;
    }
    if (recent.template() != null) {
      ((HttpServerRequestInternal) request)
          .context()
          .putLocal(ConditionalRead.TEMPLATE, recent.template());
    }
    // The header fields ConditionalRead sets, spelt, ordered and set (not added) as Quarkus REST
    // writes them.
    context
        .response()
        .setStatusCode(304)
        .putHeader(HttpHeaders.CACHE_CONTROL, ConditionalRead.PUBLIC_ONE_MINUTE)
        .putHeader(HttpHeaders.ETAG, recent.headers().tagHeader())
        .putHeader(HttpHeaders.LAST_MODIFIED, recent.headers().lastModifiedHeader())
        .putHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT)
        .end();
  }

  /**
   * Preconditions besides If-None-Match, and credentials: the resource judges those (a 412, a date
   * compared), and a token is the framework's to read.
   */
  private static boolean otherConditions(HttpServerRequest request) {
    return request.headers().contains(HttpHeaders.IF_MATCH)
        || request.headers().contains(HttpHeaders.IF_MODIFIED_SINCE)
        || request.headers().contains(HttpHeaders.IF_UNMODIFIED_SINCE)
        || request.headers().contains(HttpHeaders.AUTHORIZATION);
  }
}
