package org.disclosurehub.report;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A count cell of the form: a whole number of at most {@link CellLimits#MAX_COUNT} either way.
 * Negative counts pass here so that the NON_NEGATIVE rule can name them.
 */
@Min(-CellLimits.MAX_COUNT)
@Max(CellLimits.MAX_COUNT)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({
  ElementType.FIELD,
  ElementType.METHOD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT,
  ElementType.TYPE_USE
})
@Retention(RetentionPolicy.RUNTIME)
@interface Count {
  String message() default
      "must be at most " + CellLimits.MAX_COUNT + " (and at least -" + CellLimits.MAX_COUNT + ")";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
