package org.disclosurehub.system;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The OpenAPI document's frame: the problem responses every endpoint shares, referenced by name
 * ({@code @APIResponse(responseCode = "404", ref = "NotFound")}). Every API operation may answer
 * 503 "Unavailable" while PostgreSQL is unreachable; {@link UnavailableResponses} adds it.
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
                          schema = @Schema(implementation = Problem.class),
                          examples = {
                            @ExampleObject(
                                name = "invalid-field",
                                summary = "A count that is not a whole number",
                                value =
                                    "{\"type\":\"/problems/invalid-field\",\"title\":\"Request body has invalid fields\",\"status\":400,\"detail\":\"/requests/newlyReceived/naturalPerson must be a whole number\",\"instance\":\"/api/v1/agencies/zhongwei-civil-affairs/reports/2024\",\"errors\":[{\"pointer\":\"/requests/newlyReceived/naturalPerson\",\"message\":\"must be a whole number\"}]}"),
                            @ExampleObject(
                                name = "malformed-json",
                                summary = "A body that is not JSON",
                                value =
                                    "{\"type\":\"/problems/malformed-json\",\"title\":\"Request body is not valid JSON\",\"status\":400,\"detail\":\"The body is not valid JSON at line 1, column 18: it ends before the JSON value is complete\",\"instance\":\"/api/v1/agencies/zhongwei-civil-affairs/reports/2024\"}"),
                            @ExampleObject(
                                name = "invalid-parameter",
                                summary = "A query parameter the endpoint does not take",
                                value =
                                    "{\"type\":\"/problems/invalid-parameter\",\"title\":\"Request parameter is invalid\",\"status\":400,\"detail\":\"divison: is not a parameter of this endpoint, which takes division, page, size\",\"instance\":\"/api/v1/agencies\",\"errors\":[{\"pointer\":\"divison\",\"message\":\"is not a parameter of this endpoint, which takes division, page, size\"}]}")
                          })),
              @APIResponse(
                  name = "NotFound",
                  description = "No such resource",
                  content =
                      @Content(
                          mediaType = ProblemMappers.PROBLEM_JSON,
                          schema = @Schema(implementation = Problem.class),
                          examples = {
                            @ExampleObject(
                                name = "not-found",
                                summary = "No such agency",
                                value =
                                    "{\"type\":\"/problems/not-found\",\"title\":\"Not found\",\"status\":404,\"detail\":\"No agency with code 'zhongwei-civil-affairs'\",\"instance\":\"/api/v1/agencies/zhongwei-civil-affairs/reports/2024\"}")
                          })),
              @APIResponse(
                  name = "Conflict",
                  description = "It exists already; nothing was changed",
                  content =
                      @Content(
                          mediaType = ProblemMappers.PROBLEM_JSON,
                          schema = @Schema(implementation = Problem.class),
                          examples = {
                            @ExampleObject(
                                name = "conflict",
                                summary = "The agency code is taken",
                                value =
                                    "{\"type\":\"/problems/conflict\",\"title\":\"Already exists\",\"status\":409,\"detail\":\"An agency with code 'zhongwei-civil-affairs' is already registered\",\"instance\":\"/api/v1/agencies\"}")
                          })),
              @APIResponse(
                  name = "PreconditionFailed",
                  description =
                      "If-Match names a stale revision, or If-None-Match: * and the report exists;"
                          + " nothing was stored",
                  content =
                      @Content(
                          mediaType = ProblemMappers.PROBLEM_JSON,
                          schema = @Schema(implementation = Problem.class),
                          examples = {
                            @ExampleObject(
                                name = "precondition-failed",
                                summary = "If-Match names a stale revision",
                                value =
                                    "{\"type\":\"/problems/precondition-failed\",\"title\":\"Precondition failed\",\"status\":412,\"detail\":\"If-Match \\\"1\\\" does not name the current revision \\\"2\\\"; read the report again and resubmit\",\"instance\":\"/api/v1/agencies/zhongwei-civil-affairs/reports/2024\"}")
                          })),
              @APIResponse(
                  name = "PayloadTooLarge",
                  description = "The body is larger than accepted; nothing was read",
                  content =
                      @Content(
                          mediaType = ProblemMappers.PROBLEM_JSON,
                          schema = @Schema(implementation = Problem.class),
                          examples = {
                            @ExampleObject(
                                name = "payload-too-large",
                                summary = "A report over 1 MiB",
                                value =
                                    "{\"type\":\"/problems/payload-too-large\",\"title\":\"Request body too large\",\"status\":413,\"detail\":\"The body has 1258291 bytes; at most 1048576 are accepted\",\"instance\":\"/api/v1/agencies/zhongwei-civil-affairs/reports/2024\"}")
                          })),
              @APIResponse(
                  name = "UnsupportedMediaType",
                  description =
                      "The body's Content-Type is not one this operation reads (an import: not"
                          + " text/plain, text/html or application/pdf, or a charset it does not"
                          + " read); nothing was read",
                  content =
                      @Content(
                          mediaType = ProblemMappers.PROBLEM_JSON,
                          schema = @Schema(implementation = Problem.class),
                          examples = {
                            @ExampleObject(
                                name = "unsupported-media-type",
                                summary = "A body that is not JSON",
                                value =
                                    "{\"type\":\"/problems/unsupported-media-type\",\"title\":\"Unsupported media type\",\"status\":415,\"detail\":\"This resource does not read a body of that Content-Type; reports, agencies and patches are application/json (patches also application/merge-patch+json), imports text/plain, text/html or application/pdf\",\"instance\":\"/api/v1/agencies/zhongwei-civil-affairs/reports/2024\"}"),
                            @ExampleObject(
                                name = "unsupported-charset",
                                summary = "An import in a charset it does not read",
                                value =
                                    "{\"type\":\"/problems/unsupported-media-type\",\"title\":\"Unsupported media type\",\"status\":415,\"detail\":\"charset 'ebcdic' is not supported; send UTF-8, GBK, GB2312 or GB18030, or no charset at all\",\"instance\":\"/api/v1/imports\"}")
                          })),
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
                          schema = @Schema(implementation = Problem.class),
                          examples = {
                            @ExampleObject(
                                name = "service-unavailable",
                                summary = "PostgreSQL cannot be reached",
                                value =
                                    "{\"type\":\"/problems/service-unavailable\",\"title\":\"Service temporarily unavailable\",\"status\":503,\"detail\":\"The database cannot be reached or has no connection free; nothing was stored. Retry after 5 seconds.\",\"instance\":\"/api/v1/agencies/zhongwei-civil-affairs/reports/2024\"}")
                          })),
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
                          schema = @Schema(implementation = Problem.class),
                          examples = {
                            @ExampleObject(
                                name = "unauthorized",
                                summary = "No bearer token",
                                value =
                                    "{\"type\":\"/problems/unauthorized\",\"title\":\"Authentication required\",\"status\":401,\"detail\":\"This operation needs a bearer token: Authorization: Bearer <token>\",\"instance\":\"/api/v1/agencies/zhongwei-civil-affairs/reports/2024\"}"),
                            @ExampleObject(
                                name = "invalid-token",
                                summary = "A token that is unknown or revoked",
                                value =
                                    "{\"type\":\"/problems/invalid-token\",\"title\":\"Bearer token not valid\",\"status\":401,\"detail\":\"The bearer token is not valid: unknown, revoked or not issued by this service\",\"instance\":\"/api/v1/agencies/zhongwei-civil-affairs/reports/2024\"}")
                          })),
              @APIResponse(
                  name = "Forbidden",
                  description =
                      "The token may not do this: it belongs to another agency, or the operation"
                          + " needs the admin token; nothing was changed",
                  content =
                      @Content(
                          mediaType = ProblemMappers.PROBLEM_JSON,
                          schema = @Schema(implementation = Problem.class),
                          examples = {
                            @ExampleObject(
                                name = "forbidden",
                                summary = "Another agency's token",
                                value =
                                    "{\"type\":\"/problems/forbidden\",\"title\":\"Not allowed for this token\",\"status\":403,\"detail\":\"This token belongs to agency 'zhongwei-natural-resources' and may write only that agency's reports, not those of 'zhongwei-civil-affairs'\",\"instance\":\"/api/v1/agencies/zhongwei-civil-affairs/reports/2024\"}")
                          })),
              @APIResponse(
                  name = "Gone",
                  description =
                      "The report was withdrawn; the detail names the withdrawing revision and its"
                          + " history stays readable under /revisions",
                  content =
                      @Content(
                          mediaType = ProblemMappers.PROBLEM_JSON,
                          schema = @Schema(implementation = Problem.class),
                          examples = {
                            @ExampleObject(
                                name = "report-withdrawn",
                                summary = "A withdrawn report",
                                value =
                                    "{\"type\":\"/problems/report-withdrawn\",\"title\":\"Report withdrawn\",\"status\":410,\"detail\":\"The report of 'zhongwei-civil-affairs' for 2024 was withdrawn in revision 3; its history stays readable at .../revisions\",\"instance\":\"/api/v1/agencies/zhongwei-civil-affairs/reports/2024\"}")
                          })),
              @APIResponse(
                  name = "Unprocessable",
                  description =
                      "The report breaks accounting rules (every violation listed with rule, path,"
                          + " expected and actual), or the agency is not active that year; nothing"
                          + " was stored",
                  content =
                      @Content(
                          mediaType = ProblemMappers.PROBLEM_JSON,
                          schema = @Schema(implementation = Problem.class),
                          examples = {
                            @ExampleObject(
                                name = "report-inconsistent",
                                summary = "An accounting rule broken",
                                value =
                                    "{\"type\":\"/problems/report-inconsistent\",\"title\":\"Report does not add up\",\"status\":422,\"detail\":\"1 cell(s) break the accounting rules; nothing was stored. Correct them, or resubmit with acceptInconsistent=true to keep the report as published.\",\"instance\":\"/api/v1/agencies/zhongwei-civil-affairs/reports/2024\",\"violations\":[{\"rule\":\"BALANCE\",\"path\":\"/requests/carriedForward/naturalPerson\",\"expected\":\"2\",\"actual\":\"3\",\"message\":\"四、结转下年度继续办理 · 自然人 must equal 一 + 二 − 三(七)\"}]}"),
                            @ExampleObject(
                                name = "agency-inactive",
                                summary = "A year the agency was not active",
                                value =
                                    "{\"type\":\"/problems/agency-inactive\",\"title\":\"Agency not active in that year\",\"status\":422,\"detail\":\"Agency 'zhongwei-civil-affairs' is registered as not active in 2019\",\"instance\":\"/api/v1/agencies/zhongwei-civil-affairs/reports/2019\"}")
                          }))
            }))
public class ApiDocumentation extends Application {}
