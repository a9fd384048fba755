package org.disclosurehub.rollup;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.disclosurehub.region.Division;
import org.disclosurehub.region.Regions;
import org.disclosurehub.report.Report;
import org.disclosurehub.report.ReportLayout;
import org.disclosurehub.report.ReportYears;
import org.disclosurehub.sql.Sql;
import org.disclosurehub.system.AsOf;
import org.disclosurehub.system.CheckThresholds;
import org.disclosurehub.system.HubConfig;
import org.disclosurehub.system.Parameters;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The open-data file: one row per current report, its facts and then every cell, streamed from the
 * database as it is written. {@code GET /api/v1/report-layout} is its data dictionary.
 */
@Path("/api/v1/reports.csv")
@Tag(name = "Roll-ups")
class ReportCellsCsvResource {
  /** Rows fetched from PostgreSQL at a time; the response never holds more. */
  private static final int FETCH_SIZE = 200;

  /** The report's facts, before one column per cell of RollupLayout.CELLS. */
  static final List<Csv.Column> FACTS =
      List.of(
          new Csv.Column("agency", "机关代码"),
          new Csv.Column("agencyName", "机关名称"),
          new Csv.Column("division", "行政区划代码"),
          new Csv.Column("province", "省级"),
          new Csv.Column("city", "地级"),
          new Csv.Column("county", "县级"),
          new Csv.Column("year", "年度"),
          new Csv.Column("formatVersion", "表格式版本"),
          new Csv.Column("revision", "修订版本"),
          new Csv.Column("publishedOn", "发布日期"),
          new Csv.Column("late", "逾期"),
          new Csv.Column("violationCount", "违反勾稽关系数"),
          new Csv.Column("warnings", "提示"));

  /**
   * The roster of the report's year, after the cells (so that the cells keep their places): on it
   * or not (an agency excluded, or outside its active years, that filed anyway: its report is not
   * counted in its region's figures), the cause of the year's last roster change, and the agency it
   * was merged into.
   */
  static final List<Csv.Column> ROSTER =
      List.of(
          new Csv.Column("expected", "是否应报"),
          new Csv.Column("rosterCause", "名单调整原因"),
          new Csv.Column("mergedInto", "并入机关代码"));

  /**
   * The header row: JSON keys and pointers (for machines), or the Chinese labels (for people). The
   * cells are those of the 2021 format, then the 2019 trial format's Table 二 (RollupLayout.CELLS,
   * 采购总金额 in 万元), as GET /api/v1/report-layout lists them.
   */
  static List<String> header(boolean chinese) {
    List<String> header = new ArrayList<>();
    for (Csv.Column fact : FACTS) {
      header.add(chinese ? fact.label() : fact.key());
    }
    for (ReportLayout.Cell cell : RollupLayout.CELLS) {
      boolean trial = cell.pointer().startsWith("/activeDisclosure2019/");
      header.add(chinese ? (trial ? "2019试行格式 " : "") + cell.label() : cell.pointer());
    }
    for (Csv.Column roster : ROSTER) {
      header.add(chinese ? roster.label() : roster.key());
    }
    return header;
  }

  /**
   * By format version, which columns a report in that format fills: the cells of its own form. The
   * others stay empty (the 2021 Table 二 and 三(六)1–2 for a 2019 report; the 2019 Table 二 for a 2021
   * one); a 2019 report's single row 三(六) 其他处理 fills the columns of 三(六)3.
   */
  private static final Map<String, boolean[]> OWN_CELLS =
      Map.of(
          Report.CURRENT_FORMAT, own(Report.CURRENT_FORMAT),
          Report.TRIAL_FORMAT, own(Report.TRIAL_FORMAT));

  private static boolean[] own(String formatVersion) {
    boolean[] own = new boolean[RollupLayout.SIZE];
    for (RollupLayout.Stored cell : RollupLayout.cellsOf(formatVersion)) {
      own[cell.index()] = true;
    }
    return own;
  }

  private final ConditionalRead reads;
  private final AsOfRead asOfReads;
  private final DataSource dataSource;
  private final Clock clock;
  private final HubConfig config;

