package org.disclosurehub.submission;

import jakarta.ws.rs.Consumes;
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
import java.util.List;
import org.disclosurehub.report.Report;
import org.disclosurehub.system.RequestValidation;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/agencies/{code}/reports/{year}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "Annual reports of one agency, with every revision")
public class ReportResource {
  private final SubmissionService submissions;
  private final RequestValidation validation;

  ReportResource(SubmissionService submissions, RequestValidation validation) {
    this.submissions = submissions;
    this.validation = validation;
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Submit or correct an agency's report for a year",
      description =
          "The first submission creates revision 1 (201). Changed content adds a revision (200);"
              + " the identical content again answers the current revision and stores nothing,"
              + " so a retry is always safe. Omitted totals are computed; given totals must agree."
              + " The ETag is the revision: send it back in If-Match to correct without"
              + " overwriting someone else's correction.")
  @APIResponse(
      responseCode = "201",
      description = "First revision stored",
      headers = {
        @Header(name = "ETag", description = "The revision, e.g. \"1\""),
        @Header(name = "Location", description = "The report's URL")
      })
  @APIResponse(
      responseCode = "200",
      description = "New revision stored, or the identical current one answered",
      headers = @Header(name = "ETag", description = "The revision, e.g. \"2\""))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "412", ref = "PreconditionFailed")
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response submit(
      @PathParam("code") String code,
      @PathParam("year") int year,
      @Parameter(
              description =
                  "Store the report even though it breaks accounting rules, with its violations"
                      + " recorded (for reports kept as published)")
          @QueryParam("acceptInconsistent")
          boolean acceptInconsistent,
      @Parameter(description = "Check and answer what would be stored, without storing")
          @QueryParam("dryRun")
          boolean dryRun,
      @Parameter(description = "The revision being corrected, e.g. \"2\"")
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch,
      @Parameter(description = "\"*\" to create only, never overwrite")
          @HeaderParam(HttpHeaders.IF_NONE_MATCH)
          String ifNoneMatch,
      Report report,
      @Context UriInfo uri) {
    validation.require(report);
    var outcome =
        submissions.submit(
            new SubmissionService.Submission(
                code, year, report, ifMatch, ifNoneMatch, acceptInconsistent, dryRun));
    ReportView view = outcome.view();
    Response.ResponseBuilder response =
        outcome.created()
            ? Response.created(uri.getAbsolutePathBuilder().replaceQuery(null).build())
            : Response.ok();
    return response
        .header(HttpHeaders.ETAG, Preconditions.etag(view.revision()))
        .entity(view)
        .build();
  }

  @GET
  @Operation(summary = "Read the current revision of a report, with cross-year warnings")
  @APIResponse(
      responseCode = "200",
      description = "The current revision",
      headers = @Header(name = "ETag", description = "The revision, e.g. \"2\""))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response current(@PathParam("code") String code, @PathParam("year") int year) {
    ReportView view = submissions.current(code, year);
    return Response.ok(view).header(HttpHeaders.ETAG, Preconditions.etag(view.revision())).build();
  }

  @GET
  @Path("revisions")
  @Operation(summary = "List every revision of a report, oldest first")
  @APIResponse(responseCode = "200", description = "The history")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public List<RevisionSummary> revisions(
      @PathParam("code") String code, @PathParam("year") int year) {
    return submissions.history(code, year);
  }

  @GET
  @Path("revisions/{revision}")
  @Operation(summary = "Read one revision exactly as it was stored")
  @APIResponse(responseCode = "200", description = "That revision")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response revision(
      @PathParam("code") String code,
      @PathParam("year") int year,
      @PathParam("revision") int revision) {
    ReportView view = submissions.revision(code, year, revision);
    return Response.ok(view).header(HttpHeaders.ETAG, Preconditions.etag(view.revision())).build();
  }
}
