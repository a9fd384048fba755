package org.disclosurehub.deploy;

import io.smallrye.config.ConfigMapping;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The environment variables the application reads, from its own sources only: every key of
 * application.properties (any profile), every {@code ${VARIABLE}} those values use, every key of an
 * {@code @ConfigMapping} interface and every {@code @ConfigProperty} in the compiled classes, and
 * the Quarkus settings that production sets without a line in application.properties ({@link
 * #QUARKUS_SETTINGS_FROM_THE_ENVIRONMENT}). A variable is one of these keys in Quarkus's
 * environment form: {@code hub.max-report-bytes} is {@code HUB_MAX_REPORT_BYTES}.
 */
final class ApplicationSettings {
  /** Read by Quarkus in production, given only by the environment (README, "Configuration"). */
  static final Set<String> QUARKUS_SETTINGS_FROM_THE_ENVIRONMENT =
      Set.of("quarkus.datasource.password", "quarkus.http.port");

  private static final Path PROPERTIES = Path.of("src/main/resources/application.properties");
  private static final Path CLASSES = Path.of("target/classes");
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)");

  private ApplicationSettings() {}

  /** The environment variables the application reads. */
  static Set<String> environmentVariables() {
    Set<String> variables = new TreeSet<>();
    Properties properties = properties();
    for (String key : properties.stringPropertyNames()) {
      variables.add(environmentName(key.replaceFirst("^%[^.]+\\.", "")));
      Matcher expression = EXPRESSION.matcher(properties.getProperty(key));
      while (expression.find()) {
        variables.add(environmentName(expression.group(1)));
      }
    }
    QUARKUS_SETTINGS_FROM_THE_ENVIRONMENT.forEach(k -> variables.add(environmentName(k)));
    applicationClasses()
        .forEach(
            type -> {
              ConfigMapping mapping = type.getAnnotation(ConfigMapping.class);
              if (mapping != null) {
                mappingKeys(mapping.prefix(), type).forEach(k -> variables.add(environmentName(k)));
              }
              Stream.<AnnotatedElement>concat(
                      Stream.of(type.getDeclaredFields()),
                      Stream.of(type.getDeclaredConstructors())
                          .flatMap(c -> Stream.of(c.getParameters())))
                  .map(element -> element.getAnnotation(ConfigProperty.class))
                  .filter(property -> property != null && !property.name().isEmpty())
                  .forEach(property -> variables.add(environmentName(property.name())));
            });
    return variables;
  }

  /** The value production runs with: the {@code %prod.} line, else the plain one. */
  static Optional<String> productionValue(String key) {
    Properties properties = properties();
    return Optional.ofNullable(properties.getProperty("%prod." + key, properties.getProperty(key)));
  }

  /** Quarkus's environment form of a property name. */
  static String environmentName(String property) {
    return property.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  private static Properties properties() {
    Properties properties = new Properties();
    try (var in = Files.newBufferedReader(PROPERTIES)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }

  private static Set<String> mappingKeys(String prefix, Class<?> mapping) {
    Set<String> keys = new TreeSet<>();
    for (Method method : mapping.getMethods()) {
      if (method.getParameterCount() > 0
          || Modifier.isStatic(method.getModifiers())
          || method.isDefault()) {
        continue;
      }
      String key = prefix + "." + kebab(method.getName());
      Class<?> group = group(method.getGenericReturnType());
      if (group != null) {
        keys.addAll(mappingKeys(key, group));
      } else {
        keys.add(key);
      }
    }
    return keys;
  }

  /** A nested configuration group (an interface of ours, maybe in an Optional), or null. */
  private static Class<?> group(Type type) {
    if (type instanceof ParameterizedType parameterized
        && parameterized.getRawType() == Optional.class) {
      type = parameterized.getActualTypeArguments()[0];
    }
    return type instanceof Class<?> c
            && c.isInterface()
            && c.getName().startsWith("org.disclosurehub.")
            && !Map.class.isAssignableFrom(c)
        ? c
        : null;
  }

  private static String kebab(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }

  private static Stream<Class<?>> applicationClasses() {
    try (Stream<Path> files = Files.walk(CLASSES.resolve("org/disclosurehub"))) {
      return files
          .filter(f -> f.toString().endsWith(".class"))
          .map(f -> CLASSES.relativize(f).toString())
          .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
          .map(ApplicationSettings::load)
          .toList()
          .stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, ApplicationSettings.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