  ReportCellsCsvResource(
      ConditionalRead reads,
      AsOfRead asOfReads,
      DataSource dataSource,
      Clock clock,
      HubConfig config) {
    this.reads = reads;
    this.asOfReads = asOfReads;
    this.dataSource = dataSource;
    this.clock = clock;
    this.config = config;
  }

  @GET
  @Produces(Csv.MEDIA_TYPE)
  @Operation(
      summary = "Every current report, one row each, as CSV",
      operationId = "getReportsCsv",
      description =
          "One row per current report (withdrawn ones excluded), by year then agency: agency"
              + " code and name, division code and the names of its province, city and county,"
              + " year, formatVersion, revision, publishedOn, late, violationCount, warnings (the plausibility warnings' rules, space-separated), then one"
              + " column per cell of GET /api/v1/report-layout (the 2021 format's, then the 2019"
              + " trial format's Table 二), headed by its JSON Pointer (labels=zh: by its Chinese"
              + " label). A report fills the cells of its own format (formatVersion, the format of"
              + " its tables) and leaves the others empty; a 2019 report's 三(六) 其他处理 fills"
              + " 三(六)3, and its 采购总金额 is in 万元. Last, the year's roster: expected (false for"
              + " an agency excluded from it, or outside its active years, that filed anyway: its"
              + " report is not counted in its region's figures), rosterCause (the cause of the"
              + " year's last roster change, empty where its active years alone decide) and"
              + " mergedInto (the agency it was merged into). Streamed.")
  @APIResponse(
      responseCode = "200",
      description = "UTF-8 CSV with a byte-order mark",
      headers = {
        @Header(name = "ETag"),
        @Header(name = "Last-Modified"),
        @Header(name = "Cache-Control", description = "public, max-age=60")
      },
      content =
          @Content(
              mediaType = Csv.MEDIA_TYPE,
              example =
                  "agency,agencyName,division,province,city,county,year,formatVersion,revision,"
                      + "publishedOn,late,violationCount,warnings,/activeDisclosure/regulations/issued,…\r\n"
                      + "zhongwei-civil-affairs,中卫市民政局,640500,宁夏回族自治区,中卫市,,2024,2021,1,"
                      + "2025-01-20,false,0,0,…\r\n"))
  @APIResponse(responseCode = "304", description = "If-None-Match names the current ETag")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response cells(
      @Parameter(
              description = "Only this year",
              example = "2024",
              schema = @Schema(type = SchemaType.INTEGER))
          @QueryParam("year")
          String yearParameter,
      @Parameter(
              description =
                  "Only agencies within this GB/T 2260 division (a province or city includes"
                      + " everything in it), as in /agencies and /reports",
              example = "640500")
          @QueryParam("division")
          String region,
      @Parameter(
              description =
                  "zh: the header row gives the Chinese labels (for Excel or WPS); by default"
                      + " the JSON keys and cell pointers",
              example = "zh")
          @QueryParam("labels")
          String labels,
      @Parameter(description = AsOf.DESCRIPTION, example = "2025-02-01") @QueryParam(AsOf.PARAMETER)
          String asOfParameter,
      @Context Request request,
      @Context UriInfo uri) {
    Integer year = Parameters.integer("year", yearParameter);
    if (year != null) {
      Parameters.year("year", year, clock);
    }
    boolean chinese = Csv.chinese(labels);
    Coverage coverage =
        region == null ? Coverage.everywhere() : Coverage.of(RollupRequest.region(region), false);
    int from = year != null ? year : ReportYears.FIRST;
    int to = year != null ? year : 9999;
    String name =
        "reports" + (region == null ? "" : "-" + region) + (year == null ? "" : "-" + year);
    ReadScope scope = new ReadScope(region == null ? "*" : region, coverage, coverage, from, to);
    AsOf asOf = AsOf.of(asOfParameter, clock);
    if (asOf != null) {
      return asOfReads.streamedAsOf(
          scope,
          asOf,
          Csv.MEDIA_TYPE,
          request,
          uri,
          () ->
              RollupCsv.response(
                  (StreamingOutput) out -> stream(out, coverage, from, to, chinese, asOf),
                  name + "-" + asOf.day()));
    }
    return reads.read(
        chinese ? "reports-csv-zh" : "reports-csv",
        new ReadScope(region == null ? "*" : region, coverage, coverage, from, to),
        Csv.MEDIA_TYPE,
        request,
        uri,
        snapshot ->
            RollupCsv.response(
                (StreamingOutput) out -> stream(out, coverage, from, to, chinese),
                "reports"
                    + (region == null ? "" : "-" + region)
                    + (year == null ? "" : "-" + year)));
  }

