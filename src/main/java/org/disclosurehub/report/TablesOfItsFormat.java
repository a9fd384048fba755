package org.disclosurehub.report;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A report gives the tables of its {@code formatVersion}: Table 二 as {@code activeDisclosure}
 * (2021) or {@code activeDisclosure2019} (the trial format), never both; rows 三(六)1 and 三(六)2 only
 * where the format has them. Each finding names the field at fault.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = TablesOfItsFormat.Check.class)
@interface TablesOfItsFormat {
  String message() default "does not match formatVersion";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** The checks, in the words of the format. */
  final class Check implements ConstraintValidator<TablesOfItsFormat, Report> {
    /** Whether the report gives the tables of its format, without naming what it does not. */
    static boolean holds(Report report) {
      return new Check().isValid(report, null);
    }

    /** {@code context} null: only whether the report holds ({@link #holds}). */
    @Override
    public boolean isValid(Report report, ConstraintValidatorContext context) {
      if (report == null) {
        return true;
      }
      if (context != null) {
        context.disableDefaultConstraintViolation();
      }
      Findings findings = new Findings(context);
      if (report.isTrialFormat()) {
        if (report.activeDisclosure2019() == null) {
          findings.add("is required with formatVersion \"2019\"", "activeDisclosure2019");
        }
        if (report.activeDisclosure() != null) {
          findings.add(
              "is Table 二 of the 2021 format; a report in formatVersion \"2019\" gives"
                  + " activeDisclosure2019",
              "activeDisclosure");
        }
        OtherHandling other = otherHandling(report);
        if (other != null) {
          notIn2019(findings, other.overdueCorrection(), "overdueCorrection");
          notIn2019(findings, other.overdueFee(), "overdueFee");
        }
        Procurement2019 procurement =
            report.activeDisclosure2019() == null
                ? null
                : report.activeDisclosure2019().procurement();
        if (procurement != null
            && Procurement2019.YUAN.equals(procurement.unit())
            && procurement.totalAmount() != null
            && procurement.totalAmount().stripTrailingZeros().scale() > 2) {
          findings.add(
              "at most 2 decimal places in 元 (one fen)",
              "activeDisclosure2019",
              "procurement",
              "totalAmount");
        }
      } else {
        if (report.activeDisclosure() == null) {
          findings.add("is required", "activeDisclosure");
        }
        if (report.activeDisclosure2019() != null) {
          findings.add(
              "is Table 二 of the 2019 trial format; give it with formatVersion \"2019\"",
              "activeDisclosure2019");
        }
        OtherHandling other = otherHandling(report);
        if (other != null) {
          if (other.overdueCorrection() == null) {
            findings.add(
                "is required", "requests", "outcomes", "otherHandling", "overdueCorrection");
          }
          if (other.overdueFee() == null) {
            findings.add("is required", "requests", "outcomes", "otherHandling", "overdueFee");
          }
        }
      }
      return findings.none;
    }

    private static OtherHandling otherHandling(Report report) {
      return report.requests() == null || report.requests().outcomes() == null
          ? null
          : report.requests().outcomes().otherHandling();
    }

    /** Rows 三(六)1 and 三(六)2 do not exist in the 2019 format: absent, or zeros as imported. */
    private static void notIn2019(Findings findings, ApplicantRow row, String key) {
      if (row == null) {
        return;
      }
      boolean zeros =
          ApplicantRow.COLUMNS.stream()
              .map(c -> c.value().apply(row))
              .allMatch(v -> v == null || v == 0);
      if (!zeros) {
        findings.add(
            "does not exist in the 2019 trial format, whose single row 三(六) 其他处理 is"
                + " otherHandling.other; omit it",
            "requests",
            "outcomes",
            "otherHandling",
            key);
      }
    }

    private static final class Findings {
      private final ConstraintValidatorContext context;
      private boolean none = true;

      Findings(ConstraintValidatorContext context) {
        this.context = context;
      }

      void add(String message, String... path) {
        none = false;
        if (context == null) {
          return;
        }
        var builder = context.buildConstraintViolationWithTemplate(message);
        var node = builder.addPropertyNode(path[0]);
        for (int i = 1; i < path.length; i++) {
          node = node.addPropertyNode(path[i]);
        }
        node.addConstraintViolation();
      }
    }
  }
}
