package org.disclosurehub.rollup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.disclosurehub.report.ReportYears;
import org.disclosurehub.report.RuleViolation;

/**
 * Everything a page about a region's year shows, read in one snapshot with the roll-up's ETag: the
 * roll-up of the year and of the year before, every agency's row, the trend, and the findings of
 * the reports that break rules. For the pages package, which renders it and never queries.
 */
@ApplicationScoped
public class RegionYearReads {
  /** How many years the trend of a region page spans, the page's year last. */
  static final int TREND_YEARS = 10;

  private final ConditionalRead reads;
  private final Clock clock;
  private final ObjectMapper json;

  RegionYearReads(ConditionalRead reads, Clock clock, ObjectMapper json) {
    this.reads = reads;
    this.clock = clock;
    this.json = json;
  }

  /** A region's year as a page shows it. */
  public record RegionYear(
      RegionRollup rollup,
      RegionRollup previous,
      List<AgencyRollupRow> agencies,
      Trend trend,
      List<Finding> findings,
      List<RegionRollup.AgencyRef> carryOverMismatches) {}

  /** A rule that an agency's current report breaks. */
  public record Finding(String agency, String agencyName, RuleViolation violation) {}

  /**
   * Answers a page about a region's year: 304 while If-None-Match names the data, else {@code
   * render} applied to what was read, as {@code mediaType}. 400 and 404 as the roll-up API.
   */
  public Response page(
      String code,
      int year,
      String scope,
      String mediaType,
      Request request,
      UriInfo uri,
      Function<RegionYear, Object> render) {
    RollupQuery query = RollupQuery.page(code, year, scope, clock);
    RollupQuery span =
        RollupQuery.span(query, Math.max(ReportYears.FIRST, year - TREND_YEARS + 1), year);
    return reads.read(
        "page",
        span.readScope(),
        mediaType,
        request,
        uri,
        queries -> {
          Rollups.Summed summed = Rollups.year(queries, query);
          RegionRollup previous =
              year > ReportYears.FIRST
                  ? Rollups.year(queries, RollupQuery.span(query, year - 1, year - 1)).rollup()
                  : null;
          RegionYear regionYear =
              new RegionYear(
                  summed.rollup(),
                  previous,
                  Rollups.agencies(queries, query, RollupQueries.Order.of(null)),
                  Rollups.trend(queries, span),
                  findings(queries, query),
                  queries.carryOverMismatches(query.coverage(), year));
          return Response.ok(render.apply(regionYear), MediaType.valueOf(mediaType));
        });
  }

  private List<Finding> findings(RollupQueries queries, RollupQuery query) throws SQLException {
    return queries.violations(query.coverage(), query.year()).stream()
        .flatMap(
            stored -> {
              try {
                return List.of(json.readValue(stored.violations(), RuleViolation[].class)).stream()
                    .map(v -> new Finding(stored.agency(), stored.agencyName(), v));
              } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored violations are not JSON", e);
              }
            })
        .toList();
  }
}
