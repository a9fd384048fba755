package org.disclosurehub.rollup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.disclosurehub.system.HubConfig;
import org.disclosurehub.system.ProblemException;
import org.disclosurehub.system.Sha256;

/**
 * A conditional read of roll-up data: the state of the rows it covers (agencies and totals, never a
 * report) gives ETag and Last-Modified, so a matching If-None-Match answers 304 before any sum is
 * computed. Everything runs in one read-only snapshot.
 */
@ApplicationScoped
class ConditionalRead {
  static final String PUBLIC_ONE_MINUTE = "public, max-age=60";

  private final DataSource dataSource;
  private final RollupLatency latency;
  private final RollupFreshness freshness;
  private final HubConfig config;
  private final Clock clock;

  /** The views that render a page or document for people; their bodies are kept by ETag. */
  private static final Set<String> RENDERED = Set.of("page", "annual-report");

  private final RenderedBodies rendered = new RenderedBodies(16L * 1024 * 1024);

  ConditionalRead(
      DataSource dataSource,
      RollupLatency latency,
      RollupFreshness freshness,
      HubConfig config,
      Clock clock) {
    this.dataSource = dataSource;
    this.latency = latency;
    this.freshness = freshness;
    this.config = config;
    this.clock = clock;
  }

  /** Builds the body of a read once the request is known not to be answered from cache. */
  interface Body {
    Response.ResponseBuilder answer(RollupQueries queries) throws SQLException;
  }

  /** What a read covers: the region (for 404), the agencies summed, and the years. */
  record Scope(String regionCode, Coverage region, Coverage coverage, int fromYear, int toYear) {}

  /**
   * Answers a read: 304 when If-None-Match still names the data, else the body, whose computation
   * is timed as {@code hub_rollup_seconds{view}}.
   */
  Response read(
      String view, Scope scope, String mediaType, Request request, UriInfo uri, Body body) {
    String variant = variant(uri, mediaType);
    Response fromMemory = answerFromRecentTag(variant, request);
    if (fromMemory != null) {
      return fromMemory;
    }
    long generation = freshness.generation();
    long startedAt = System.nanoTime();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        try (Statement s = connection.createStatement()) {
          s.execute("set transaction isolation level repeatable read, read only");
        }
        RollupQueries queries = new RollupQueries(connection, config.checks());
        RollupQueries.State state =
            queries.state(scope.region(), scope.coverage(), scope.fromYear(), scope.toYear());
        if (!state.regionKnown()) {
          throw ProblemException.notFound(
              "No agency is registered within region " + scope.regionCode());
        }
        EntityTag tag = new EntityTag(hash(variant + "|" + state.fingerprint()));
        Date lastModified = Date.from(state.lastModified());
        remember(variant, new RecentTag(tag, lastModified, generation, startedAt));
        Response.ResponseBuilder cached = request.evaluatePreconditions(lastModified, tag);
        Response.ResponseBuilder answer;
        if (cached != null) {
          answer = cached;
        } else if (RENDERED.contains(view)) {
          // Keyed by the day too: whether a missing report is overdue depends on today's date.
          String key = tag.getValue() + "|" + LocalDate.now(clock);
          Response.ResponseBuilder kept = rendered.answer(key);
          answer = kept != null ? kept : rendered.keep(key, timed(view, body, queries));
        } else {
          answer = timed(view, body, queries);
        }
        return answer
            .tag(tag)
            .lastModified(lastModified)
            .header(HttpHeaders.CACHE_CONTROL, PUBLIC_ONE_MINUTE)
            .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
            .build();
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("roll-up query failed", e);
    }
  }

  /**
   * A tag computed at a generation of local writes. While no write has completed here since, and
   * for at most {@link #TAG_REUSE_NANOS} (the time within which a write through another replica may
   * go unseen), it is still the current tag, so a matching If-None-Match is answered 304 without
   * asking the database. Clients are told they may cache for a minute anyway.
   */
  private record RecentTag(EntityTag tag, Date lastModified, long generation, long computedAt) {}

  private static final long TAG_REUSE_NANOS = 1_000_000_000L;
  private static final int MAX_RECENT_TAGS = 10_000;
  private final Map<String, RecentTag> recentTags = new ConcurrentHashMap<>();

  private Response answerFromRecentTag(String variant, Request request) {
    RecentTag recent = recentTags.get(variant);
    if (recent == null
        || recent.generation() != freshness.generation()
        || System.nanoTime() - recent.computedAt() > TAG_REUSE_NANOS) {
      return null;
    }
    Response.ResponseBuilder cached =
        request.evaluatePreconditions(recent.lastModified(), recent.tag());
    if (cached == null) {
      return null;
    }
    return cached
        .tag(recent.tag())
        .lastModified(recent.lastModified())
        .header(HttpHeaders.CACHE_CONTROL, PUBLIC_ONE_MINUTE)
        .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
        .build();
  }

  private void remember(String variant, RecentTag tag) {
    if (recentTags.size() >= MAX_RECENT_TAGS) {
      recentTags.clear(); // bounded: distinct query strings cannot grow it without end
    }
    recentTags.put(variant, tag);
  }

  private Response.ResponseBuilder timed(String view, Body body, RollupQueries queries)
      throws SQLException {
    long started = System.nanoTime();
    try {
      return body.answer(queries);
    } finally {
      latency.record(view, Duration.ofNanos(System.nanoTime() - started));
    }
  }

  /** The representation: path, query parameters in a stable order, and media type. */
  private static String variant(UriInfo uri, String mediaType) {
    MultivaluedMap<String, String> query = uri.getQueryParameters();
    return uri.getPath() + "?" + new TreeMap<>(query) + "|" + mediaType;
  }

  /** 128 bits of SHA-256 are plenty for a tag. */
  private static String hash(String text) {
    return Sha256.hex(text).substring(0, 32);
  }
}