  /** The plausibility warnings of a report, space-separated (empty where it has none). */
  private static final Sql REPORTS =
      Sql.of(
          """
          select a.code, a.name, a.division_code, c.year, c.format_version,
                 c.revision, c.published_on, c.late, c.violation_count, c.cells,
                 coalesce(array_to_string(%s, ' '), ''),
                 (%s), r.cause, r.merged_into
          from report_cells c join agency a on a.id = c.agency_id
          left join report_plausibility p on p.agency_id = c.agency_id and p.year = c.year
          left join lateral (select rc.cause, m.code as merged_into
                             from roster_change rc left join agency m on m.id = rc.merged_into
                             where rc.agency_id = c.agency_id and rc.year = c.year
                             order by rc.id desc limit 1) r on true
          where c.year between :fromYear and :toYear and c.division_code between :lowest and :highest
          order by c.year, a.code"""
              .formatted(WarningReads.WARNINGS, Sql.expectedIn("c.year")));

  void stream(OutputStream out, Coverage coverage, int from, int to, boolean chinese)
      throws IOException {
    stream(out, coverage, from, to, chinese, null);
  }

  /** The file as it is now ({@code asOf} null), or as of the end of a day (from AsOfTables). */
  private void stream(
      OutputStream out, Coverage coverage, int from, int to, boolean chinese, AsOf asOf)
      throws IOException {
    var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    Csv csv = Csv.withHeader(writer, header(chinese));
    try (Connection connection = dataSource.getConnection()) {
      // PostgreSQL streams with a cursor only inside a transaction.
      connection.setAutoCommit(false);
      HubConfig.Checks checks = config.checks();
      if (asOf != null) {
        checks = CheckThresholds.with(checks, asOfReads.thresholdsAt(connection, asOf));
        AsOfTables.fill(
            connection,
            asOf.end(),
            coverage.code(),
            coverage.lowest(),
            coverage.highest(),
            from,
            to);
      }
      try (var s = REPORTS.prepare(connection)) {
        WarningReads.withThresholds(s, checks)
            .fetchSize(FETCH_SIZE)
            .set("fromYear", from)
            .set("toYear", to)
            .set("lowest", coverage.lowest())
            .set("highest", coverage.highest());
        try (ResultSet rs = s.query()) {
          while (rs.next()) {
            String division = rs.getString(3);
            List<Object> row = new ArrayList<>();
            row.add(rs.getString(1));
            row.add(rs.getString(2));
            row.add(division);
            row.addAll(regionNames(division));
            row.add(rs.getInt(4));
            row.add(rs.getString(5));
            row.add(rs.getInt(6));
            row.add(rs.getObject(7, LocalDate.class));
            row.add(rs.getObject(8)); // null: an imported report without a date, lateness unknown
            row.add(rs.getInt(9));
            row.add(rs.getString(11));
            BigDecimal[] cells = (BigDecimal[]) rs.getArray(10).getArray();
            boolean[] own = OWN_CELLS.get(rs.getString(5));
            for (int i = 0; i < RollupLayout.SIZE; i++) {
              row.add(own[i] && i < cells.length ? cells[i] : null);
            }
            row.add(rs.getBoolean(12));
            row.add(rs.getString(13));
            row.add(rs.getString(14));
            csv.row(row);
          }
        }
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IOException("streaming reports failed", e);
    }
    writer.flush();
  }

  /** The names of the province, city and county a division lies in or is (blank where none). */
  private static List<String> regionNames(String division) {
    String[] names = new String[3];
    if (Division.isValid(division)) {
      List<Regions.Region> chain = new ArrayList<>(Regions.parents(division));
      chain.add(Regions.find(division).orElseThrow());
      for (Regions.Region region : chain) {
        names[region.level().ordinal()] = region.name();
      }
    }
    return Arrays.asList(names);
  }
}
