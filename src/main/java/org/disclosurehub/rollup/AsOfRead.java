package org.disclosurehub.rollup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import javax.sql.DataSource;
import org.disclosurehub.sql.Sql;
import org.disclosurehub.system.AsOf;
import org.disclosurehub.system.CheckThresholds;
import org.disclosurehub.system.HubConfig;
import org.disclosurehub.system.ProblemException;
import org.disclosurehub.system.ReadPreconditions;
import org.disclosurehub.system.RenderedBodies;

/**
 * A roll-up read as of the end of a day ({@link AsOf}): the reads of a live {@link
 * ConditionalRead}, answered from the tables {@link AsOfTables} fills for the instant.
 */
@ApplicationScoped
class AsOfRead {
  private final ConditionalRead reads;
  private final DataSource dataSource;
  private final RollupLatency latency;
  private final HubConfig config;
  private final Clock clock;
  private final CheckThresholds thresholds;
  private final RenderedBodies kept;
  private final ObjectMapper json;

  AsOfRead(
      ConditionalRead reads,
      DataSource dataSource,
      RollupLatency latency,
      HubConfig config,
      Clock clock,
      CheckThresholds thresholds,
      RenderedBodies kept,
      ObjectMapper json) {
    this.reads = reads;
    this.dataSource = dataSource;
    this.latency = latency;
    this.config = config;
    this.clock = clock;
    this.thresholds = thresholds;
    this.kept = kept;
    this.json = json;
  }

  /**
   * Whether the answers of days that are over are kept ({@link #read}); off in the tests that ask
   * the same request twice to compare two ways of reading it.
   */
  static volatile boolean keepPastAnswers = true;

  /** A read as it is now ({@code asOf} null: {@link ConditionalRead}), or as of a day. */
  Response read(
      String view,
      ReadScope scope,
      AsOf asOf,
      String mediaType,
      Request request,
      UriInfo uri,
      ConditionalRead.Body body) {
    return asOf == null
        ? reads.read(view, scope, mediaType, request, uri, body)
        : read(view, scope, mediaType, asOf, request, uri, body);
  }

  /** The view of a region's year ({@link RollupResource#rollup}). */
  static final String REGION_YEAR = "region-year";

  private static final Sql AS_OF_SNAPSHOT =
      Sql.of("set transaction isolation level repeatable read");

