package org.disclosurehub.submission;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.disclosurehub.report.Report;
import org.disclosurehub.security.WritePermission;
import org.disclosurehub.system.Parameters;
import org.disclosurehub.system.RequestValidation;
import org.disclosurehub.system.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A dry run as an operation of its own: everything a PUT checks, answered as a {@link DryRunView}
 * and never stored. Its own operation gives generated clients one type for its answer, which the
 * PUT's {@code ?dryRun=true} (kept for existing clients) could not.
 */
@Path("/api/v1/agencies/{code}/reports/{year}/checks")
@Tag(name = "Reports")
class ReportCheckResource {
  private final SubmissionService submissions;
  private final RequestValidation validation;
  private final WritePermission permission;

  ReportCheckResource(
      SubmissionService submissions, RequestValidation validation, WritePermission permission) {
    this.submissions = submissions;
    this.validation = validation;
    this.permission = permission;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.ADMIN, Roles.AGENCY})
  @SecurityRequirement(name = "bearer")
  @Operation(
      operationId = "checkReport",
      summary = "Check a report as a PUT would, without storing it (a dry run)",
      description =
          "Checks exactly what PUT …/reports/{year} checks (the body, the token, X-Change-Reason,"
              + " If-Match and If-None-Match, the accounting rules) and answers what it would"
              + " store: the revision it would become, whether it is unchanged, the report with"
              + " every total filled in, its violations and warnings. Stores nothing.")
  @APIResponse(
      responseCode = "200",
      description = "What a PUT would store; nothing was stored",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DryRunView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "412", ref = "PreconditionFailed")
  @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "417", ref = "ExpectationFailed")
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public DryRunView check(
      @PathParam("code") String code,
      @PathParam("year") int year,
      @Parameter(
              description = ReportResource.ACCEPT_INCONSISTENT,
              schema = @Schema(type = SchemaType.BOOLEAN))
          @QueryParam("acceptInconsistent")
          String acceptInconsistentParameter,
      @Parameter(description = ReportResource.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch,
      @Parameter(description = ReportResource.IF_NONE_MATCH) @HeaderParam(HttpHeaders.IF_NONE_MATCH)
          String ifNoneMatch,
      @Parameter(
              in = ParameterIn.HEADER,
              name = ChangeReason.HEADER,
              description = ReportResource.REASON)
          @HeaderParam(ChangeReason.HEADER)
          String reason,
      Report report) {
    boolean acceptInconsistent = Parameters.flag("acceptInconsistent", acceptInconsistentParameter);
    permission.requireAgencyOrAdmin(code);
    validation.require(report);
    return DryRunView.of(
        submissions.submit(
            ReportWrite.dryRun(
                code, year, report, ifMatch, ifNoneMatch, acceptInconsistent, reason)));
  }
}
