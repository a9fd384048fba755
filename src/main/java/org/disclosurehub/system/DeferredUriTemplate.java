package org.disclosurehub.system;

import io.quarkus.logging.Log;
import io.quarkus.resteasy.reactive.server.runtime.ResteasyReactiveRecorder;
import io.quarkus.resteasy.reactive.server.runtime.observability.ObservabilityIntegrationRecorder;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.HttpSecurityRecorder.DefaultAuthFailureHandler;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.function.BiConsumer;
import org.jboss.resteasy.reactive.server.core.Deployment;

/**
 * The URI template the HTTP metrics count a request under, named when its response is written
 * rather than before authentication on every request.
 *
 * <p>With Micrometer present, Quarkus REST puts a filter right after authentication ({@code
 * ResteasyReactiveRecorder.defaultAuthFailureHandler}, priority 199) that, while the request's
 * auth-failure handler is Quarkus's default, replaces it with one that fails the request (so that
 * Quarkus REST's exception mappers answer, here as RFC 9457 problems), and first finds the
 * request's URI template by building a {@code RequestMapper} of every resource class and matching
 * the path: in case the resource method is never reached (authentication fails, no representation
 * is acceptable) and the metrics' {@code uri} tag would lack it. That was 7–12 % of an uncached
 * roll-up's CPU (bench/README, h28r2, h28c).
 *
 * <p>This filter runs between the two (priority 200 like authentication, registered after it) and
 * makes the same replacement with a handler that fails the same way, so Quarkus's filter has
 * nothing left to do; the handler is taken away where Quarkus REST takes its own away, as the
 * request enters Quarkus REST, whose security then fails through the exception mappers. The
 * template is named when the response's header fields are written, and only if the resource method
 * did not name it: the same lookup, on the same path, method and deployment, so every response is
 * counted under the same {@code uri} as before.
 */
@ApplicationScoped
class DeferredUriTemplate {
  /** Where Quarkus keeps the request's auth-failure handler (HttpSecurityRecorder). */
  static final String AUTH_FAILURE_HANDLER = "io.quarkus.vertx.http.auth-failure-handler";

  /** Where Quarkus's metrics find the endpoint's URI template (its ObservabilityUtil). */
  static final String TEMPLATE = "UrlPathTemplate";

  /** Authentication's priority (HttpSecurityProcessor): registered after it, this runs after it. */
  static final int AFTER_AUTHENTICATION = 200;

  /** Just before Quarkus REST's own route (ResteasyReactiveProcessor: order 20500). */
  static final int ENTERING_REST_ORDER = 20_499;

  private static final BiConsumer<RoutingContext, Throwable> FAILING = new FailingHandler();

  /** Whether a request met Quarkus's default handler here (for the test of the order). */
  private volatile boolean replacedOnce;

  void install(@Observes Filters filters) {
    filters.register(this::replace, AFTER_AUTHENTICATION);
  }

  void leave(@Observes Router router) {
    router.route().order(ENTERING_REST_ORDER).handler(DeferredUriTemplate::enteringRest);
  }

  private void replace(RoutingContext context) {
    if (context.get(AUTH_FAILURE_HANDLER) instanceof DefaultAuthFailureHandler) {
      context.put(AUTH_FAILURE_HANDLER, FAILING);
      context.addHeadersEndHandler(ignored -> nameIfUnnamed(context));
      if (!replacedOnce) {
        replacedOnce = true;
      }
    }
    context.next();
  }

  /** Quarkus REST removes its own failing handler as the request enters it; this one likewise. */
  private static void enteringRest(RoutingContext context) {
    if (context.get(AUTH_FAILURE_HANDLER) == FAILING) {
      context.remove(AUTH_FAILURE_HANDLER);
    }
    context.next();
  }

  private static void nameIfUnnamed(RoutingContext context) {
    if (((HttpServerRequestInternal) context.request()).context().getLocal(TEMPLATE) != null) {
      return;
    }
    Deployment deployment = ResteasyReactiveRecorder.getCurrentDeployment();
    if (deployment == null) {
      return;
    }
    try {
      ObservabilityIntegrationRecorder.setTemplatePath(context, deployment);
    } catch (RuntimeException e) {
      // as Quarkus's own filter: the request is answered, counted under its path
      Log.debug("Unable to set template path for observability", e);
    }
  }

  boolean replacedOnce() {
    return replacedOnce;
  }

  /** Fails the request as Quarkus REST's replacement for the default handler does. */
  private static final class FailingHandler implements BiConsumer<RoutingContext, Throwable> {
    @Override
    public void accept(RoutingContext context, Throwable failure) {
      DefaultAuthFailureHandler.markIfOtherAuthenticationFailure(context, failure);
      if (!context.failed()) {
        context.fail(DefaultAuthFailureHandler.extractRootCause(failure));
      }
    }
  }
}
