package org.disclosurehub.importer;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.disclosurehub.submission.ReportReads;
import org.disclosurehub.submission.RevisionSource;
import org.disclosurehub.system.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/agencies/{code}/reports/{year}/revisions/{revision}/source")
@Tag(name = "Imports")
class RevisionSourceResource {
  private final ReportReads reports;

  RevisionSourceResource(ReportReads reports) {
    this.reports = reports;
  }

  @GET
  @Operation(
      operationId = "getRevisionSource",
      summary = "Read the published text or PDF an imported revision was read from",
      description =
          "Byte for byte as it was imported, with the media type it was sent as (text/plain,"
              + " text/html or application/pdf); the provenance of the import names lines of this"
              + " text (for a PDF, page and line).")
  @APIResponse(
      responseCode = "200",
      description = "The text or PDF as imported",
      content = {
        @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = "text/html", schema = @Schema(type = SchemaType.STRING)),
        @Content(
            mediaType = "application/pdf",
            schema = @Schema(type = SchemaType.STRING, format = "binary"))
      })
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response source(
      @PathParam("code") String code,
      @PathParam("year") int year,
      @PathParam("revision") int revision) {
    reports.revision(code, year, revision);
    RevisionSource source =
        RevisionSource.of(code, year, revision)
            .orElseThrow(
                () ->
                    ProblemException.notFound(
                        "Revision "
                            + revision
                            + " of the report of '"
                            + code
                            + "' for "
                            + year
                            + " was submitted as JSON, not imported: it has no source text"));
    return Response.ok(source.content).header(HttpHeaders.CONTENT_TYPE, source.mediaType).build();
  }
}
