package org.disclosurehub.rollup;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.disclosurehub.system.HubConfig;
import org.disclosurehub.system.ProblemException;
import org.disclosurehub.system.ReadPreconditions;
import org.disclosurehub.system.RenderedBodies;
import org.disclosurehub.system.Sha256;

/**
 * A conditional read of roll-up data: the state of the rows it covers (agencies and totals, never a
 * report) gives ETag and Last-Modified, so a matching If-None-Match answers 304 before any sum is
 * computed. Everything runs in one read-only snapshot ({@link TaggedSnapshot}).
 */
@ApplicationScoped
class ConditionalRead {
  static final String PUBLIC_ONE_MINUTE = "public, max-age=60";

  /** The view that renders a document for people; its bodies are kept by ETag. */
  private static final String RENDERED = "annual-report";

  private final DataSource dataSource;
  private final RollupLatency latency;
  private final RollupFreshness freshness;
  private final HubConfig config;
  private final Clock clock;
  private final RenderedBodies rendered;
  private final CurrentVertxRequest currentRequest;

  ConditionalRead(
      DataSource dataSource,
      RollupLatency latency,
      RollupFreshness freshness,
      HubConfig config,
      Clock clock,
      RenderedBodies rendered,
      CurrentVertxRequest currentRequest) {
    this.dataSource = dataSource;
    this.latency = latency;
    this.freshness = freshness;
    this.config = config;
    this.clock = clock;
    this.rendered = rendered;
    this.currentRequest = currentRequest;
  }

  /** Builds the body of a read once the request is known not to be answered from cache. */
  interface Body {
    Response.ResponseBuilder answer(Snapshot snapshot) throws SQLException;
  }

  /**
   * Answers a read: 304 when If-None-Match still names the data, else the body, whose computation
   * is timed as {@code hub_rollup_seconds{view}}.
   */
  Response read(
      String view, ReadScope scope, String mediaType, Request request, UriInfo uri, Body body) {
    String variant = variant(uri, mediaType);
    try (TaggedSnapshot tagged = open(scope, variant, request)) {
      Response.ResponseBuilder answer = tagged.preconditions(request);
      if (answer == null && view.equals(RENDERED)) {
        Response.ResponseBuilder kept = rendered.answer(tagged.renderKey());
        answer =
            kept != null
                ? kept
                : rendered.keep(variant, tagged.renderKey(), tagged.read(view, body::answer));
      } else if (answer == null) {
        answer = tagged.read(view, body::answer);
      }
      rememberRequest(variant);
      // The tag and the date as text, made once per tag: set as objects, Quarkus REST formats
      // them again for every response. A 304 from evaluatePreconditions carries the tag already:
      // it is replaced, not written twice.
      return answer
          .header(HttpHeaders.ETAG, null)
          .header(HttpHeaders.ETAG, tagged.tagHeader())
          .header(HttpHeaders.LAST_MODIFIED, tagged.lastModifiedHeader())
          .header(HttpHeaders.CACHE_CONTROL, PUBLIC_ONE_MINUTE)
          .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
          .build();
    }
  }

  /** What is read from a snapshot. */
  interface Work<T> {
    T read(Snapshot snapshot) throws SQLException;
  }

  /**
   * The tag of the data a read covers, with a read-only snapshot to read that data from; without
   * one when a recent tag still names the data and the request's preconditions already hold it
   * (nothing is read then). Closing it ends the snapshot.
   */
  final class TaggedSnapshot implements AutoCloseable {
    private final Headers headers;
    private final Connection connection;
    private final Snapshot snapshot;
    private final String data;

    /** The 304 the recent tag already answered (nothing is read then), else null. */
    private final Response.ResponseBuilder answered;

    private TaggedSnapshot(
        Headers headers,
        Connection connection,
        Snapshot snapshot,
        String data,
        Response.ResponseBuilder answered) {
      this.headers = headers;
      this.connection = connection;
      this.snapshot = snapshot;
      this.data = data;
      this.answered = answered;
    }

