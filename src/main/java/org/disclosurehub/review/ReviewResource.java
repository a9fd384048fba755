package org.disclosurehub.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import org.disclosurehub.agency.Agency;
import org.disclosurehub.security.Actors;
import org.disclosurehub.submission.ReportReads;
import org.disclosurehub.submission.ReportView;
import org.disclosurehub.system.Parameters;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A report's review: read by anyone; decided by the admin or a reviewer of the agency's division;
 * its warnings explained by the agency too. Every write needs the review's ETag as If-Match.
 */
@Path("/api/v1/agencies/{code}/reports/{year}/review")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Review", description = "The office's review of each report: return, accept, explain")
class ReviewResource {
  private final ReviewCycle cycle;
  private final ReportReads reports;
  private final Actors actors;
  private final ObjectMapper json;
  private final Clock clock;

  ReviewResource(
      ReviewCycle cycle, ReportReads reports, Actors actors, ObjectMapper json, Clock clock) {
    this.cycle = cycle;
    this.reports = reports;
    this.actors = actors;
    this.json = json;
    this.clock = clock;
  }

  @GET
  @Transactional
  @Operation(
      operationId = "getReview",
      summary =
          "A report's review: state, what was asked, warnings and their explanations, history",
      description = "The ETag is the review's; give it as If-Match with a decision.")
  @APIResponse(
      responseCode = "200",
      description = "The review with the current report",
      headers = @Header(name = "ETag", description = "The review's entity tag"),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ReviewView.class)))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response review(@PathParam("code") String code, @PathParam("year") int year) {
    ReviewView view = read(code, year);
    return Response.ok(view)
        .tag(etagValue(view.etag()))
        .header("Cache-Control", "no-cache")
        .build();
  }

  @GET
  @Path("history")
  @Transactional
  @Operation(
      operationId = "getReviewHistory",
      summary = "Every entry of a report's review, oldest first",
      description =
          "Returns with their comments, acceptances, and explanations or confirmations of"
              + " warnings, each with who and why; entries are never changed once written.")
  @APIResponse(responseCode = "200", description = "The entries")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public List<ReviewView.HistoryEntry> history(
      @PathParam("code") String code, @PathParam("year") int year) {
    return read(code, year).history();
  }

  @POST
  @Path("decisions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  @SecurityRequirement(name = "bearer")
  @Operation(
      operationId = "decideReview",
      summary = "Return the report with comments, or accept its current revision",
      description =
          "Admin or a reviewer of the agency's division. A return needs a reason; each comment"
              + " names a cell by JSON Pointer or a section. Accepting a revision that breaks an"
              + " accounting rule needs a reason (422 without one).")
  @APIResponse(
      responseCode = "201",
      description = "Decided; the body is the review as it now is",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ReviewView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "ReviewState")
  @APIResponse(responseCode = "412", ref = "PreconditionFailed")
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  @APIResponse(responseCode = "428", ref = "PreconditionRequired")
  public Response decide(
      @PathParam("code") String code,
      @PathParam("year") int year,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      ReviewRequests.Decision decision) {
    Agency agency = agency(code, year);
    cycle.decide(agency, year, actors.current(), ifMatch, decision);
    return written(code, year);
  }

  @POST
  @Path("warnings")
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  @SecurityRequirement(name = "bearer")
  @Operation(
      operationId = "noteWarning",
      summary = "Explain a warning, or confirm or reject its explanation",
      description =
          "The agency (its own token) or a reviewer explains; a reviewer confirms or rejects. A"
              + " correction that changes the warning's cells reopens it.")
  @APIResponse(
      responseCode = "201",
      description = "Noted; the body is the review as it now is",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ReviewView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "ReviewState")
  @APIResponse(responseCode = "412", ref = "PreconditionFailed")
  @APIResponse(responseCode = "428", ref = "PreconditionRequired")
  public Response note(
      @PathParam("code") String code,
      @PathParam("year") int year,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      ReviewRequests.WarningNote note) {
    Agency agency = agency(code, year);
    cycle.note(agency, year, actors.current(), ifMatch, note);
    return written(code, year);
  }

  private Response written(String code, int year) {
    ReviewView view = read(code, year);
    return Response.status(Response.Status.CREATED)
        .entity(view)
        .tag(etagValue(view.etag()))
        .build();
  }

  private Agency agency(String code, int year) {
    Agency agency = Agency.existing(code);
    Parameters.year("year", year, clock);
    return agency;
  }

  ReviewView read(String code, int year) {
    Agency agency = agency(code, year);
    ReviewState state = cycle.state(agency.id, year);
    if (state.last() == null) {
      throw org.disclosurehub.system.ProblemException.notFound(
          "Agency '" + code + "' has filed no report for " + year + ", so nothing is under review");
    }
    ReportView report =
        ReviewEntry.WITHDRAWN.equals(state.state()) ? null : reports.current(code, year);
    return ReviewView.of(state, code, year, report, json);
  }

  private static jakarta.ws.rs.core.EntityTag etagValue(String quoted) {
    return new jakarta.ws.rs.core.EntityTag(quoted.substring(1, quoted.length() - 1));
  }
}
