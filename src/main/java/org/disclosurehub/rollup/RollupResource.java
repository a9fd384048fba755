package org.disclosurehub.rollup;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import org.disclosurehub.system.AsOf;
import org.disclosurehub.system.HubConfig;
import org.disclosurehub.system.PageRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The roll-up endpoints, HTTP only: each checks its parameters into a {@link RollupRequest}, and
 * {@link ConditionalRead} answers 304 or the body {@link RollupModels} reads, as JSON or {@link
 * RollupCsv}.
 */
@Path("/api/v1/regions/{code}/rollups")
@Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
@Tag(
    name = "Roll-ups",
    description =
        "What the agencies of a region reported, summed: totals, per-agency breakdown,"
            + " completeness, indicators, trends; JSON or CSV, cacheable")
class RollupResource {
  private final ConditionalRead reads;
  private final AsOfRead asOfReads;
  private final HubConfig config;
  private final Clock clock;

  RollupResource(ConditionalRead reads, AsOfRead asOfReads, HubConfig config, Clock clock) {
    this.reads = reads;
    this.asOfReads = asOfReads;
    this.config = config;
    this.clock = clock;
  }

  @GET
  @Path("{year}")
  @Operation(
      operationId = "getRegionRollup",
      summary = "Roll up a region's reports for a year",
      description =
          "Tables 二, 三 and 四 in the shape of a report, each cell summed over the current reports of"
              + " the region's agencies (withdrawn reports excluded, reports accepted as"
              + " inconsistent included and listed), with completeness, consistency and"
              + " indicators. As CSV (Accept: text/csv or format=csv): one row per cell.")
  @APIResponse(
      responseCode = "200",
      description = "The roll-up",
      headers = {
        @Header(name = "ETag", description = "Changes with any revision in the region"),
        @Header(name = "Last-Modified"),
        @Header(name = "Cache-Control", description = "public, max-age=60")
      },
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RegionRollup.class)),
        @Content(
            mediaType = Csv.MEDIA_TYPE,
            example =
                "section,row,column,label,value\r\n"
                    + "requests,newlyReceived,naturalPerson,一、本年新收政府信息公开申请数量 · 自然人,86")
      })
  @APIResponse(responseCode = "304", description = "If-None-Match names the current ETag")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response rollup(
      @Parameter(description = "GB/T 2260 code of a province, city or county", example = "640500")
          @PathParam("code")
          String code,
      @Parameter(example = "2024") @PathParam("year") int year,
      @Parameter(
              description =
                  "all (default): every agency within the region; own: only agencies whose"
                      + " division is the code itself (a city's own bureaus without its districts)")
          @QueryParam("scope")
          String scope,
      @Parameter(description = "csv for CSV whatever Accept says") @QueryParam("format")
          String format,
      @Parameter(description = Csv.LABELS_DESCRIPTION, example = "zh") @QueryParam("labels")
          String labels,
      @Parameter(description = AsOf.DESCRIPTION, example = "2025-02-01") @QueryParam(AsOf.PARAMETER)
          String asOfParameter,
      @Context Request request,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    RollupRequest query = RollupRequest.year(code, year, scope, format, headers, clock);
    boolean chinese = Csv.chinese(labels);
    AsOf asOf = AsOf.of(asOfParameter, clock);
    return asOfReads.read(
        AsOfRead.REGION_YEAR,
        query.readScope(),
        asOf,
        query.mediaType(),
        request,
        uri,
        snapshot -> {
          SummedYear summed = RollupModels.year(snapshot, query);
          return query.csv()
              ? RollupCsv.response(RollupCsv.year(summed, chinese), "rollup-" + code + "-" + year)
              : Response.ok(summed.rollup(), MediaType.APPLICATION_JSON_TYPE);
        });
  }

  @GET
  @Path("{year}/agencies")
  @Operation(
      operationId = "getRegionRollupAgencies",
      summary = "One row per agency of a region for a year",
      description =
          "Every agency of the region active in the year or with a report for it, with its main"
              + " figures; sortable and paginated. As CSV (Accept: text/csv or format=csv): every"
              + " row, one column per figure.")
  @APIResponse(
      responseCode = "200",
      description = "A page of agencies (CSV: all of them)",
      headers = {
        @Header(name = "ETag"),
        @Header(name = "Last-Modified"),
        @Header(name = "Cache-Control", description = "public, max-age=60")
      },
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AgencyRollupPage.class)),
        @Content(mediaType = Csv.MEDIA_TYPE)
      })
  @APIResponse(responseCode = "304", description = "If-None-Match names the current ETag")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response agencies(
      @Parameter(description = "GB/T 2260 code of a province, city or county", example = "640500")
          @PathParam("code")
          String code,
      @Parameter(example = "2024") @PathParam("year") int year,
      @Parameter(description = "all (default) or own") @QueryParam("scope") String scope,
      @Parameter(
              description = "Column to sort by, - first for descending; code by default",
              example = "-newlyReceived",
              // BreakdownReads.SORTS, each ascending and descending (RollupSortContractTest).
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {
                        "code",
                        "-code",
                        "name",
                        "-name",
                        "division",
                        "-division",
                        "reported",
                        "-reported",
                        "late",
                        "-late",
                        "revision",
                        "-revision",
                        "formatVersion",
                        "-formatVersion",
                        "newlyReceived",
                        "-newlyReceived",
                        "totalHandled",
                        "-totalHandled",
                        "granted",
                        "-granted",
                        "partiallyGranted",
                        "-partiallyGranted",
                        "denied",
                        "-denied",
                        "reviewTotal",
                        "-reviewTotal",
                        "litigationTotal",
                        "-litigationTotal",
                        "corrected",
                        "-corrected",
                        "violationCount",
                        "-violationCount",
                        "warnings",
                        "-warnings"
                      }))
          @QueryParam("sort")
          String sort,
      @Parameter(description = "csv for CSV whatever Accept says") @QueryParam("format")
          String format,
      @Parameter(description = Csv.LABELS_DESCRIPTION, example = "zh") @QueryParam("labels")
          String labels,
      @BeanParam PageRequest pageRequest,
      @Parameter(description = AsOf.DESCRIPTION, example = "2025-02-01") @QueryParam(AsOf.PARAMETER)
          String asOfParameter,
      @Context Request request,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    RollupRequest query = RollupRequest.year(code, year, scope, format, headers, clock);
    var page = pageRequest.checked(config.maxPageSize());
    BreakdownOrder order = BreakdownOrder.of(sort);
    boolean chinese = Csv.chinese(labels);
    AsOf asOf = AsOf.of(asOfParameter, clock);
    return asOfReads.read(
        "agencies",
        query.readScope(),
        asOf,
        query.mediaType(),
        request,
        uri,
        snapshot ->
            query.csv()
                ? RollupCsv.response(
                    RollupCsv.agencies(RollupModels.agencies(snapshot, query, order), chinese),
                    "rollup-" + code + "-" + year + "-agencies")
                : Response.ok(
                    RollupModels.agencies(snapshot, query, order, page, uri),
                    MediaType.APPLICATION_JSON_TYPE));
  }

  @GET
  @Operation(
      operationId = "getRegionTrend",
      summary = "A region's main totals and indicators year by year",
      description =
          "One entry per year from `from` to `to` (default: the last five years), for trend"
              + " charts. As CSV: one row per year.")
  @APIResponse(
      responseCode = "200",
      description = "The trend",
      headers = {
        @Header(name = "ETag"),
        @Header(name = "Last-Modified"),
        @Header(name = "Cache-Control", description = "public, max-age=60")
      },
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Trend.class)),
        @Content(mediaType = Csv.MEDIA_TYPE)
      })
  @APIResponse(responseCode = "304", description = "If-None-Match names the current ETag")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response trend(
      @Parameter(description = "GB/T 2260 code of a province, city or county", example = "640500")
          @PathParam("code")
          String code,
      @Parameter(
              description = "First year (default: to − 4)",
              example = "2021",
              schema = @Schema(type = SchemaType.INTEGER))
          @QueryParam("from")
          String from,
      @Parameter(
              description = "Last year (default: this year)",
              example = "2025",
              schema = @Schema(type = SchemaType.INTEGER))
          @QueryParam("to")
          String to,
      @Parameter(description = "all (default) or own") @QueryParam("scope") String scope,
      @Parameter(description = "csv for CSV whatever Accept says") @QueryParam("format")
          String format,
      @Parameter(description = Csv.LABELS_DESCRIPTION, example = "zh") @QueryParam("labels")
          String labels,
      @Context Request request,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    RollupRequest query = RollupRequest.years(code, from, to, scope, format, headers, clock);
    boolean chinese = Csv.chinese(labels);
    return reads.read(
        "trend",
        query.readScope(),
        query.mediaType(),
        request,
        uri,
        snapshot -> {
          Trend trend = RollupModels.trend(snapshot, query);
          return query.csv()
              ? RollupCsv.response(
                  RollupCsv.trend(trend, chinese),
                  "rollup-" + code + "-" + query.from() + "-" + query.to())
              : Response.ok(trend, MediaType.APPLICATION_JSON_TYPE);
        });
  }
}
