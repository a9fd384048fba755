package org.disclosurehub.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.core.Handler;
import io.vertx.core.Verticle;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerConnection;
import io.vertx.core.http.impl.HttpServerConnectionHandler;
import io.vertx.core.http.impl.HttpServerImpl;
import io.vertx.core.http.impl.HttpServerWorker;
import io.vertx.core.impl.Deployment;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.impl.TCPServerBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers with a problem what HTTP parsing refuses before any route runs, and so before {@link
 * HttpGate}: a request line or header block beyond the decoder's limits, a header byte that HTTP
 * forbids (NUL, DEL), and a target that {@link URI} does not parse (a bare {@code %}, {@code %zz}),
 * which Quarkus' root handler would otherwise answer with a bare status.
 *
 * <p>Why it reaches into Vert.x: Vert.x has the hook ({@code HttpServer.invalidRequestHandler}),
 * but Quarkus 3.33 creates and starts the servers itself and never hands them to the application
 * (quarkusio/quarkus#55082). So once the servers listen, each one's connection handler is replaced
 * by an equal one that carries these two handlers. Should a Vert.x or Quarkus upgrade move the
 * fields this reads, it logs a warning and the decoder's bare answers come back; HttpGateTest and
 * ProductionRunIT fail then, so the upgrade cannot land unnoticed.
 */
@ApplicationScoped
class ParserRefusals {
  private static final String QUARKUS_SERVERS =
      "io.quarkus.vertx.http.runtime.VertxHttpRecorder$WebDeploymentVerticle";
  private static final int ATTEMPTS = 200;

  private final Vertx vertx;
  private final ObjectMapper json;
  private final int maxRequestLine;
  private final long maxHeaders;

  ParserRefusals(
      Vertx vertx,
      ObjectMapper json,
      @ConfigProperty(name = "quarkus.http.limits.max-initial-line-length") int maxRequestLine,
      @ConfigProperty(name = "quarkus.http.limits.max-header-size") MemorySize maxHeaders) {
    this.vertx = vertx;
    this.json = json;
    this.maxRequestLine = maxRequestLine;
    this.maxHeaders = maxHeaders.asLongValue();
  }

  /** Fired once the first server listens; the others may still be starting, hence the retries. */
  void serversStarted(@ObservesAsync HttpServerStart started) {
    installWhenListening(1);
  }

  private void installWhenListening(int attempt) {
    boolean done;
    try {
      done = install();
    } catch (ReflectiveOperationException | RuntimeException e) {
      Log.warnf(
          "HTTP parsing refusals keep Vert.x's bare answers: its servers are not as expected (%s)",
          e.toString());
      return;
    }
    if (!done && attempt < ATTEMPTS) {
      vertx.setTimer(25, timer -> installWhenListening(attempt + 1));
    } else if (!done) {
      Log.warn("HTTP parsing refusals keep Vert.x's bare answers: the servers did not start");
    }
  }

  /** True once every server of Quarkus listens with these handlers. */
  private boolean install() throws ReflectiveOperationException {
    List<HttpServerImpl> servers = new ArrayList<>();
    VertxInternal internal = (VertxInternal) vertx;
    for (String id : vertx.deploymentIDs()) {
      Deployment deployment = internal.getDeployment(id);
      if (deployment == null) {
        continue;
      }
      for (Verticle verticle : deployment.getVerticles()) {
        if (verticle.getClass().getName().equals(QUARKUS_SERVERS)) {
          for (String name : new String[] {"httpServer", "httpsServer"}) {
            HttpServer server = (HttpServer) read(verticle, verticle.getClass(), name);
            if (server instanceof HttpServerImpl impl) {
              servers.add(impl);
            }
          }
        }
      }
    }
    if (servers.isEmpty()) {
      return false;
    }
    boolean all = true;
    for (HttpServerImpl server : servers) {
      all &= install(server);
    }
    return all;
  }

  private boolean install(HttpServerImpl server) throws ReflectiveOperationException {
    Object worker = read(server, TCPServerBase.class, "childHandler");
    if (!(worker instanceof HttpServerWorker)) {
      return false; // not bound yet
    }
    Field field = HttpServerWorker.class.getDeclaredField("connectionHandler");
    field.setAccessible(true);
    if (!(field.get(worker) instanceof HttpServerConnectionHandler hello)) {
      return true; // already ours
    }
    Handler<HttpServerConnection> withProblems = withProblems(hello);
    field.set(worker, withProblems);
    return true;
  }

  /**
   * An equal connection handler, but with a URI check ahead of the root handler and an
   * invalid-request handler that answers problems.
   */
  private Handler<HttpServerConnection> withProblems(HttpServerConnectionHandler hello)
      throws ReflectiveOperationException {
    @SuppressWarnings("unchecked")
    Handler<HttpServerRequest> root =
        (Handler<HttpServerRequest>)
            read(hello, HttpServerConnectionHandler.class, "requestHandler");
    Handler<HttpServerRequest> parsedTargetsOnly =
        request -> {
          if (parses(request.uri())) {
            root.handle(request);
          } else {
            refuse(
                request,
                Problem.encodedPath(request.uri().replaceFirst("\\?.*", ""), true),
                new ProblemException(
                    ProblemType.MALFORMED_REQUEST,
                    "The request target is not a valid URI: a % must start two hex digits"
                        + " (%E4%B8%AD), and characters such as \" < > { } | space must be"
                        + " percent-encoded"));
          }
        };
    HttpServerConnectionHandler replaced =
        new HttpServerConnectionHandler(
            (HttpServerImpl) read(hello, HttpServerConnectionHandler.class, "server"),
            parsedTargetsOnly,
            this::refuseUnparsed,
            cast(read(hello, HttpServerConnectionHandler.class, "wsHandshakeHandler")),
            cast(read(hello, HttpServerConnectionHandler.class, "wsHandler")),
            cast(read(hello, HttpServerConnectionHandler.class, "connectionHandler")),
            cast(read(hello, HttpServerConnectionHandler.class, "exceptionHandler")));
    return replaced::handle;
  }

  /** The same test as Quarkus' root handler, which would answer a bare 400. */
  private static boolean parses(String target) {
    if (target == null) {
      return false;
    }
    try {
      new URI(target);
      return true;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** What the HTTP decoder refused: Vert.x's default mapping of statuses, with a problem body. */
  private void refuseUnparsed(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    ProblemException problem;
    if (cause instanceof TooLongHttpLineException) {
      problem =
          new ProblemException(
              ProblemType.URI_TOO_LONG,
              "The request line is longer than " + maxRequestLine + " bytes; it was not read");
    } else if (cause instanceof TooLongHttpHeaderException) {
      problem =
          new ProblemException(
              ProblemType.HEADERS_TOO_LARGE,
              "The header fields are larger than " + maxHeaders + " bytes; they were not read");
    } else {
      problem =
          new ProblemException(
              ProblemType.MALFORMED_REQUEST,
              "The request is not valid HTTP/1.1: a header holds a byte that HTTP forbids (such"
                  + " as NUL or DEL), or the request line or a header line is malformed");
    }
    refuse(request, null, problem);
  }

  private void refuse(HttpServerRequest request, String instance, ProblemException refusal) {
    Problem problem = refusal.problem().withInstance(instance).sanitized();
    var response = request.response();
    HttpGate.answer(response, problem, json, true).onComplete(sent -> response.close());
  }

  private static Object read(Object target, Class<?> declaring, String name)
      throws ReflectiveOperationException {
    Field field = declaring.getDeclaredField(name);
    field.setAccessible(true);
    return field.get(target);
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object value) {
    return (T) value;
  }
}
