package org.disclosurehub.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The examples of the OpenAPI document that annotations would repeat at length:
 *
 * <ul>
 *   <li>the request of {@code PUT …/reports/{year}}: the whole 2024 report of 中卫市民政局 from {@code
 *       examples/} (on the classpath through the pom's resources), the file README's Try it sends,
 *       rather than one made up from the schema;
 *   <li>the problems of each error response (ApiDocumentation's shared ones, and the import's own
 *       422), each of its own status, type and title as {@link ProblemType} has them, so that a 404
 *       shows a not-found problem and a 412 a failed precondition.
 * </ul>
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiExamples implements OASFilter {
  static final String REPORT_RESOURCE = "/examples/zhongwei-civil-affairs-2024.json";
  private static final String REPORT_PATH = "/api/v1/agencies/{code}/reports/{year}";
  private static final String IMPORT_PATH = "/api/v1/imports";
  private static final String REPORT = "/api/v1/agencies/zhongwei-civil-affairs/reports/2024";
  private static final String IMPORTS = "/api/v1/imports";
  private static final String UNSUPPORTED =
      "This resource does not read a body of that Content-Type; reports, agencies and patches are"
          + " application/json (patches also application/merge-patch+json), imports text/plain,"
          + " text/html or application/pdf";

  /** One example problem, for a shared response by name or for an operation's own answer. */
  private record Example(String response, String name, String summary, Map<String, Object> value) {}

  private static final List<Example> PROBLEMS =
      List.of(
          new Example(
              "BadRequest",
              "invalid-field",
              "A count that is not a whole number",
              withError(
                  ProblemType.INVALID_FIELD,
                  "/requests/newlyReceived/naturalPerson must be a whole number",
                  REPORT,
                  "/requests/newlyReceived/naturalPerson",
                  "must be a whole number")),
          new Example(
              "BadRequest",
              "malformed-json",
              "A body that is not JSON",
              problem(
                  ProblemType.MALFORMED_JSON,
                  "The body is not valid JSON at line 1, column 18: it ends before the JSON value"
                      + " is complete",
                  REPORT)),
          new Example(
              "BadRequest",
              "invalid-parameter",
              "A query parameter the endpoint does not take",
              withError(
                  ProblemType.INVALID_PARAMETER,
                  "divison: is not a parameter of this endpoint, which takes division, page, size",
                  "/api/v1/agencies",
                  "divison",
                  "is not a parameter of this endpoint, which takes division, page, size")),
          new Example(
              "Unauthorized",
              "unauthorized",
              "No bearer token",
              problem(
                  ProblemType.UNAUTHORIZED,
                  "This operation needs a bearer token: Authorization: Bearer <token>",
                  REPORT)),
          new Example(
              "Unauthorized",
              "invalid-token",
              "A token that is unknown or revoked",
              problem(
                  ProblemType.INVALID_TOKEN,
                  "The bearer token is not valid: unknown, revoked or not issued by this service",
                  REPORT)),
          new Example(
              "Forbidden",
              "forbidden",
              "Another agency's token",
              problem(
                  ProblemType.FORBIDDEN,
                  "This token belongs to agency 'zhongwei-natural-resources' and may write only"
                      + " that agency's reports, not those of 'zhongwei-civil-affairs'",
                  REPORT)),
          new Example(
              "NotFound",
              "not-found",
              "No such agency",
              problem(
                  ProblemType.NOT_FOUND, "No agency with code 'zhongwei-civil-affairs'", REPORT)),
          new Example(
              "Conflict",
              "conflict",
              "The agency code is taken",
              problem(
                  ProblemType.CONFLICT,
                  "An agency with code 'zhongwei-civil-affairs' is already registered",
                  "/api/v1/agencies")),
          new Example(
              "Gone",
              "report-withdrawn",
              "A withdrawn report",
              problem(
                  ProblemType.REPORT_WITHDRAWN,
                  "The report of 'zhongwei-civil-affairs' for 2024 was withdrawn in revision 3;"
                      + " its history stays readable at .../revisions",
                  REPORT)),
          new Example(
              "ArchiveRefused",
              "archive-refused",
              "An archive with an entry outside its folder",
              problem(
                  ProblemType.ARCHIVE_REFUSED,
                  "Entry '../etc/passwd' names a path outside the archive; nothing was stored",
                  "/api/v1/import-jobs")),
          new Example(
              "DestinationRefused",
              "destination-not-allowed",
              "A URL on a host not on the allow-list",
              problem(
                  ProblemType.DESTINATION_NOT_ALLOWED,
                  "The URL names host 'hooks.elsewhere.example', which is not on the allow-list"
                      + " (hub.webhooks.allowed-hosts); nothing was subscribed",
                  "/api/v1/webhooks")),
          new Example(
              "ReviewState",
              "review-state",
              "Accepting a report that was returned and not corrected",
              problem(
                  ProblemType.REVIEW_STATE,
                  "The report was returned; it can be accepted once a correction is filed",
                  REPORT + "/review/decisions")),
          new Example(
              "PreconditionRequired",
              "precondition-required",
              "A decision without If-Match",
              problem(
                  ProblemType.PRECONDITION_REQUIRED,
                  "Give If-Match with the review's ETag \"review-2\", as read, so that a concurrent"
                      + " decision is not overwritten",
                  REPORT + "/review/decisions")),
          new Example(
              "PreconditionFailed",
              "precondition-failed",
              "If-Match names a stale revision",
              problem(
                  ProblemType.PRECONDITION_FAILED,
                  "If-Match \"1\" does not name the current revision \"2\"; read the report again"
                      + " and resubmit",
                  REPORT)),
          new Example(
              "PayloadTooLarge",
              "payload-too-large",
              "A report over 1 MiB",
              problem(
                  ProblemType.PAYLOAD_TOO_LARGE,
                  "The body has 1258291 bytes; at most 1048576 are accepted",
                  REPORT)),
          new Example(
              "UnsupportedMediaType",
              "unsupported-media-type",
              "A body that is not JSON",
              problem(ProblemType.UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED, REPORT)),
          new Example(
              "UnsupportedMediaType",
              "unsupported-charset",
              "An import in a charset it does not read",
              problem(
                  ProblemType.UNSUPPORTED_MEDIA_TYPE,
                  "charset 'ebcdic' is not supported; send UTF-8, GBK, GB2312 or GB18030, or no"
                      + " charset at all",
                  IMPORTS)),
          new Example(
              "NotAcceptable",
              "not-acceptable",
              "Accept: image/png on a report",
              problem(
                  ProblemType.NOT_ACCEPTABLE,
                  "None of image/png is answered here; it answers application/json, text/html",
                  REPORT)),
          new Example(
              "ExpectationFailed",
              "expectation-failed",
              "Expect: something other than 100-continue",
              problem(
                  ProblemType.EXPECTATION_FAILED,
                  "The only expectation understood is Expect: 100-continue",
                  REPORT)),
          new Example(
              "Unprocessable",
              "report-inconsistent",
              "An accounting rule broken",
              problem(
                  ProblemType.REPORT_INCONSISTENT,
                  "1 cell(s) break the accounting rules; nothing was stored. Correct them, or"
                      + " resubmit with acceptInconsistent=true to keep the report as published.",
                  REPORT,
                  "violations",
                  List.of(
                      fields(
                          "rule", "BALANCE",
                          "path", "/requests/carriedForward/naturalPerson",
                          "expected", "2",
                          "actual", "3",
                          "message", "四、结转下年度继续办理 · 自然人 must equal 一 + 二 − 三(七)")))),
          new Example(
              "Unprocessable",
              "agency-inactive",
              "A year the agency was not active",
              problem(
                  ProblemType.AGENCY_INACTIVE,
                  "Agency 'zhongwei-civil-affairs' is registered as not active in 2019",
                  "/api/v1/agencies/zhongwei-civil-affairs/reports/2019")),
          new Example(
              "importReport 422",
              "not-a-report",
              "No table of the format found",
              problem(
                  ProblemType.NOT_A_REPORT,
                  "This text is not an annual report on government information disclosure"
                      + " (政府信息公开工作年度报告): neither the headings nor the header cells of"
                      + " Tables 二, 三, 四 were found. It was read as UTF-8 (no charset given, and"
                      + " the bytes are valid UTF-8)",
                  IMPORTS)),
          new Example(
              "importReport 422",
              "unreadable-pdf",
              "A scan without a text layer",
              problem(
                  ProblemType.UNREADABLE_PDF,
                  "The PDF has no text layer (it is a scan: images of the pages); it needs text"
                      + " recognition (OCR) first",
                  IMPORTS)),
          new Example(
              "importReport 422",
              "import-incomplete",
              "store=true, but a cell was not read",
              withError(
                  ProblemType.IMPORT_INCOMPLETE,
                  "1 cell(s) of Tables 二, 三, 四 could not be read, so nothing was stored: a cell"
                      + " that was not read is not known to be 0. Correct the text, or submit the"
                      + " report as JSON with PUT /api/v1/agencies/{code}/reports/{year}",
                  IMPORTS,
                  "/requests/newlyReceived/naturalPerson",
                  "not read: the row 一、本年新收政府信息公开申请数量 has too few numbers")),
          new Example(
              "Unavailable",
              "service-unavailable",
              "PostgreSQL cannot be reached",
              problem(
                  ProblemType.SERVICE_UNAVAILABLE,
                  "The database cannot be reached or has no connection free; nothing was stored."
                      + " Retry after 5 seconds.",
                  REPORT)));

  /** Fields in the order given (Map.of has none, and the document must be the same every build). */
  private static Map<String, Object> fields(String... namesAndValues) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return fields;
  }

  private static Map<String, Object> problem(ProblemType type, String detail, String instance) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", type.uri());
    problem.put("title", type.title());
    problem.put("status", type.status());
    problem.put("detail", detail);
    problem.put("instance", instance);
    return problem;
  }

  private static Map<String, Object> problem(
      ProblemType type, String detail, String instance, String key, Object value) {
    Map<String, Object> problem = problem(type, detail, instance);
    problem.put(key, value);
    return problem;
  }

  /** A problem naming one field of the request that is wrong ({@code errors}). */
  private static Map<String, Object> withError(
      ProblemType type, String detail, String instance, String pointer, String message) {
    return problem(
        type, detail, instance, "errors", List.of(fields("pointer", pointer, "message", message)));
  }

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null) {
      return;
    }
    PathItem report = openAPI.getPaths().getPathItem(REPORT_PATH);
    if (report != null && report.getPUT() != null && report.getPUT().getRequestBody() != null) {
      report
          .getPUT()
          .getRequestBody()
          .getContent()
          .getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
          .addExample(
              "zhongwei-civil-affairs-2024",
              OASFactory.createExample()
                  .summary("中卫市民政局, 2024 (examples/zhongwei-civil-affairs-2024.json)")
                  .description(
                      "A real report in the national format: Tables 二, 三 and 四 cell by cell and"
                          + " publishedItems.total from section 一; every total given")
                  .value(readReport()));
    }
    for (Example example : PROBLEMS) {
      APIResponse response = response(openAPI, example.response());
      if (response == null || response.getContent() == null) {
        continue;
      }
      MediaType problem = response.getContent().getMediaType(ProblemMappers.PROBLEM_JSON);
      if (problem != null) {
        problem.addExample(
            example.name(),
            OASFactory.createExample().summary(example.summary()).value(example.value()));
      }
    }
  }

  /** A shared response by name, or "importReport 422": the import's own answer. */
  private static APIResponse response(OpenAPI openAPI, String name) {
    if (!name.contains(" ")) {
      return openAPI.getComponents() == null || openAPI.getComponents().getResponses() == null
          ? null
          : openAPI.getComponents().getResponses().get(name);
    }
    PathItem imports = openAPI.getPaths().getPathItem(IMPORT_PATH);
    Operation post = imports == null ? null : imports.getPOST();
    return post == null || post.getResponses() == null
        ? null
        : post.getResponses().getAPIResponse(name.substring(name.indexOf(' ') + 1));
  }

  private static Object readReport() {
    try (InputStream in = ApiExamples.class.getResourceAsStream(REPORT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            REPORT_RESOURCE + " is not on the classpath (pom.xml resources)");
      }
      return new ObjectMapper().readValue(in, LinkedHashMap.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
