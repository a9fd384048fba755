package org.disclosurehub.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Set;

/** Bean Validation of a request body, with the findings as one 400 problem naming each field. */
@ApplicationScoped
public class RequestValidation {
  private final Validator validator;

  RequestValidation(Validator validator) {
    this.validator = validator;
  }

  public <T> T require(T body) {
    if (body == null) {
      throw ProblemException.invalidFields(
          "A JSON body is required", java.util.List.of(new Problem.FieldError("", "is required")));
    }
    Set<ConstraintViolation<T>> violations = validator.validate(body);
    if (!violations.isEmpty()) {
      throw ProblemMappers.fieldProblem(violations);
    }
    return body;
  }
}
