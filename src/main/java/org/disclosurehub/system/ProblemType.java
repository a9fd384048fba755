package org.disclosurehub.system;

/** The kinds of problem the API reports; each {@code type} URI is stable and documented. */
public enum ProblemType {
  MALFORMED_JSON(400, "malformed-json", "Request body is not valid JSON"),
  INVALID_FIELD(400, "invalid-field", "Request body has invalid fields"),
  INVALID_PARAMETER(400, "invalid-parameter", "Request parameter is invalid"),
  MALFORMED_REQUEST(400, "malformed-request", "Request is not well-formed HTTP"),
  UNAUTHORIZED(401, "unauthorized", "Authentication required"),
  INVALID_TOKEN(401, "invalid-token", "Bearer token not valid"),
  FORBIDDEN(403, "forbidden", "Not allowed for this token"),
  ORIGIN_NOT_ALLOWED(403, "origin-not-allowed", "Origin not allowed"),
  NOT_FOUND(404, "not-found", "Not found"),
  METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
  NOT_ACCEPTABLE(406, "not-acceptable", "No acceptable representation"),
  CONFLICT(409, "conflict", "Already exists"),
  REVIEW_STATE(409, "review-state", "Not possible in this review state"),
  REPORT_WITHDRAWN(410, "report-withdrawn", "Report withdrawn"),
  PRECONDITION_FAILED(412, "precondition-failed", "Precondition failed"),
  PRECONDITION_REQUIRED(428, "precondition-required", "Precondition required"),
  PAYLOAD_TOO_LARGE(413, "payload-too-large", "Request body too large"),
  URI_TOO_LONG(414, "uri-too-long", "Request URI too long"),
  UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
  EXPECTATION_FAILED(417, "expectation-failed", "Expectation not supported"),
  REPORT_INCONSISTENT(422, "report-inconsistent", "Report does not add up"),
  AGENCY_INACTIVE(422, "agency-inactive", "Agency not active in that year"),
  NOT_A_REPORT(422, "not-a-report", "Not an annual report"),
  UNREADABLE_PDF(422, "unreadable-pdf", "PDF cannot be read"),
  IMPORT_INCOMPLETE(422, "import-incomplete", "Import is incomplete"),
  ARCHIVE_REFUSED(422, "archive-refused", "Archive refused"),
  DESTINATION_NOT_ALLOWED(422, "destination-not-allowed", "Webhook destination not allowed"),
  HEADERS_TOO_LARGE(431, "headers-too-large", "Request header fields too large"),
  INTERNAL(500, "internal", "Internal error"),
  SERVICE_UNAVAILABLE(503, "service-unavailable", "Service temporarily unavailable");

  private final int status;
  private final String slug;
  private final String title;

  ProblemType(int status, String slug, String title) {
    this.status = status;
    this.slug = slug;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String uri() {
    return "/problems/" + slug;
  }

  public String title() {
    return title;
  }
}
