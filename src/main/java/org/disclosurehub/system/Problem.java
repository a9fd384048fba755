package org.disclosurehub.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.disclosurehub.report.RuleViolation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem: what went wrong, in a body a client can read and a person can act on. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "RFC 9457 problem details (application/problem+json)")
public record Problem(
    @Schema(
            description = "Stable identifier of the kind of problem (relative URI)",
            example = "/problems/report-inconsistent")
        String type,
    @Schema(description = "Short human title of the kind", example = "Report does not add up")
        String title,
    @Schema(description = "HTTP status", example = "422") int status,
    @Schema(description = "What happened in this request") String detail,
    @Schema(description = "The request path", example = "/api/v1/agencies/zw-mzj/reports/2024")
        String instance,
    @Schema(description = "Fields that are missing, of the wrong type or not allowed")
        List<FieldError> errors,
    @Schema(description = "Accounting rules the report breaks, every one of them")
        List<RuleViolation> violations) {

  /** One field of the request that is wrong, by JSON Pointer (or parameter name). */
  @Schema(description = "A field of the request that is wrong")
  public record FieldError(
      @Schema(
              description = "JSON Pointer into the body, or the name of a parameter",
              example = "/requests/newlyReceived/naturalPerson")
          String pointer,
      @Schema(description = "What is wrong with it", example = "must be a whole number")
          String message) {}

  Problem withInstance(String path) {
    return new Problem(type, title, status, detail, path, errors, violations);
  }
}
