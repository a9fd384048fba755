package org.disclosurehub.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.ElementType;
import java.util.Set;
import org.disclosurehub.report.Report;
import org.disclosurehub.report.ReportConstraints;
import org.hibernate.validator.HibernateValidatorFactory;

/** Bean Validation of a request body, with the findings as one 400 problem naming each field. */
@ApplicationScoped
public class RequestValidation {
  private final Validator validator;

  /**
   * A body is what Jackson made of the request, never an entity, so every property is reachable:
   * the default resolver asks Hibernate ORM whether each one is loaded and caches each answer, a
   * tenth of a filing's CPU for a report's 200 cells.
   */
  RequestValidation(ValidatorFactory factory) {
    this.validator =
        factory
            .unwrap(HibernateValidatorFactory.class)
            .usingContext()
            .traversableResolver(new EveryPropertyReachable())
            .enableTraversableResolverResultCache(false)
            .getValidator();
  }

  private static final class EveryPropertyReachable implements TraversableResolver {
    @Override
    public boolean isReachable(
        Object bean, Path.Node property, Class<?> root, Path path, ElementType type) {
      return true;
    }

    @Override
    public boolean isCascadable(
        Object bean, Path.Node property, Class<?> root, Path path, ElementType type) {
      return true;
    }
  }

  /** The body, if it meets its constraints (a report's are checked in one walk first). */
  public <T> T require(T body) {
    if (body == null) {
      throw ProblemException.invalidFields(
          "A JSON body is required", java.util.List.of(new Problem.FieldError("", "is required")));
    }
    if (body instanceof Report report && ReportConstraints.met(report)) {
      return body;
    }
    Set<ConstraintViolation<T>> violations = validator.validate(body);
    if (!violations.isEmpty()) {
      throw ProblemMappers.fieldProblem(violations);
    }
    return body;
  }
}
