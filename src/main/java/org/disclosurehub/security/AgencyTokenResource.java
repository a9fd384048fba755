package org.disclosurehub.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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
import org.disclosurehub.agency.Agency;
import org.disclosurehub.system.ProblemException;
import org.disclosurehub.system.ProblemMappers;
import org.disclosurehub.system.Roles;
import org.disclosurehub.system.Sha256;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Issuing, listing and revoking an agency's bearer tokens: the admin's business only. */
@Path("/api/v1/agencies/{code}/tokens")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "bearer")
@Tag(name = "Tokens", description = "Bearer tokens with which an agency writes its own reports")
class AgencyTokenResource {
  private final Clock clock;

  AgencyTokenResource(Clock clock) {
    this.clock = clock;
  }

  @POST
  @Transactional
  @Operation(
      operationId = "issueAgencyToken",
      summary = "Issue a token for an agency",
      description =
          "The token is in this response only: the service keeps its SHA-256 and cannot show it"
              + " again. An agency may hold several tokens, e.g. while replacing one.")
  @APIResponse(
      responseCode = "201",
      description = "Issued; the body holds the token, shown this once",
      headers = @Header(name = "Location", description = "The token, by id (to revoke it)"),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = IssuedToken.class)))
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response issue(@PathParam("code") String code, @Context UriInfo uri) {
    Agency agency = Agency.existing(code);
    String token = Tokens.generate();
    AgencyToken row = new AgencyToken();
    row.agency = agency;
    row.tokenSha256 = Sha256.hex(token);
    row.createdAt = now();
    row.persist();
    return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(row.id)).build())
        .header("Cache-Control", "no-store")
        .entity(new IssuedToken(row.id, agency.code, token, row.createdAt))
        .build();
  }

  @GET
  @Operation(
      operationId = "listAgencyTokens",
      summary = "List an agency's tokens, revoked ones included, oldest first",
      description =
          "Each token's id, when it was issued, last used and revoked; never the token itself,"
              + " which only its issue answers.")
  @APIResponse(responseCode = "200", description = "The tokens, without the tokens themselves")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public List<TokenView> list(@PathParam("code") String code) {
    return AgencyToken.of(Agency.existing(code)).stream().map(TokenView::of).toList();
  }

  @DELETE
  @Path("{id}")
  // 204 has no body: a client that accepts only problems (as generated clients ask) is answered.
  @Produces({MediaType.APPLICATION_JSON, ProblemMappers.PROBLEM_JSON})
  @Transactional
  @Operation(
      operationId = "revokeAgencyToken",
      summary = "Revoke a token",
      description =
          "Effective from the next request. Revoking a revoked token again changes nothing.")
  @APIResponse(responseCode = "204", description = "Revoked")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public void revoke(@PathParam("code") String code, @PathParam("id") long id) {
    AgencyToken token =
        AgencyToken.of(Agency.existing(code), id)
            .orElseThrow(
                () -> ProblemException.notFound("Agency '" + code + "' has no token " + id));
    if (token.revokedAt == null) {
      token.revokedAt = now();
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
