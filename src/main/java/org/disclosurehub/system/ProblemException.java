package org.disclosurehub.system;

import java.util.List;
import org.disclosurehub.report.RuleViolation;

/** Thrown wherever a request must end in a problem; {@link ProblemMappers} writes it out. */
public class ProblemException extends RuntimeException {
  private final transient Problem problem;

  public ProblemException(ProblemType type, String detail) {
    this(type, detail, null, null);
  }

  private ProblemException(
      ProblemType type,
      String detail,
      List<Problem.FieldError> errors,
      List<RuleViolation> violations) {
    super(detail, null, false, false);
    this.problem =
        new Problem(type.uri(), type.title(), type.status(), detail, null, errors, violations);
  }

  public static ProblemException notFound(String detail) {
    return new ProblemException(ProblemType.NOT_FOUND, detail);
  }

  public static ProblemException invalidFields(String detail, List<Problem.FieldError> errors) {
    return new ProblemException(ProblemType.INVALID_FIELD, detail, errors, null);
  }

  public static ProblemException invalidParameter(String name, String message) {
    return new ProblemException(
        ProblemType.INVALID_PARAMETER,
        name + ": " + message,
        List.of(new Problem.FieldError(name, message)),
        null);
  }

  public static ProblemException inconsistent(String detail, List<RuleViolation> violations) {
    return new ProblemException(ProblemType.REPORT_INCONSISTENT, detail, null, violations);
  }

  /** An import that could not read every cell: each one named by its JSON Pointer. */
  public static ProblemException importIncomplete(String detail, List<Problem.FieldError> errors) {
    return new ProblemException(ProblemType.IMPORT_INCOMPLETE, detail, errors, null);
  }

  public Problem problem() {
    return problem;
  }
}
