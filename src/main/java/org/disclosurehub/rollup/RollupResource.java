package org.disclosurehub.rollup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.disclosurehub.region.Division;
import org.disclosurehub.report.Amounts;
import org.disclosurehub.report.ReportLayout;
import org.disclosurehub.submission.SubmissionService;
import org.disclosurehub.system.HubConfig;
import org.disclosurehub.system.PageRequest;
import org.disclosurehub.system.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/regions/{code}/rollups")
@Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
@Tag(
    name = "Roll-ups",
    description =
        "What the agencies of a region reported, summed: totals, per-agency breakdown,"
            + " completeness, indicators, trends; JSON or CSV, cacheable")
public class RollupResource {
  private final CachedRead reads;
  private final SubmissionService submissions;
  private final HubConfig config;
  private final ObjectMapper json;
  private final Clock clock;

  RollupResource(
      CachedRead reads,
      SubmissionService submissions,
      HubConfig config,
      ObjectMapper json,
      Clock clock) {
    this.reads = reads;
    this.submissions = submissions;
    this.config = config;
    this.json = json;
    this.clock = clock;
  }

  @GET
  @Path("{year}")
  @Operation(
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
                "section 部分,row 行,column 列,label 名称,value 数值\r\n"
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
      @Context Request request,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    Division division = region(code);
    submissions.checkYear(year);
    boolean own = own(scope);
    boolean csv = csv(format, headers);
    return reads.read(
        "region-year",
        scope(division, own, year, year),
        csv ? Csv.MEDIA_TYPE : MediaType.APPLICATION_JSON,
        request,
        uri,
        queries -> {
          RegionRollup rollup = rollup(queries, division, own, year);
          return csv
              ? csv(rollupCsv(rollup), "rollup-" + code + "-" + year)
              : Response.ok(rollup, MediaType.APPLICATION_JSON_TYPE);
        });
  }