  /**
   * Answers a read as of the end of a day ({@link AsOf}) from the tables {@link AsOfTables} fills
   * for the region in one transaction. A day that is over never changes: its tag names the request
   * alone, and a matching If-None-Match is answered 304 before anything is read. Today's tag is the
   * live one (it may still change).
   *
   * <p>A day that is over is answered once and then kept ({@link RenderedBodies}, from its second
   * read on) under the request and the state the live tag hashes (the region's registry, totals and
   * warnings now), read first in the same snapshot: only a row dated at or before the day's end but
   * written after it was read, by a clock set back, changes such an answer, and then it also
   * changes that state, unless it is an agency's that has left the region since.
   */
  private Response read(
      String view,
      ReadScope scope,
      String mediaType,
      AsOf asOf,
      Request request,
      UriInfo uri,
      ConditionalRead.Body body) {
    String variant = ConditionalRead.variant(uri, mediaType) + "|as-of";
    Date lastModified = Date.from(asOf.past() ? asOf.end() : clock.instant());
    EntityTag tag = asOf.past() ? new EntityTag(ConditionalRead.hash(variant)) : null;
    if (tag != null) {
      Response.ResponseBuilder cached = ReadPreconditions.evaluate(request, null, tag);
      if (cached != null) {
        return finish(cached, tag, null, asOf);
      }
    }
    if (tag == null) {
      Response today = today(view, scope, variant, asOf, request, body, lastModified);
      if (today != null) {
        return today;
      }
      // Today may still change: the live tag of the same data (read in its own snapshot).
      try (ConditionalRead.TaggedSnapshot live = reads.open(scope, variant, null)) {
        tag = live.tag();
      }
      Response.ResponseBuilder cached = ReadPreconditions.evaluate(request, null, tag);
      if (cached != null) {
        return finish(cached, tag, null, asOf);
      }
    }
    // A region's year is read as the live one less and plus the changed agencies' rows
    // (AsOfDelta); the other views from tables filled for the instant (AsOfTables).
    boolean yearOnly = view.equals(REGION_YEAR) && asOf.past();
    try (Connection connection = dataSource.getConnection()) {
      String schema = yearOnly ? AsOfTables.schema(connection) : null;
      if (yearOnly) {
        AsOfDelta.prepare(connection, schema);
      }
      connection.setAutoCommit(false);
      try {
        Coverage region = scope.region();
        String keptUnder = null;
        if (asOf.past() && keepPastAnswers) {
          // The state begins the snapshot, in the same round trip.
          StateReads.State now =
              StateReads.beginningAsOf(connection, config.checks())
                  .state(region, scope.coverage(), scope.fromYear(), scope.toYear());
          keptUnder = "as-of|" + tag.getValue() + "|" + now.fingerprint();
          Response.ResponseBuilder answered = kept.answer(keptUnder);
          if (answered != null) {
            return finish(answered, tag, lastModified, asOf);
          }
        } else {
          try (var s = AS_OF_SNAPSHOT.prepare(connection)) {
            s.execute();
          }
        }
        AsOfChanges.Found found =
            AsOfTables.changes(connection, asOf.end(), region.lowest(), region.highest());
        // TEXT_REUSE judged by the thresholds in force that day (CheckThresholds).
        HubConfig.Checks checks = thresholds.checksAt(connection, asOf.end());
        AsOfDelta changes = null;
        if (found != null && yearOnly && !found.rebuild()) {
          changes =
              AsOfDelta.fill(
                  connection,
                  schema,
                  asOf.end(),
                  region.lowest(),
                  region.highest(),
                  scope.fromYear(),
                  found.changed(),
                  checks);
        } else if (found != null) {
          AsOfTables.fill(
              connection,
              found,
              asOf.end(),
              region.code(),
              region.lowest(),
              region.highest(),
              scope.fromYear(),
              scope.toYear());
        }
        Snapshot live = Snapshot.on(ReadTables.of(connection), checks, null);
        AsOfDelta delta = changes;
        Snapshot snapshot =
            delta == null
                ? live
                : Snapshot.on(ReadTables.of(connection), checks, query -> delta.year(live, query));
        boolean known =
            changes != null
                ? changes.regionKnown()
                : snapshot
                    .state()
                    .state(region, scope.coverage(), scope.fromYear(), scope.toYear())
                    .regionKnown();
        if (!known) {
          throw ProblemException.notFound(
              "No agency was registered within region "
                  + scope.regionCode()
                  + " at the end of "
                  + asOf.day());
        }
        Response.ResponseBuilder answer = timed(view, body, snapshot);
        if (keptUnder != null) {
          answer = kept.keep(variant, keptUnder, asBytes(answer));
        }
        return finish(answer, tag, lastModified, asOf);
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("as-of read failed", e);
    }
  }

  /**
   * Answers a read as of today in the snapshot that tags it, as the live read does, when nothing of
   * the region's was written after the end of today (always, unless the service's clock was set
   * back): then the live tables hold the answer, and only the list of changes and the thresholds of
   * the day are read besides the live read's statements. Null when something was written after the
   * end of today: the caller answers it as of a past day.
   */
  private Response today(
      String view,
      ReadScope scope,
      String variant,
      AsOf asOf,
      Request request,
      ConditionalRead.Body body,
      Date lastModified) {
    try (ConditionalRead.TaggedSnapshot live = reads.open(scope, variant, null)) {
      EntityTag tag = live.tag();
      Response.ResponseBuilder cached = ReadPreconditions.evaluate(request, null, tag);
      if (cached != null) {
        return finish(cached, tag, null, asOf);
      }
      Connection connection = live.connection();
      Coverage region = scope.region();
      if (AsOfTables.changes(connection, asOf.end(), region.lowest(), region.highest()) != null) {
        return null;
      }
      // The live state is the state then, and the tag's read found the region known.
      Snapshot snapshot =
          Snapshot.on(ReadTables.of(connection), thresholds.checksAt(connection, asOf.end()), null);
      return finish(timed(view, body, snapshot), tag, lastModified, asOf);
    } catch (SQLException e) {
      throw new IllegalStateException("as-of read failed", e);
    }
  }

  /**
   * The answer with a JSON body as the bytes the service's mapper writes, so that it can be kept;
   * text and bytes as they are.
   */
  private Response.ResponseBuilder asBytes(Response.ResponseBuilder answer) {
    Response response = answer.build();
    Object entity = response.getEntity();
    if (entity == null
        || entity instanceof String
        || entity instanceof byte[]
        || !MediaType.APPLICATION_JSON_TYPE.isCompatible(response.getMediaType())) {
      return Response.fromResponse(response);
    }
    try {
      return Response.fromResponse(response).entity(json.writeValueAsBytes(entity));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("as-of answer not written", e);
    }
  }

  /** The body answered from the snapshot, its time recorded as the view's as-of latency. */
  private Response.ResponseBuilder timed(String view, ConditionalRead.Body body, Snapshot snapshot)
      throws SQLException {
    long started = System.nanoTime();
    try {
      return body.answer(snapshot);
    } finally {
      latency.record(view + "-as-of", Duration.ofNanos(System.nanoTime() - started));
    }
  }

  /**
   * Answers a read as of the end of a day whose body is streamed later, on a connection of its own
   * ({@code body} fills {@link AsOfTables} there): the tag is that of {@link #read}.
   */
  Response streamedAsOf(
      ReadScope scope,
      AsOf asOf,
      String mediaType,
      Request request,
      UriInfo uri,
      java.util.function.Supplier<Response.ResponseBuilder> body) {
    String variant = ConditionalRead.variant(uri, mediaType) + "|as-of";
    EntityTag tag;
    if (asOf.past()) {
      tag = new EntityTag(ConditionalRead.hash(variant));
    } else {
      try (ConditionalRead.TaggedSnapshot live = reads.open(scope, variant, null)) {
        tag = live.tag();
      }
    }
    Response.ResponseBuilder cached = ReadPreconditions.evaluate(request, null, tag);
    return finish(
        cached != null ? cached : body.get(),
        tag,
        Date.from(asOf.past() ? asOf.end() : clock.instant()),
        asOf);
  }

  /** The TEXT_REUSE thresholds in force on the day (CheckThresholds). */
  CheckThresholds.Reuse thresholdsAt(Connection connection, AsOf asOf) throws SQLException {
    return thresholds.at(connection, asOf.end());
  }

  private static Response finish(
      Response.ResponseBuilder answer, EntityTag tag, Date lastModified, AsOf asOf) {
    if (lastModified != null) {
      answer.header(HttpHeaders.LAST_MODIFIED, ReadPreconditions.httpDate(lastModified));
    }
    return answer
        .tag(tag)
        .header(HttpHeaders.CACHE_CONTROL, asOf.cacheControl(ConditionalRead.PUBLIC_ONE_MINUTE))
        .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
        .build();
  }
}
