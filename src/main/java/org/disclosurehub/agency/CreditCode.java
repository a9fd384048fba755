package org.disclosurehub.agency;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character
 * alphabet, the last a check character over the first 17.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CreditCode.Validator.class)
@interface CreditCode {
  String message() default
      "must be an 18-character unified social credit code with a valid GB 32100 check character";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<CreditCode, String> {
    /** No I, O, S, V or Z: they are too easily misread. */
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || hasValidCheckCharacter(value);
    }

    static boolean hasValidCheckCharacter(String code) {
      if (code.length() != 18) {
        return false;
      }
      int sum = 0;
      for (int i = 0; i < 17; i++) {
        int value = ALPHABET.indexOf(code.charAt(i));
        if (value < 0) {
          return false;
        }
        sum += value * WEIGHTS[i];
      }
      int check = (31 - sum % 31) % 31;
      return code.charAt(17) == ALPHABET.charAt(check);
    }
  }
}