    /**
     * The 304 to answer, or null to answer the body (RFC 9110 §13.2.2; a 412 is thrown), evaluated
     * once: when a recent tag answered it, that answer.
     */
    Response.ResponseBuilder preconditions(Request request) {
      return answered != null
          ? answered
          : ReadPreconditions.evaluate(request, headers.lastModified(), headers.tag());
    }

    /** The tag as the ETag header field writes it. */
    String tagHeader() {
      return headers.tagHeader();
    }

    /** Last-Modified as an HTTP-date. */
    String lastModifiedHeader() {
      return headers.lastModifiedHeader();
    }

    EntityTag tag() {
      return headers.tag();
    }

    /**
     * The snapshot's connection (read only, repeatable read), for reads of the same data other than
     * {@link #read}'s (an as-of read of today: {@link AsOfRead}); null when answered from a recent
     * tag.
     */
    Connection connection() {
      return connection;
    }

    Date lastModified() {
      return headers.lastModified();
    }

    /**
     * Under what a body rendered from this data may be kept: the tag and the day (whether a missing
     * report is overdue depends on today's date).
     */
    String renderKey() {
      return headers.tag().getValue() + "|" + LocalDate.now(clock);
    }

    /**
     * What the data read is, whatever the representation: the state the tag hashes and the day, so
     * that what one variant read can serve another variant of the same data.
     */
    String dataKey() {
      return data + "|" + LocalDate.now(clock);
    }

    /** Reads from the snapshot, timed as {@code hub_rollup_seconds{view}}. */
    <T> T read(String view, Work<T> work) {
      if (snapshot == null) {
        throw new IllegalStateException("answered from a recent tag: nothing to read");
      }
      long started = System.nanoTime();
      try {
        return work.read(snapshot);
      } catch (SQLException e) {
        throw new IllegalStateException("roll-up query failed", e);
      } finally {
        latency.record(view, Duration.ofNanos(System.nanoTime() - started));
      }
    }

    @Override
    public void close() {
      if (connection == null) {
        return;
      }
      try (connection) {
        connection.rollback();
        connection.setAutoCommit(true);
      } catch (SQLException e) {
        throw new IllegalStateException("roll-up snapshot failed to end", e);
      }
    }
  }

