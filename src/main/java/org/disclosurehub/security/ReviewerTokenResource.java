package org.disclosurehub.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.disclosurehub.region.Regions;
import org.disclosurehub.system.ProblemException;
import org.disclosurehub.system.RequestValidation;
import org.disclosurehub.system.Roles;
import org.disclosurehub.system.Sha256;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Issuing, listing and revoking reviewer tokens: the admin's business only. A reviewer reviews the
 * reports of the agencies within its division and writes nothing else.
 */
@Path("/api/v1/reviewers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "bearer")
@Tag(name = "Reviewers", description = "Tokens of the office that reviews a region's reports")
class ReviewerTokenResource {
  private final Clock clock;
  private final RequestValidation validation;

  ReviewerTokenResource(Clock clock, RequestValidation validation) {
    this.clock = clock;
    this.validation = validation;
  }

  @Schema(description = "A reviewer to issue a token for")
  record NewReviewer(
      @Schema(description = "GB/T 2260 division it reviews, with all below it", example = "640500")
          @NotBlank
          @Pattern(regexp = "[1-9][0-9]{5}", message = "must be a GB/T 2260 division code")
          String divisionCode,
      @Schema(description = "Who holds it", example = "中卫市政务公开办") @NotBlank @Size(max = 100)
          String name) {}

  @Schema(
      requiredProperties = {
        "id",
        "divisionCode",
        "name",
        "token",
        "createdAt",
        "lastUsedAt",
        "revokedAt"
      },
      description = "A reviewer token; the token itself only when just issued")
  record ReviewerView(
      @Schema(description = "Id, as review entries name their author (reviewer:<id>)") long id,
      String divisionCode,
      String name,
      @Schema(description = "The bearer token, shown this once; null afterwards", nullable = true)
          String token,
      Instant createdAt,
      @Schema(description = "When it last authenticated a request; null if never", nullable = true)
          Instant lastUsedAt,
      @Schema(description = "When it was revoked; null while it is valid", nullable = true)
          Instant revokedAt) {
    static ReviewerView of(ReviewerToken row, String token) {
      return new ReviewerView(
          row.id, row.divisionCode, row.name, token, row.createdAt, row.lastUsedAt, row.revokedAt);
    }
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  @Operation(
      operationId = "issueReviewerToken",
      summary = "Issue a reviewer token for a division",
      description =
          "The token is in this response only. A reviewer of 640500 reviews the agencies of the"
              + " city and of every county in it; of a province, all of it.")
  @APIResponse(
      responseCode = "201",
      description = "Issued; the body holds the token, shown this once",
      headers = @Header(name = "Location", description = "The token, by id (to revoke it)"),
      content =
          @org.eclipse.microprofile.openapi.annotations.media.Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ReviewerView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  public Response issue(NewReviewer body, @Context UriInfo uri) {
    validation.require(body);
    if (!Regions.contains(body.divisionCode())) {
      throw ProblemException.invalidFields(
          "No division " + body.divisionCode(),
          List.of(
              new org.disclosurehub.system.Problem.FieldError(
                  "/divisionCode", "is not a division the service knows")));
    }
    String token = Tokens.generate();
    ReviewerToken row = new ReviewerToken();
    row.divisionCode = body.divisionCode();
    row.name = body.name().strip();
    row.tokenSha256 = Sha256.hex(token);
    row.createdAt = now();
    row.persist();
    return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(row.id)).build())
        .header("Cache-Control", "no-store")
        .entity(ReviewerView.of(row, token))
        .build();
  }

  @GET
  @Operation(
      operationId = "listReviewerTokens",
      summary = "Every reviewer token, oldest first",
      description =
          "Each token's id, division, holder, when it was issued, last used and revoked; never the"
              + " token itself, which only its issue answers.")
  @APIResponse(responseCode = "200", description = "The tokens, without the tokens themselves")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  public List<ReviewerView> list() {
    return ReviewerToken.all().stream().map(t -> ReviewerView.of(t, null)).toList();
  }

  @DELETE
  @Path("{id}")
  @Transactional
  @Operation(
      operationId = "revokeReviewerToken",
      summary = "Revoke a reviewer token",
      description =
          "From the next request on the token is refused (401). Revoking a revoked token"
              + " changes nothing.")
  @APIResponse(responseCode = "204", description = "Revoked")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public void revoke(@PathParam("id") long id) {
    ReviewerToken token = ReviewerToken.findById(id);
    if (token == null) {
      throw ProblemException.notFound("No reviewer token " + id);
    }
    if (token.revokedAt == null) {
      token.revokedAt = now();
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
