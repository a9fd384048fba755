package org.disclosurehub.rollup;

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
import java.time.LocalDate;
import java.util.List;
import org.disclosurehub.document.DocumentNames;
import org.disclosurehub.document.DocumentPages;
import org.disclosurehub.document.RegionDocument;
import org.disclosurehub.document.Representation;
import org.disclosurehub.document.Workbooks;
import org.disclosurehub.system.AsOf;
import org.disclosurehub.system.Clocks;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A region's consolidated annual report in the national format, as a page or a workbook. */
@Path("/api/v1/regions/{code}/annual-report")
@Tag(
    name = "Roll-ups",
    description =
        "What the agencies of a region reported, summed: totals, per-agency breakdown,"
            + " completeness, indicators, trends; JSON or CSV, cacheable")
class AnnualReportResource {
  private static final List<Representation> OFFERED =
      List.of(Representation.HTML, Representation.XLSX);

  private final AsOfRead reads;
  private final Clock clock;

  /** What no name enters, kept across renames (the document names agencies: its tag moves). */
  private final KeptYearFigures keptFigures = new KeptYearFigures();

  AnnualReportResource(AsOfRead reads, Clock clock) {
    this.reads = reads;
    this.clock = clock;
  }

  @GET
  @Path("{year}")
  @Produces({MediaType.TEXT_HTML, Workbooks.MEDIA_TYPE})
  @Operation(
      operationId = "getRegionAnnualReport",
      summary = "A region's consolidated annual report in the national format",
      description =
          "Tables 二, 三 and 四 summed over the region's current reports (the roll-up's sums), in"
              + " the printed layout of the national format, with who was expected to report,"
              + " who did, who is missing or late and which reports break rules. An HTML page"
              + " (self-contained, prints on A4), or an XLSX workbook (Accept or format=xlsx):"
              + " the tables, every agency's cells, completeness and findings. A year whose"
              + " reports are all in the 2019 trial format prints in its layout; a year mixing"
              + " both adds the 2019 Table 二 of the trial-format reports. A page of more than 500"
              + " reports counts them by sub-region, naming the missing and inconsistent ones.")
  @APIResponse(
      responseCode = "200",
      description = "The document",
      headers = {
        @Header(name = "ETag", description = "Changes with any revision in the region"),
        @Header(name = "Last-Modified"),
        @Header(name = "Cache-Control", description = "public, max-age=60"),
        @Header(
            name = "Content-Disposition",
            description = "The file name: region, year and scope (RFC 6266, RFC 8187)")
      },
      content = {
        @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)),
        @Content(
            mediaType = Workbooks.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.STRING, format = "binary"))
      })
  @APIResponse(responseCode = "304", description = "If-None-Match names the current ETag")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response document(
      @Parameter(description = "GB/T 2260 code of a province, city or county", example = "640500")
          @PathParam("code")
          String code,
      @Parameter(example = "2024") @PathParam("year") int year,
      @Parameter(
              description =
                  "all (default): 本行政区域, every agency within the region; own: 本级, only"
                      + " agencies whose division is the code itself")
          @QueryParam("scope")
          String scope,
      @Parameter(description = "html or xlsx, whatever Accept says") @QueryParam("format")
          String format,
      @Parameter(description = AsOf.DESCRIPTION, example = "2025-02-01") @QueryParam(AsOf.PARAMETER)
          String asOfParameter,
      @Context Request request,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    Representation representation =
        Representation.choose(format, headers.getAcceptableMediaTypes(), OFFERED);
    RollupRequest query = RollupRequest.year(code, year, scope, null, headers, clock);
    boolean workbook = representation == Representation.XLSX;
    AsOf asOf = AsOf.of(asOfParameter, clock);
    return reads.read(
        "annual-report",
        query.readScope(),
        asOf,
        representation.mediaType().toString(),
        request,
        uri,
        snapshot -> {
          // Whether the missing are late: judged on today, or on the day asked for.
          RegionDocument document =
              asOf != null
                  ? RollupModels.document(snapshot, query, workbook, asOf.day())
                  : RollupModels.document(
                      snapshot,
                      query,
                      workbook,
                      LocalDate.now(clock.withZone(Clocks.BEIJING)),
                      keptFigures.figures(
                          snapshot,
                          query,
                          query.readScope(),
                          String.valueOf(LocalDate.now(clock)),
                          RollupModels::countedBySubRegion));
          DocumentNames.Name name = DocumentNames.region(document);
          return workbook
              ? Response.ok(Workbooks.region(document), representation.mediaType())
                  .header("Content-Disposition", name.contentDisposition("attachment", "xlsx"))
              : Response.ok(DocumentPages.region(document), representation.mediaType())
                  .header("Content-Disposition", name.contentDisposition("inline", "html"));
        });
  }
}
