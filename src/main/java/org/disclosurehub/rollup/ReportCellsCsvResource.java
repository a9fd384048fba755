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
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.disclosurehub.report.ReportYears;
import org.disclosurehub.system.Parameters;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every cell of every current report as CSV, streamed from the database as it is written. */
@Path("/api/v1/reports.csv")
@Tag(name = "Roll-ups")
class ReportCellsCsvResource {
  /** Rows fetched from PostgreSQL at a time; the response never holds more. */
  private static final int FETCH_SIZE = 200;

  private static final List<Csv.Column> HEADER =
      List.of(
          new Csv.Column("agency", "机关代码"),
          new Csv.Column("year", "年度"),
          new Csv.Column("revision", "修订版本"),
          new Csv.Column("path", "JSON Pointer"),
          new Csv.Column("label", "名称"),
          new Csv.Column("value", "数值"));

  private final ConditionalRead reads;
  private final DataSource dataSource;
  private final Clock clock;

  ReportCellsCsvResource(ConditionalRead reads, DataSource dataSource, Clock clock) {
    this.reads = reads;
    this.dataSource = dataSource;
    this.clock = clock;
  }

  @GET
  @Produces(Csv.MEDIA_TYPE)
  @Operation(
      summary = "Every cell of every current report, as CSV",
      description =
          "One row per cell (agency, year, revision, JSON Pointer, label, value) of the current"
              + " reports (withdrawn ones excluded), by year then agency; streamed.")
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
                  "agency 机关代码,year 年度,revision 修订版本,path JSON Pointer,label 名称,value 数值\r\n"
                      + "zhongwei-civil-affairs,2024,1,/activeDisclosure/licensing,行政许可"
                      + " 本年处理决定数量,11"))
  @APIResponse(responseCode = "304", description = "If-None-Match names the current ETag")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response cells(
      @Parameter(description = "Only this year", example = "2024")
          @Schema(type = SchemaType.INTEGER, format = "int32")
          @QueryParam("year")
          String yearParameter,
      @Parameter(description = "Only agencies within this GB/T 2260 region", example = "640500")
          @QueryParam("region")
          String region,
      @Context Request request,
      @Context UriInfo uri) {
    Integer year = Parameters.integer("year", yearParameter);
    if (year != null) {
      Parameters.year("year", year, clock);
    }
    Coverage coverage =
        region == null ? Coverage.everywhere() : Coverage.of(RollupQuery.region(region), false);
    int from = year != null ? year : ReportYears.FIRST;
    int to = year != null ? year : 9999;
    return reads.read(
        "reports-csv",
        new ConditionalRead.Scope(region == null ? "*" : region, coverage, coverage, from, to),
        Csv.MEDIA_TYPE,
        request,
        uri,
        queries ->
            RollupCsv.response(
                (StreamingOutput) out -> stream(out, coverage, from, to),
                "reports"
                    + (region == null ? "" : "-" + region)
                    + (year == null ? "" : "-" + year)));
  }

  private static final Sql CELLS =
      Sql.of(
          """
          select a.code, c.year, c.revision, c.cells, c.format_version
          from report_cells c join agency a on a.id = c.agency_id
          where c.year between :fromYear and :toYear and c.division_code between :lowest and :highest
          order by c.year, a.code""");

  private void stream(OutputStream out, Coverage coverage, int from, int to) throws IOException {
    var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    Csv csv = Csv.start(writer, HEADER);
    try (Connection connection = dataSource.getConnection()) {
      // PostgreSQL streams with a cursor only inside a transaction.
      connection.setAutoCommit(false);
      try (var s = CELLS.prepare(connection)) {
        s.fetchSize(FETCH_SIZE)
            .set("fromYear", from)
            .set("toYear", to)
            .set("lowest", coverage.lowest())
            .set("highest", coverage.highest());
        try (ResultSet rs = s.query()) {
          while (rs.next()) {
            String agency = rs.getString(1);
            int year = rs.getInt(2);
            int revision = rs.getInt(3);
            BigDecimal[] cells = (BigDecimal[]) rs.getArray(4).getArray();
            // The cells of the report's own format; arrays stored before the 2019 cells existed
            // are shorter, but hold every 2021 cell.
            for (RollupLayout.Stored cell : RollupLayout.cellsOf(rs.getString(5))) {
              BigDecimal value =
                  cell.index() < cells.length ? cells[cell.index()] : BigDecimal.ZERO;
              csv.row(Arrays.asList(agency, year, revision, cell.pointer(), cell.label(), value));
            }
          }
        }
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IOException("streaming report cells failed", e);
    }
    writer.flush();
  }
}
