package org.disclosurehub.system;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The OpenAPI document's frame: the problem responses every endpoint shares, referenced by name
 * ({@code @APIResponse(responseCode = "404", ref = "NotFound")}); {@link ApiExamples} gives each
 * its example problems. Every API operation may answer 503 "Unavailable" while PostgreSQL is
 * unreachable; {@link UnavailableResponses} adds it.
 */
@OpenAPIDefinition(
    info =
        @Info(
            title = "disclosure-hub API",
            version = "1.0.0",
            description =
                "Annual reports on government information disclosure (政府信息公开工作年度报告):"
                    + " submission with revisions, the accounting rules of the national format,"
                    + " and roll-ups by region. Errors are RFC 9457 problems. Reads are anonymous;"
                    + " writes need a bearer token (see the operations marked with a lock)."),
    components =
        @Components(
            securitySchemes =
                @SecurityScheme(
                    securitySchemeName = "bearer",
                    type = SecuritySchemeType.HTTP,
                    scheme = "bearer",
                    description =
                        "The admin token (HUB_ADMIN_TOKEN) or an agency token issued with POST"
                            + " /api/v1/agencies/{code}/tokens. An agency token writes only its"
                            + " own agency's reports."),
            responses = {
              @APIResponse(
                  name = "BadRequest",
                  description =
                      "Malformed JSON, a wrong type, an unknown or missing field, or an invalid"
                          + " parameter; nothing was changed",
                  content =
                      @Content(
                          mediaType = ProblemMappers.PROBLEM_JSON,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "NotFound",
                  description = "No such resource",
                  content =
                      @Content(
                          mediaType = ProblemMappers.PROBLEM_JSON,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "Conflict",
                  description = "It exists already; nothing was changed",
                  content =
                      @Content(
                          mediaType = ProblemMappers.PROBLEM_JSON,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "ArchiveRefused",
                  description =
                      "archive-refused: not a ZIP, or hostile (the detail says how); nothing stored",
                  content =
                      @Content(
                          mediaType = ProblemMappers.PROBLEM_JSON,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "DestinationRefused",
                  description =
                      "destination-not-allowed: the webhook URL is not https on an allowed host"
                          + " (hub.webhooks.allowed-hosts), or names this machine; nothing was"
                          + " subscribed",
                  content =
                      @Content(
                          mediaType = ProblemMappers.PROBLEM_JSON,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "ReviewState",
                  description = "The review's state does not allow it; nothing was recorded",
                  content =
                      @Content(
                          mediaType = ProblemMappers.PROBLEM_JSON,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "PreconditionRequired",
                  description = "If-Match is missing: give the review's ETag as read",
                  content =
                      @Content(
                          mediaType = ProblemMappers.PROBLEM_JSON,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "PreconditionFailed",
                  description =
                      "If-Match names a stale revision, or If-None-Match: * and the report exists;"
                          + " nothing was stored",
                  content =
                      @Content(
                          mediaType = ProblemMappers.PROBLEM_JSON,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "PayloadTooLarge",
                  description = "The body is larger than accepted; nothing was read",
                  content =
                      @Content(
                          mediaType = ProblemMappers.PROBLEM_JSON,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "UnsupportedMediaType",
                  description =
                      "The body's Content-Type is not one this operation reads (an import: not"
                          + " text/plain, text/html or application/pdf, or a charset it does not"
                          + " read); nothing was read",
                  content =
                      @Content(
                          mediaType = ProblemMappers.PROBLEM_JSON,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "NotAcceptable",
                  description =
                      "Accept names no representation this operation answers (an empty or odd"
                          + " Accept is the default representation)",
                  content =
                      @Content(
                          mediaType = ProblemMappers.PROBLEM_JSON,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "ExpectationFailed",
                  description =
                      "An Expect header other than 100-continue (which is answered with 100"
                          + " Continue); nothing was read",
                  content =
                      @Content(
                          mediaType = ProblemMappers.PROBLEM_JSON,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "Unavailable",
                  description =
                      "The database cannot be reached (failover, restart) or no connection came"
                          + " free in time; nothing was stored. Retry after the seconds in"
                          + " Retry-After: a retried write is safe.",
                  headers =
                      @Header(
                          name = "Retry-After",
                          description = "Seconds to wait before retrying",
                          schema = @Schema(type = SchemaType.INTEGER)),
                  content =
                      @Content(
                          mediaType = ProblemMappers.PROBLEM_JSON,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "Unauthorized",
                  description =
                      "No bearer token, or one that is unknown, revoked or malformed; nothing was"
                          + " changed",
                  headers =
                      @Header(
                          name = "WWW-Authenticate",
                          description = ProblemMappers.BEARER_CHALLENGE,
                          schema = @Schema(type = SchemaType.STRING)),
                  content =
                      @Content(
                          mediaType = ProblemMappers.PROBLEM_JSON,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "Forbidden",
                  description =
                      "The token may not do this: it belongs to another agency, or the operation"
                          + " needs the admin token; nothing was changed",
                  content =
                      @Content(
                          mediaType = ProblemMappers.PROBLEM_JSON,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "Gone",
                  description =
                      "The report was withdrawn; the detail names the withdrawing revision and its"
                          + " history stays readable under /revisions",
                  content =
                      @Content(
                          mediaType = ProblemMappers.PROBLEM_JSON,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "Unprocessable",
                  description =
                      "The report breaks accounting rules (every violation listed with rule, path,"
                          + " expected and actual), or the agency is not active that year; nothing"
                          + " was stored",
                  content =
                      @Content(
                          mediaType = ProblemMappers.PROBLEM_JSON,
                          schema = @Schema(implementation = Problem.class)))
            }))
public class ApiDocumentation extends Application {}
