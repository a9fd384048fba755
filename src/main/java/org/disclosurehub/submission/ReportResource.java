package org.disclosurehub.submission;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.disclosurehub.document.Representation;
import org.disclosurehub.document.Workbooks;
import org.disclosurehub.report.Report;
import org.disclosurehub.security.WritePermission;
import org.disclosurehub.system.AsOf;
import org.disclosurehub.system.Parameters;
import org.disclosurehub.system.RequestValidation;
import org.disclosurehub.system.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/agencies/{code}/reports/{year}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "Annual reports of one agency, with every revision")
class ReportResource {
  /** RFC 9530 digest header of the stored report (see {@link #reprDigest}). */
  static final String REPR_DIGEST = "Repr-Digest";

  private final SubmissionService submissions;
  private final ReportReads reads;
  private final RequestValidation validation;
  private final WritePermission permission;
  private final Clock clock;

  ReportResource(
      SubmissionService submissions,
      ReportReads reads,
      RequestValidation validation,
      WritePermission permission,
      Clock clock) {
    this.clock = clock;
    this.submissions = submissions;
    this.reads = reads;
    this.validation = validation;
    this.permission = permission;
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.ADMIN, Roles.AGENCY})
  @SecurityRequirement(name = "bearer")
  @Operation(
      operationId = "submitReport",
      summary = "Submit or correct an agency's report for a year",
      description =
          "The first submission creates revision 1 (201). Changed content adds a revision (200);"
              + " the identical content again answers the current revision and stores nothing,"
              + " so a retry is always safe. Omitted totals are computed; given totals must agree."
              + " The ETag is the revision: send it back in If-Match to correct without"
              + " overwriting someone else's correction. Needs the agency's own token or the admin"
              + " token; the revision records which, and X-Change-Reason if given. A withdrawn"
              + " report is filed again (201).")
  @APIResponse(
      responseCode = "201",
      description = "First revision stored, or a withdrawn report filed again",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ReportView.class)),
      headers = {
        @Header(name = "ETag", description = "The revision, e.g. \"1\""),
        @Header(name = "Location", description = "The report's URL"),
        @Header(name = REPR_DIGEST, description = REPR_DIGEST_DESCRIPTION)
      })
  @APIResponse(
      responseCode = "200",
      description =
          "New revision stored, or the identical current one answered (a retry). With the"
              + " deprecated dryRun=true: what would be stored, as "
              + DryRunView.MEDIA_TYPE
              + " (no ETag, no Repr-Digest); new clients use checkReport",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReportView.class)),
        @Content(
            mediaType = DryRunView.MEDIA_TYPE,
            schema = @Schema(implementation = DryRunView.class))
      },
      headers = {
        @Header(name = "ETag", description = "The revision, e.g. \"2\""),
        @Header(name = REPR_DIGEST, description = REPR_DIGEST_DESCRIPTION)
      })
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "412", ref = "PreconditionFailed")
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "417", ref = "ExpectationFailed")
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response submit(
      @PathParam("code") String code,
      @PathParam("year") int year,
      @Parameter(description = ACCEPT_INCONSISTENT, schema = @Schema(type = SchemaType.BOOLEAN))
          @QueryParam("acceptInconsistent")
          String acceptInconsistentParameter,
      @Parameter(
              deprecated = true,
              description =
                  "Deprecated, kept for existing clients: checkReport (POST …/checks) does the same."
                      + " true: check everything a PUT checks and answer what it would store, as "
                      + DryRunView.MEDIA_TYPE
                      + ", without storing",
              schema = @Schema(type = SchemaType.BOOLEAN))
          @QueryParam("dryRun")
          String dryRunParameter,
      @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Parameter(description = IF_NONE_MATCH) @HeaderParam(HttpHeaders.IF_NONE_MATCH)
          String ifNoneMatch,
      @Parameter(in = ParameterIn.HEADER, name = ChangeReason.HEADER, description = REASON)
          @HeaderParam(ChangeReason.HEADER)
          String reason,
      Report report,
      @Context UriInfo uri) {
    boolean acceptInconsistent = Parameters.flag("acceptInconsistent", acceptInconsistentParameter);
    boolean dryRun = Parameters.flag("dryRun", dryRunParameter);
    permission.requireAgencyOrAdmin(code);
    validation.require(report);
    var outcome =
        submissions.submit(
            dryRun
                ? ReportWrite.dryRun(
                    code, year, report, ifMatch, ifNoneMatch, acceptInconsistent, reason)
                : ReportWrite.put(
                    code, year, report, ifMatch, ifNoneMatch, acceptInconsistent, reason));
    if (dryRun) {
      // Not a stored revision: no ETag and no receipt, and the body's type says so.
      return Response.ok(DryRunView.of(outcome), DryRunView.MEDIA_TYPE).build();
    }
    ReportView view = outcome.view();
    Response.ResponseBuilder response =
        outcome.created()
            ? Response.created(uri.getAbsolutePathBuilder().replaceQuery(null).build())
            : Response.ok();
    return response
        .header(REPR_DIGEST, reprDigest(view.contentSha256()))
        .header(HttpHeaders.ETAG, Preconditions.etag(view.revision()))
        .entity(FilingAnswer.of(view, outcome.content()))
        .build();
  }

  @DELETE
  @RolesAllowed(Roles.ADMIN)
  @SecurityRequirement(name = "bearer")
  @Operation(
      operationId = "withdrawReport",
      summary = "Withdraw a report (admin)",
      description =
          "Records a withdrawal revision that repeats the withdrawn content, so nothing is lost."
              + " The report leaves listings and roll-ups and its URL answers 410; its history"
              + " stays readable. A later PUT files it again. Withdrawing a withdrawn report"
              + " again stores nothing and answers the same withdrawal.")
  @APIResponse(responseCode = "200", description = "The withdrawal revision")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public RevisionSummary withdraw(
      @PathParam("code") String code,
      @PathParam("year") int year,
      @Parameter(in = ParameterIn.HEADER, name = ChangeReason.HEADER, description = REASON)
          @HeaderParam(ChangeReason.HEADER)
          String reason) {
    return submissions.withdraw(code, year, reason);
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, Workbooks.MEDIA_TYPE})
  @Operation(
      operationId = "getReport",
      summary = "Read the current revision of a report, with cross-year warnings",
      description = DOCUMENT_DESCRIPTION)
  @APIResponse(
      responseCode = "200",
      description = "The current revision",
      headers = {
        @Header(name = "ETag", description = "The revision, e.g. \"2\" (a page \"2.html\")"),
        @Header(name = "Content-Disposition", description = "Page and workbook: the file name"),
        @Header(name = "Cache-Control", description = REVALIDATE)
      },
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReportView.class)),
        @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)),
        @Content(
            mediaType = Workbooks.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.STRING, format = "binary"))
      })
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "410", ref = "Gone")
  public Response current(
      @PathParam("code") String code,
      @PathParam("year") int year,
      @Parameter(description = FORMAT_DESCRIPTION) @QueryParam("format") String format,
      @Parameter(
              description =
                  AsOf.DESCRIPTION
                      + " The revision current then: 404 if none was stored by then, 410 if it"
                      + " had been withdrawn.",
              example = "2025-02-01")
          @QueryParam(AsOf.PARAMETER)
          String asOfParameter,
      @Context HttpHeaders headers) {
    Representation representation =
        Representation.choose(format, headers.getAcceptableMediaTypes(), REPRESENTATIONS);
    AsOf asOf = AsOf.of(asOfParameter, clock);
    if (asOf != null) {
      return ReportDocuments.represented(
          reads.asOf(code, year, asOf), representation, asOf.cacheControl(REVALIDATE));
    }
    return ReportDocuments.represented(reads.current(code, year), representation);
  }

  @GET
  @Path("revisions")
  @Operation(
      operationId = "listRevisions",
      summary = "List every revision of a report, oldest first, with who stored it and why",
      description = "Withdrawn reports keep their history; the withdrawal is a revision.")
  @APIResponse(
      responseCode = "200",
      description = "The history; its ETag is the last revision",
      headers = {
        @Header(name = "ETag", description = "The last revision, e.g. \"2\""),
        @Header(name = "Cache-Control", description = REVALIDATE)
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = RevisionSummary.class)))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response revisions(@PathParam("code") String code, @PathParam("year") int year) {
    List<RevisionSummary> history = reads.history(code, year);
    // The history only grows: its last revision names it.
    return Response.ok(history)
        .header(HttpHeaders.ETAG, Preconditions.etag(history.get(history.size() - 1).revision()))
        .header(HttpHeaders.CACHE_CONTROL, REVALIDATE)
        .build();
  }

  @GET
  @Path("revisions/{revision}")
  @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, Workbooks.MEDIA_TYPE})
  @Operation(
      operationId = "getRevision",
      summary = "Read one revision exactly as it was stored",
      description = DOCUMENT_DESCRIPTION)
  @APIResponse(
      responseCode = "200",
      description = "That revision",
      headers = {
        @Header(name = "ETag", description = "The revision, e.g. \"2\" (a page \"2.html\")"),
        @Header(name = "Content-Disposition", description = "Page and workbook: the file name"),
        @Header(name = "Cache-Control", description = REVALIDATE)
      },
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReportView.class)),
        @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)),
        @Content(
            mediaType = Workbooks.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.STRING, format = "binary"))
      })
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "410", ref = "Gone")
  public Response revision(
      @PathParam("code") String code,
      @PathParam("year") int year,
      @PathParam("revision") int revision,
      @Parameter(description = FORMAT_DESCRIPTION) @QueryParam("format") String format,
      @Context HttpHeaders headers) {
    Representation representation =
        Representation.choose(format, headers.getAcceptableMediaTypes(), REPRESENTATIONS);
    return ReportDocuments.represented(reads.revision(code, year, revision), representation);
  }

  private static final List<Representation> REPRESENTATIONS =
      List.of(Representation.JSON, Representation.HTML, Representation.XLSX);

  private static final String DOCUMENT_DESCRIPTION =
      "JSON, or the report in the printed layout of its format (2021, or the 2019 trial format):"
          + " a self-contained page"
          + " (Accept: text/html) with its tables, prose, revision, digest and findings, or an"
          + " XLSX workbook (format=xlsx or its media type in Accept).";

  private static final String FORMAT_DESCRIPTION = "json, html or xlsx, whatever Accept says";

  @GET
  @Path("revisions/{revision}/content")
  @Operation(
      operationId = "getRevisionContent",
      summary = "The exact bytes a revision's digests cover",
      description =
          "The report's canonical JSON (UTF-8, fields in the order of the format, map keys"
              + " sorted, no white space): contentSha256 is its SHA-256 in hex, Repr-Digest the"
              + " same in RFC 9530 form. Lets an agency prove what it filed.")
  @APIResponse(
      responseCode = "200",
      description = "The canonical report JSON",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Report.class)),
      headers = {
        @Header(name = REPR_DIGEST, description = REPR_DIGEST_DESCRIPTION),
        @Header(name = "ETag", description = "The revision, e.g. \"2\""),
        @Header(name = "Cache-Control", description = IMMUTABLE)
      })
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "410", ref = "Gone")
  public Response content(
      @PathParam("code") String code,
      @PathParam("year") int year,
      @PathParam("revision") int revision) {
    ReportView view = reads.revision(code, year, revision);
    byte[] canonical = ReportJson.write(view.report()).getBytes(StandardCharsets.UTF_8);
    return Response.ok(canonical, MediaType.APPLICATION_JSON_TYPE)
        .header(REPR_DIGEST, reprDigest(view.contentSha256()))
        .header(HttpHeaders.ETAG, Preconditions.etag(view.revision()))
        .header(HttpHeaders.CACHE_CONTROL, IMMUTABLE)
        .build();
  }

  /**
   * Reads of a report may be cached but are checked each time (If-None-Match answers 304): a
   * correction changes the current revision, and warnings are evaluated when read.
   */
  static final String REVALIDATE = "public, no-cache";

  /** A revision's canonical bytes never change. */
  static final String IMMUTABLE = "public, max-age=31536000, immutable";

  private static final String REPR_DIGEST_DESCRIPTION =
      "sha-256=:<base64>: (RFC 9530) of the stored report's canonical JSON, the bytes served at"
          + " .../revisions/{n}/content; the same SHA-256 as contentSha256";

  static final String REASON =
      "Why the change is made, recorded on the revision (at most 500 characters). Clients that"
          + " send headers in ISO-8859-1 only (Java's HttpClient, fetch, urllib) send it"
          + " percent-encoded (%E6%9B%B4…) or as UTF-8''%E6%9B%B4… (RFC 8187); raw UTF-8 bytes"
          + " work too. The decoded text is stored.";

  static final String ACCEPT_INCONSISTENT =
      "Store the report even though it breaks accounting rules, with its violations recorded"
          + " (for reports kept as published)";

  static final String IF_MATCH = "The revision being corrected, e.g. \"2\"";

  static final String IF_NONE_MATCH = "\"*\" to create only, never overwrite";

  /** {@code sha-256=:<base64>:}, the RFC 9530 form of a hex SHA-256. */
  static String reprDigest(String sha256Hex) {
    return "sha-256=:"
        + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256Hex))
        + ":";
  }
}