  @GET
  @Path("{year}/agencies")
  @Operation(
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
              description =
                  "Column to sort by, - for descending: code (default), name, division, reported,"
                      + " late, revision, newlyReceived, totalHandled, granted, partiallyGranted,"
                      + " denied, reviewTotal, litigationTotal, corrected, violationCount",
              example = "-newlyReceived")
          @QueryParam("sort")
          String sort,
      @Parameter(description = "csv for CSV whatever Accept says") @QueryParam("format")
          String format,
      @BeanParam PageRequest pageRequest,
      @Context Request request,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    Division division = region(code);
    submissions.checkYear(year);
    boolean own = own(scope);
    boolean csv = csv(format, headers);
    var page = pageRequest.checked(config.maxPageSize());
    String sortKey = sort == null ? "code" : sort.startsWith("-") ? sort.substring(1) : sort;
    boolean descending = sort != null && sort.startsWith("-");
    if (!RollupQueries.SORTS.containsKey(sortKey)) {
      throw ProblemException.invalidParameter(
          "sort", "must be one of " + String.join(", ", RollupQueries.SORTS.keySet()));
    }
    RollupQueries.Coverage coverage = coverage(division, own);
    return reads.read(
        "agencies",
        scope(division, own, year, year),
        csv ? Csv.MEDIA_TYPE : MediaType.APPLICATION_JSON,
        request,
        uri,
        queries -> {
          if (csv) {
            List<AgencyRollupRow> rows =
                queries.breakdown(coverage, year, sortKey, descending, null, null);
            return csv(agenciesCsv(rows), "rollup-" + code + "-" + year + "-agencies");
          }
          List<AgencyRollupRow> rows =
              queries.breakdown(
                  coverage, year, sortKey, descending, page.index * page.size, page.size);
          return Response.ok(
              new AgencyRollupPage(
                  rows, page.index, page.size, queries.breakdownCount(coverage, year)),
              MediaType.APPLICATION_JSON_TYPE);
        });
  }

  @GET
  @Operation(
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
      @Parameter(description = "First year (default: to − 4)", example = "2021") @QueryParam("from")
          Integer from,
      @Parameter(description = "Last year (default: this year)", example = "2025") @QueryParam("to")
          Integer to,
      @Parameter(description = "all (default) or own") @QueryParam("scope") String scope,
      @Parameter(description = "csv for CSV whatever Accept says") @QueryParam("format")
          String format,
      @Context Request request,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    Division division = region(code);
    int last = to != null ? to : LocalDate.now(clock).getYear();
    int first = from != null ? from : Math.max(SubmissionService.FIRST_YEAR, last - 4);
    checkYear("from", first);
    checkYear("to", last);
    if (first > last) {
      throw ProblemException.invalidParameter("from", "must not be after to");
    }
    boolean own = own(scope);
    boolean csv = csv(format, headers);
    RollupQueries.Coverage coverage = coverage(division, own);
    return reads.read(
        "trend",
        scope(division, own, first, last),
        csv ? Csv.MEDIA_TYPE : MediaType.APPLICATION_JSON,
        request,
        uri,
        queries -> {
          Map<Integer, RollupQueries.Sums> sums = queries.trend(coverage, first, last);
          Map<Integer, Integer> expected = queries.expectedPerYear(coverage, first, last);
          List<Trend.Year> years = new ArrayList<>();
          for (int year = first; year <= last; year++) {
            years.add(
                trendYear(
                    year,
                    expected.getOrDefault(year, 0),
                    sums.getOrDefault(
                        year, new RollupQueries.Sums(RollupQueries.zeros(), 0, 0, 0, 0, 0, 0))));
          }
          Trend trend =
              new Trend(RegionRollup.Region.of(division), scopeName(own), first, last, years);
          return csv
              ? csv(trendCsv(years), "rollup-" + code + "-" + first + "-" + last)
              : Response.ok(trend, MediaType.APPLICATION_JSON_TYPE);
        });
  }

  private RegionRollup rollup(RollupQueries queries, Division division, boolean own, int year)
      throws SQLException {
    RollupQueries.Coverage coverage = coverage(division, own);
    RollupQueries.Sums sums = queries.sums(coverage, year);
    RollupQueries.Expected expected = queries.expected(coverage, year);
    ObjectNode tables = tables(sums.cells());
    return new RegionRollup(
        RegionRollup.Region.of(division),
        scopeName(own),
        year,
        (ObjectNode) tables.get("activeDisclosure"),
        (ObjectNode) tables.get("requests"),
        (ObjectNode) tables.get("reviews"),
        new RegionRollup.PublishedItemsSum(sums.publishedItems(), sums.reportsStating()),
        new RegionRollup.Completeness(
            expected.count(),
            sums.reports(),
            sums.reports() - sums.late(),
            sums.late(),
            expected.missing()),
        new RegionRollup.Consistency(
            queries.inconsistent(coverage, year), sums.carryOverMismatches()),
        RollupQueries.indicators(sums.cells()));
  }

  /** The sums in the shape of a report: counts as numbers, amounts as decimal strings. */
  private ObjectNode tables(BigDecimal[] sums) {
    ObjectNode root = json.createObjectNode();
    for (int i = 0; i < RollupLayout.SIZE; i++) {
      String[] keys = RollupLayout.CELLS.get(i).pointer().substring(1).split("/");
      ObjectNode node = root;
      for (int k = 0; k < keys.length - 1; k++) {
        node = node.has(keys[k]) ? (ObjectNode) node.get(keys[k]) : node.putObject(keys[k]);
      }
      String last = keys[keys.length - 1];
      if (RollupLayout.isAmount(i)) {
        node.put(last, Amounts.format(sums[i]));
      } else {
        node.put(last, sums[i].longValueExact());
      }
    }
    return root;
  }

  private static Trend.Year trendYear(int year, int expected, RollupQueries.Sums sums) {
    BigDecimal[] c = sums.cells();
    return new Trend.Year(
        year,
        expected,
        sums.reports(),
        sums.late(),
        sums.inconsistent(),
        c[RollupLayout.NEWLY_RECEIVED].longValue(),
        c[RollupLayout.OUTCOMES_TOTAL].longValue(),
        c[RollupLayout.GRANTED].longValue(),
        c[RollupLayout.PARTIALLY_GRANTED].longValue(),
        RollupQueries.denied(c).longValue(),
        c[RollupLayout.CARRIED_FORWARD].longValue(),
        c[RollupLayout.review("administrativeReview", "total")].longValue(),
        c[RollupLayout.review("litigationDirect", "total")]
            .add(c[RollupLayout.review("litigationAfterReview", "total")])
            .longValue(),
        Amounts.format(c[RollupLayout.FEES_AMOUNT]),
        RollupQueries.indicators(c));
  }

  // --- CSV ---------------------------------------------------------------------------------

  private static final List<Csv.Column> LONG_HEADER =
      List.of(
          new Csv.Column("section", "部分"),
          new Csv.Column("row", "行"),
          new Csv.Column("column", "列"),
          new Csv.Column("label", "名称"),
          new Csv.Column("value", "数值"));

  /** One row per cell: the three tables, then publishedItems, completeness and indicators. */
  private String rollupCsv(RegionRollup rollup) {
    return write(
        LONG_HEADER,
        csv -> {
          ObjectNode body = json.valueToTree(rollup);
          for (ReportLayout.Cell cell : ReportLayout.CELLS) {
            longRow(csv, cell.pointer(), cell.label(), body.at(cell.pointer()));
          }
          longRow(csv, "/publishedItems/total", "主动公开政府信息 条数", body.at("/publishedItems/total"));
          longRow(
              csv,
              "/publishedItems/reportsStating",
              "说明主动公开条数的报告数",
              body.at("/publishedItems/reportsStating"));
          for (String key : List.of("expected", "reported", "onTime", "late")) {
            longRow(
                csv,
                "/completeness/" + key,
                COMPLETENESS_LABELS.get(key),
                body.at("/completeness/" + key));
          }
          longRow(
              csv,
              "/consistency/carryOverMismatches",
              "上年结转与上年报告结转下年度不一致的报告数",
              body.at("/consistency/carryOverMismatches"));
          longRow(
              csv,
              "/indicators/disclosureRate",
              "公开率 (予以公开 + 部分公开) / 总计",
              body.at("/indicators/disclosureRate"));
          longRow(csv, "/indicators/denialRate", "不予公开率", body.at("/indicators/denialRate"));
          for (ReportLayout.ReviewRow block : ReportLayout.REVIEW_BLOCKS) {
            String pointer = "/indicators/" + block.key() + "/correctionRate";
            longRow(csv, pointer, block.label() + " 纠错率", body.at(pointer));
          }
        });
  }

  private static final Map<String, String> COMPLETENESS_LABELS =
      Map.of("expected", "应报机关数", "reported", "已报数", "onTime", "按时报送数", "late", "逾期报送数");

  private static void longRow(Csv csv, String pointer, String label, JsonNode value)
      throws IOException {
    String[] keys = pointer.substring(1).split("/");
    String row =
        keys.length == 2 ? keys[1] : String.join("/", List.of(keys).subList(1, keys.length - 1));
    String column = keys.length == 2 ? "" : keys[keys.length - 1];
    Object cell =
        value.isNull() || value.isMissingNode()
            ? null
            : value.isTextual() ? new BigDecimal(value.textValue()) : value.decimalValue();
    csv.row(Arrays.asList(keys[0], row, column, label, cell));
  }

  private static final List<Csv.Column> AGENCY_HEADER =
      List.of(
          new Csv.Column("code", "机关代码"),
          new Csv.Column("name", "机关名称"),
          new Csv.Column("division", "行政区划代码"),
          new Csv.Column("reported", "已报送"),
          new Csv.Column("late", "逾期"),
          new Csv.Column("revision", "修订版本"),
          new Csv.Column("newlyReceived", "本年新收申请数"),
          new Csv.Column("totalHandled", "办理结果总计"),
          new Csv.Column("granted", "予以公开"),
          new Csv.Column("partiallyGranted", "部分公开"),
          new Csv.Column("denied", "不予公开"),
          new Csv.Column("reviewTotal", "行政复议总计"),
          new Csv.Column("litigationTotal", "行政诉讼总计"),
          new Csv.Column("corrected", "结果纠正"),
          new Csv.Column("violationCount", "违反勾稽关系数"));

  private static String agenciesCsv(List<AgencyRollupRow> rows) {
    return write(
        AGENCY_HEADER,
        csv -> {
          for (AgencyRollupRow r : rows) {
            csv.row(
                Arrays.asList(
                    r.code(),
                    r.name(),
                    r.division(),
                    r.reported(),
                    r.late(),
                    r.revision(),
                    r.newlyReceived(),
                    r.totalHandled(),
                    r.granted(),
                    r.partiallyGranted(),
                    r.denied(),
                    r.reviewTotal(),
                    r.litigationTotal(),
                    r.corrected(),
                    r.violationCount()));
          }
        });
  }

  private static final List<Csv.Column> TREND_HEADER =
      List.of(
          new Csv.Column("year", "年度"),
          new Csv.Column("expected", "应报机关数"),
          new Csv.Column("reported", "已报数"),
          new Csv.Column("late", "逾期报送数"),
          new Csv.Column("inconsistent", "不符合勾稽关系的报告数"),
          new Csv.Column("newlyReceived", "本年新收申请数"),
          new Csv.Column("totalHandled", "办理结果总计"),
          new Csv.Column("granted", "予以公开"),
          new Csv.Column("partiallyGranted", "部分公开"),
          new Csv.Column("denied", "不予公开"),
          new Csv.Column("carriedForward", "结转下年度继续办理"),
          new Csv.Column("reviewTotal", "行政复议总计"),
          new Csv.Column("litigationTotal", "行政诉讼总计"),
          new Csv.Column("feesAmount", "行政事业性收费（万元）"),
          new Csv.Column("disclosureRate", "公开率"),
          new Csv.Column("denialRate", "不予公开率"),
          new Csv.Column("administrativeReviewCorrectionRate", "行政复议纠错率"),
          new Csv.Column("litigationDirectCorrectionRate", "直接起诉纠错率"),
          new Csv.Column("litigationAfterReviewCorrectionRate", "复议后起诉纠错率"));

  private static String trendCsv(List<Trend.Year> years) {
    return write(
        TREND_HEADER,
        csv -> {
          for (Trend.Year y : years) {
            RegionRollup.Indicators i = y.indicators();
            csv.row(
                Arrays.asList(
                    y.year(),
                    y.expected(),
                    y.reported(),
                    y.late(),
                    y.inconsistent(),
                    y.newlyReceived(),
                    y.totalHandled(),
                    y.granted(),
                    y.partiallyGranted(),
                    y.denied(),
                    y.carriedForward(),
                    y.reviewTotal(),
                    y.litigationTotal(),
                    new BigDecimal(y.feesAmount()),
                    i.disclosureRate(),
                    i.denialRate(),
                    i.administrativeReview().correctionRate(),
                    i.litigationDirect().correctionRate(),
                    i.litigationAfterReview().correctionRate()));
          }
        });
  }

  private interface Rows {
    void write(Csv csv) throws IOException;
  }

  private static String write(List<Csv.Column> header, Rows rows) {
    StringWriter out = new StringWriter();
    try {
      rows.write(Csv.start(out, header));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  static Response.ResponseBuilder csv(Object body, String filename) {
    return Response.ok(body, Csv.CONTENT_TYPE)
        .header("Content-Disposition", "inline; filename=\"" + filename + ".csv\"");
  }

  // --- parameters --------------------------------------------------------------------------

  /** The region, or 404: a code that is not GB/T 2260 names no region. */
  static Division region(String code) {
    if (!Division.isValid(code)) {
      throw ProblemException.notFound("No region " + code + ": not a GB/T 2260 division code");
    }
    return new Division(code);
  }

  private static boolean own(String scope) {
    if (scope == null || scope.equals("all")) {
      return false;
    }
    if (scope.equals("own")) {
      return true;
    }
    throw ProblemException.invalidParameter("scope", "must be all or own");
  }

  private static String scopeName(boolean own) {
    return own ? "own" : "all";
  }

  static RollupQueries.Coverage coverage(Division division, boolean own) {
    return own
        ? new RollupQueries.Coverage(division.code(), "own", division.code(), division.code())
        : new RollupQueries.Coverage(division.code(), "all", division.lowest(), division.highest());
  }

  private static CachedRead.Scope scope(Division division, boolean own, int from, int to) {
    return new CachedRead.Scope(
        division.code(), coverage(division, false), coverage(division, own), from, to);
  }

  private void checkYear(String name, int year) {
    int current = LocalDate.now(clock).getYear();
    if (year < SubmissionService.FIRST_YEAR || year > current) {
      throw ProblemException.invalidParameter(
          name, "must be between " + SubmissionService.FIRST_YEAR + " and " + current);
    }
  }

  /** CSV when format=csv, or when Accept prefers text/csv to JSON. */
  static boolean csv(String format, HttpHeaders headers) {
    if (format != null) {
      return switch (format) {
        case "csv" -> true;
        case "json" -> false;
        default -> throw ProblemException.invalidParameter("format", "must be json or csv");
      };
    }
    for (MediaType accepted : headers.getAcceptableMediaTypes()) {
      if (accepted.getType().equals("text") && accepted.getSubtype().equals("csv")) {
        return true;
      }
      if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
        return false;
      }
    }
    return false;
  }
}
