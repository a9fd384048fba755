package org.disclosurehub.report;

import jakarta.validation.Constraint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a report meets every Bean Validation constraint of its records, decided in one walk over
 * its cells: Hibernate Validator's cascade over a report's 50 records and 200 cells cost a
 * twentieth of a filing, though nearly every report meets them. Only a yes is answered here; a
 * report that does not, Hibernate Validator validates again to name each finding. The walk is built
 * from the records' own annotations ({@code @NotNull}, {@link Count}, {@code @Pattern},
 * {@code @Valid}, {@link TablesOfItsFormat}); any other constraint leaves every report to Hibernate
 * Validator.
 */
public final class ReportConstraints {
  /** The walk of a report, or null if a record has a constraint the walk does not know. */
  private static final Walk REPORT = Walk.plan(Report.class);

  private ReportConstraints() {}

  /** True only if Hibernate Validator would find nothing in the report. */
  public static boolean met(Report report) {
    return report != null && REPORT != null && REPORT.met(report);
  }

  /** The checks of one record type: its components', then its class-level one. */
  private record Walk(List<Check> components, boolean tablesOfItsFormat) {

    static Walk plan(Class<?> type) {
      try {
        return plan(type, new HashMap<>());
      } catch (Unsupported e) {
        return null;
      }
    }

    private static Walk plan(Class<?> type, Map<Class<?>, Walk> planned) {
      Walk known = planned.get(type);
      if (known != null) {
        return known;
      }
      if (!type.isRecord()) {
        throw new Unsupported();
      }
      boolean tables = false;
      for (Annotation a : type.getAnnotations()) {
        if (a instanceof TablesOfItsFormat && type == Report.class) {
          tables = true;
        } else if (isConstraint(a)) {
          throw new Unsupported();
        }
      }
      List<Check> checks = new ArrayList<>();
      Walk walk = new Walk(checks, tables);
      planned.put(type, walk);
      for (RecordComponent component : type.getRecordComponents()) {
        checks.add(Check.plan(type, component, planned));
      }
      return walk;
    }

    boolean met(Object record) {
      for (Check check : components) {
        if (!check.met(record)) {
          return false;
        }
      }
      return !tablesOfItsFormat || TablesOfItsFormat.Check.holds((Report) record);
    }
  }

  /** One component: its constraints, its cascade, and those of its map's values. */
  private record Check(
      MethodHandle accessor,
      boolean notNull,
      boolean count,
      java.util.regex.Pattern pattern,
      Walk cascade,
      boolean countedValues) {

    static Check plan(Class<?> type, RecordComponent component, Map<Class<?>, Walk> planned) {
      Field field;
      MethodHandle accessor;
      try {
        field = type.getDeclaredField(component.getName());
        accessor =
            MethodHandles.publicLookup()
                .unreflect(component.getAccessor())
                .asType(MethodType.methodType(Object.class, Object.class));
      } catch (ReflectiveOperationException e) {
        throw new Unsupported();
      }
      boolean notNull = false;
      boolean count = false;
      boolean valid = false;
      java.util.regex.Pattern pattern = null;
      for (Annotation a : field.getAnnotations()) {
        if (a instanceof NotNull) {
          notNull = true;
        } else if (a instanceof Count) {
          count = true;
        } else if (a instanceof Pattern p) {
          pattern = compiled(p);
        } else if (a instanceof Valid) {
          valid = true;
        } else if (isConstraint(a)) {
          throw new Unsupported();
        }
      }
      if (count && component.getType() != Integer.class) {
        throw new Unsupported();
      }
      if (pattern != null && component.getType() != String.class) {
        throw new Unsupported();
      }
      boolean countedValues = countedMapValues(field.getAnnotatedType());
      Walk cascade = valid ? Walk.plan(component.getType(), planned) : null;
      return new Check(accessor, notNull, count, pattern, cascade, countedValues);
    }

    /**
     * Constraints on type arguments: only {@code Map<String, @Count Integer>} is known; the field's
     * own type carries its declaration's annotations, already read.
     */
    private static boolean countedMapValues(AnnotatedType type) {
      if (!(type instanceof AnnotatedParameterizedType parameterized)) {
        return false;
      }
      AnnotatedType[] arguments = parameterized.getAnnotatedActualTypeArguments();
      boolean counted = false;
      for (int i = 0; i < arguments.length; i++) {
        for (Annotation a : arguments[i].getAnnotations()) {
          boolean mapValue =
              i == 1
                  && arguments.length == 2
                  && Map.class.isAssignableFrom(field(parameterized))
                  && arguments[i].getType() == Integer.class;
          if (a instanceof Count && mapValue) {
            counted = true;
          } else if (isConstraint(a) || a instanceof Valid) {
            throw new Unsupported();
          }
        }
        if (arguments[i] instanceof AnnotatedParameterizedType) {
          throw new Unsupported();
        }
      }
      return counted;
    }

    private static Class<?> field(AnnotatedParameterizedType type) {
      return (Class<?>) ((java.lang.reflect.ParameterizedType) type.getType()).getRawType();
    }

    boolean met(Object record) {
      Object value;
      try {
        value = accessor.invokeExact(record);
      } catch (Throwable e) {
        throw new IllegalStateException("a record's accessor only returns", e);
      }
      if (value == null) {
        return !notNull;
      }
      if (count && !withinCount((Integer) value)) {
        return false;
      }
      if (pattern != null && !pattern.matcher((String) value).matches()) {
        return false;
      }
      if (countedValues) {
        for (Object cell : ((Map<?, ?>) value).values()) {
          if (cell != null && !withinCount((Integer) cell)) {
            return false;
          }
        }
      }
      return cascade == null || cascade.met(value);
    }
  }

  private static final long MIN_COUNT = Count.class.getAnnotation(Min.class).value();
  private static final long MAX_COUNT = Count.class.getAnnotation(Max.class).value();

  private static boolean withinCount(int value) {
    return MIN_COUNT <= value && value <= MAX_COUNT;
  }

  /** As Hibernate Validator compiles a {@code @Pattern}: its flags, matching the whole text. */
  private static java.util.regex.Pattern compiled(Pattern p) {
    int flags = 0;
    for (Pattern.Flag flag : p.flags()) {
      flags |= flag.getValue();
    }
    return java.util.regex.Pattern.compile(p.regexp(), flags);
  }

  private static boolean isConstraint(Annotation a) {
    return a.annotationType().isAnnotationPresent(Constraint.class)
        || a.annotationType().getPackageName().equals("jakarta.validation.constraints");
  }

  /** A constraint the walk does not know: Hibernate Validator decides every report. */
  private static final class Unsupported extends RuntimeException {
    Unsupported() {
      super(null, null, false, false);
    }
  }
}