  /**
   * Tags the data {@code scope} covers as {@code variant} (a representation), in a new read-only
   * snapshot; 404 when no agency was ever registered in the region.
   */
  TaggedSnapshot open(ReadScope scope, String variant, Request request) {
    RecentTag recent = recentTag(variant);
    // A tag asked for without a request (exports) is always read.
    if (recent != null && request != null) {
      Response.ResponseBuilder answered =
          ReadPreconditions.evaluate(
              request, recent.headers().lastModified(), recent.headers().tag());
      if (answered != null) {
        return new TaggedSnapshot(recent.headers(), null, null, null, answered);
      }
    }
    long generation = freshness.generation();
    long startedAt = System.nanoTime();
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      connection.setAutoCommit(false);
      TaggedSnapshot tagged;
      try {
        // The state read is the snapshot's first statement: it begins it (read only, repeatable
        // read) in the same round trip (StateReads).
        Snapshot snapshot = Snapshot.on(connection, config.checks());
        StateReads.State state =
            snapshot
                .state()
                .state(scope.region(), scope.coverage(), scope.fromYear(), scope.toYear());
        if (!state.regionKnown()) {
          throw ProblemException.notFound(
              "No agency is registered within region " + scope.regionCode());
        }
        Headers headers =
            Headers.of(
                new EntityTag(hash(variant + "|" + state.fingerprint())),
                Date.from(state.lastModified()));
        remember(variant, new RecentTag(headers, generation, startedAt));
        tagged = new TaggedSnapshot(headers, connection, snapshot, state.fingerprint(), null);
      } catch (RuntimeException | SQLException e) {
        connection.rollback();
        connection.setAutoCommit(true);
        throw e;
      }
      return tagged;
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new IllegalStateException("roll-up query failed", e);
    } catch (RuntimeException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // the first failure is the one reported
      }
    }
  }

  /** A tag and its date, with both as the header fields write them (made once per tag). */
  record Headers(EntityTag tag, Date lastModified, String tagHeader, String lastModifiedHeader) {
    static Headers of(EntityTag tag, Date lastModified) {
      return new Headers(
          tag, lastModified, tag.toString(), ReadPreconditions.httpDate(lastModified));
    }
  }

  /**
   * A tag computed at a generation of local writes. While no write has completed here since, and
   * for at most {@link #TAG_REUSE_NANOS} (the time within which a write through another replica may
   * go unseen), it is still the current tag, so a matching If-None-Match is answered 304 without
   * asking the database. Clients are told they may cache for a minute anyway.
   */
  private record RecentTag(Headers headers, long generation, long computedAt) {}

  private static final long TAG_REUSE_NANOS = 1_000_000_000L;
  private static final int MAX_RECENT_TAGS = 10_000;
  private final Map<String, RecentTag> recentTags = new ConcurrentHashMap<>();

  /** The recent tag of {@code variant} if it is still current. */
  private RecentTag recentTag(String variant) {
    RecentTag recent = recentTags.get(variant);
    if (recent == null
        || recent.generation() != freshness.generation()
        || System.nanoTime() - recent.computedAt() > TAG_REUSE_NANOS) {
      return null;
    }
    return recent;
  }

  private void remember(String variant, RecentTag tag) {
    if (recentTags.size() >= MAX_RECENT_TAGS) {
      recentTags.clear(); // bounded: distinct query strings cannot grow it without end
    }
    recentTags.put(variant, tag);
  }

  /**
   * The variant each request answered by {@link #read} names, by the request as it arrived (its
   * path, query and Accept), with the URI template its metrics are counted under: what {@link
   * EarlyNotModified} needs to answer the same request again without the framework. Bounded like
   * the recent tags.
   */
  private final Map<String, Answered> answeredRequests = new ConcurrentHashMap<>();

  /** A request's variant and the URI template of its endpoint (null when none was set). */
  record Answered(String variant, String template) {}

  private void rememberRequest(String variant) {
    RoutingContext context = currentRequest.getCurrent();
    if (context == null) {
      return;
    }
    String key = requestKey(context.request());
    Answered known = answeredRequests.get(key);
    if (known == null || !known.variant().equals(variant)) {
      if (answeredRequests.size() >= MAX_RECENT_TAGS) {
        answeredRequests.clear();
      }
      answeredRequests.put(key, new Answered(variant, template(context.request())));
    }
  }

  /**
   * The header fields of the tag that still names what the request, as it arrived, was last
   * answered with (see {@link RecentTag}), and the template it was counted under; null when there
   * is none.
   */
  Recent recentAnswer(HttpServerRequest request) {
    Answered answered = answeredRequests.get(requestKey(request));
    RecentTag recent = answered == null ? null : recentTag(answered.variant());
    return recent == null ? null : new Recent(recent.headers(), answered.template());
  }

  /** A recent tag's header fields, with the URI template the request is counted under. */
  record Recent(Headers headers, String template) {}

  /** Where Quarkus's metrics find the endpoint's URI template (its ObservabilityUtil). */
  static final String TEMPLATE = "UrlPathTemplate";

  /**
   * A request as it arrived: what the variant it names is made from. Separated by line feeds, which
   * neither a request target nor a header value can hold.
   */
  static String requestKey(HttpServerRequest request) {
    String query = request.query();
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    return request.path()
        + "\n"
        + (query == null ? "" : query)
        + "\n"
        + (accept == null ? "" : accept);
  }

  /** The URI template the framework has counted the request under, or null. */
  static String template(HttpServerRequest request) {
    return ((HttpServerRequestInternal) request).context().getLocal(TEMPLATE);
  }

  /** The representation: path, query parameters in a stable order, and media type. */
  static String variant(UriInfo uri, String mediaType) {
    MultivaluedMap<String, String> query = uri.getQueryParameters();
    return uri.getPath() + "?" + (query.isEmpty() ? "{}" : new TreeMap<>(query)) + "|" + mediaType;
  }

  /** 128 bits of SHA-256 are plenty for a tag. */
  static String hash(String text) {
    return Sha256.hex(text).substring(0, 32);
  }
}
