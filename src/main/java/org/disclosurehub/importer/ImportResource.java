package org.disclosurehub.importer;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.disclosurehub.security.WritePermission;
import org.disclosurehub.submission.ChangeReason;
import org.disclosurehub.system.Parameters;
import org.disclosurehub.system.Problem;
import org.disclosurehub.system.ProblemMappers;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/imports")
@Tag(name = "Imports", description = "Published reports read from their text, HTML page or PDF")
class ImportResource {
  private final Importer importer;
  private final WritePermission permission;

  ImportResource(Importer importer, WritePermission permission) {
    this.importer = importer;
    this.permission = permission;
  }

  @POST
  @Consumes({MediaType.TEXT_PLAIN, MediaType.TEXT_HTML, "application/pdf"})
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "importReport",
      summary = "Read a published report from its text, HTML page or PDF",
      description =
          "Answers the structured report, the accounting rules it breaks (which do not block an"
              + " import), the source line of every value read, and every line recognised but not"
              + " read with the reason; `partial` says whether anything was not read. With"
              + " store=true the report is stored as a revision marked as imported, as published"
              + " (acceptInconsistent), and its text is kept at …/revisions/{n}/source; a partial"
              + " import is not stored (422 import-incomplete naming each cell not read). A text"
              + " without a charset is read as UTF-8 when it is valid UTF-8, else as GB18030 (GBK,"
              + " GB2312); an HTML page's own <meta charset> counts. A PDF's text layer is"
              + " extracted; its provenance names page and line.")
  @RequestBody(
      description =
          "The report as published: plain text (copied from the page or extracted from a PDF),"
              + " the HTML page, or the PDF; at most 5 MB",
      content = {
        @Content(
            mediaType = "text/plain; charset=utf-8",
            schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)),
        @Content(
            mediaType = "application/pdf",
            schema = @Schema(type = SchemaType.STRING, format = "binary"))
      })
  @SecurityRequirement(name = "bearer")
  @APIResponse(responseCode = "200", description = "What was read, and what was stored")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "417", ref = "ExpectationFailed")
  @APIResponse(
      responseCode = "422",
      description =
          "not-a-report: none of Tables 二, 三, 四 was found (the detail says which encodings were"
              + " tried); unreadable-pdf: a PDF that is encrypted, damaged or has no text layer (a"
              + " scan); import-incomplete: store=true but cells were not read (each listed in"
              + " `errors`); agency-inactive; nothing was stored",
      content =
          @Content(
              mediaType = ProblemMappers.PROBLEM_JSON,
              schema = @Schema(implementation = Problem.class)))
  public ImportResult importReport(
      @Parameter(
              description = "Agency code: with it, cross-year warnings; required with store=true")
          @QueryParam("agency")
          String agency,
      @Parameter(
              description = "Report year; read from the title when omitted",
              schema = @Schema(type = SchemaType.INTEGER))
          @QueryParam("year")
          String year,
      @Parameter(
              description =
                  "Store the report as a new revision of the agency's report for the year",
              schema = @Schema(type = SchemaType.BOOLEAN))
          @QueryParam("store")
          String store,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType mediaType,
      @Context HttpHeaders headers,
      byte[] body) {
    String agencyCode = agency == null || agency.isBlank() ? null : agency;
    // Blank is absent, as a form sends it (year= and store=).
    boolean storing = Parameters.flag("store", store == null || store.isBlank() ? null : store);
    if (storing && agencyCode != null) {
      // Reading is open to anyone; storing is filing that agency's report.
      permission.requireAgencyOrAdmin(agencyCode);
    }
    return importer.importReport(
        new Importer.Request(
            body == null ? new byte[0] : body,
            mediaType,
            agencyCode,
            Parameters.integer("year", year == null ? null : year.strip()),
            storing,
            headers.getHeaderString(ChangeReason.HEADER)));
  }
}
