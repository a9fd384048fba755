package org.disclosurehub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code (docs/architecture.md): packages by feature that form no cycle, features
 * that talk through events and a few published types, and cross-cutting packages that know no
 * feature.
 */
class ArchitectureTest {
  private static final String ROOT = "org.disclosurehub";

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(ROOT);

  /**
   * What each feature lets other packages use; everything else in it is its own business. Events
   * are how a feature tells others what happened; the rest are entities and services another
   * feature needs to do its job.
   */
  private static final Map<String, Set<String>> PUBLISHED =
      Map.ofEntries(
          Map.entry("agency", Set.of("Agency", "AgencyChanged", "AgencyMoved")),
          Map.entry(
              "submission",
              Set.of(
                  "SubmissionService",
                  "ReportWrite",
                  "ReportReads",
                  "ReportView",
                  "RevisionSummary",
                  "RevisionSource",
                  "ChangeReason",
                  "ReportRevised",
                  "ReportWithdrawn")),
          Map.entry("security", Set.of("WritePermission", "CurrentWriter", "Actor", "Actors")),
          Map.entry(
              "rollup",
              Set.of(
                  "RegionYearReads",
                  "RegionRollup",
                  "AgencyRollupRow",
                  "Trend",
                  "ReportExports",
                  "RosterMove")),
          Map.entry("importer", Set.of("Importer", "ImportResult")),
          Map.entry("pages", Set.of()),
          Map.entry("review", Set.of("ReviewDecided", "RosterChanged", "WarningNoted")),
          Map.entry("backfill", Set.of()),
          Map.entry("feed", Set.of()),
          Map.entry("reminders", Set.of("DeadlineReached", "MissingAgencies")),
          Map.entry("hooks", Set.of()),
          Map.entry("opendata", Set.of()));

  /** The packages every feature may use, which know no feature. */
  private static final List<String> SHARED =
      List.of("system", "report", "region", "document", "sql", "text");

  /** The model: the report and the divisions, which depend on no other package of the service. */
  private static final List<String> MODEL = List.of("report", "region");

  /**
   * Public types that the class files do not show another package using: the JAX-RS application
   * that carries the OpenAPI definition and the OpenAPI filters, which the framework instantiates
   * by name; and types of which other packages use only constants (Roles.ADMIN,
   * ProblemMappers.PROBLEM_JSON, ChangeReason.HEADER, CellLimits.MAX_COUNT), which javac copies
   * into the user's class file.
   */
  private static final Set<String> PUBLIC_WITHOUT_A_VISIBLE_USER =
      Set.of(
          ROOT + ".system.ApiDocumentation",
          ROOT + ".system.ApiExamples",
          ROOT + ".system.ClientContract",
          ROOT + ".system.UnavailableResponses",
          ROOT + ".system.Roles",
          ROOT + ".system.ProblemMappers",
          ROOT + ".submission.ChangeReason",
          ROOT + ".report.CellLimits");

  /**
   * Types allowed in a cycle of types, each with its reason: {@code TablesOfItsFormat} is the
   * class-level constraint on {@code Report}, and an annotation names its validator, which reads
   * the report it annotates.
   */
  private static final Set<String> TYPE_CYCLES_ALLOWED = Set.of(ROOT + ".report.TablesOfItsFormat");

  /** The one main file allowed over {@link #MAX_LINES}: every row and cell of the format. */
  private static final Set<String> LONG_FILES_ALLOWED = Set.of("report/ReportLayout.java");

  private static final int MAX_LINES = 400;

  /** A file that long holds more than one reason to change; split it by topic. */
  @Test
  void shouldKeepEveryMainFileWithinFourHundredLines() throws IOException {
    Path sources = Path.of("src/main/java", ROOT.split("\\."));
    List<String> tooLong;
    try (Stream<Path> files = Files.walk(sources)) {
      tooLong =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .filter(
                  f -> {
                    String name = sources.relativize(f).toString().replace('\\', '/');
                    return !LONG_FILES_ALLOWED.contains(name);
                  })
              .filter(f -> lines(f) > MAX_LINES)
              .map(f -> sources.relativize(f) + " has " + lines(f) + " lines")
              .sorted()
              .toList();
    }
    assertThat(tooLong).as("main files over " + MAX_LINES + " lines").isEmpty();
  }

  private static long lines(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One way to reach the database besides Panache's finders: the shared SQL helper ({@code
   * sql.Sql}, named parameters, arrays bound as arrays). Nobody else prepares a statement.
   */
  @Test
  void shouldPrepareStatementsOnlyInTheSharedSqlHelper() {
    Set<String> preparing =
        Set.of(
            "createNativeQuery",
            "createQuery",
            "createNamedQuery",
            "createStatement",
            "prepareStatement",
            "prepareCall");
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".sql..")
        .should()
        .callMethodWhere(
            new DescribedPredicate<JavaMethodCall>("a method that prepares a statement") {
              @Override
              public boolean test(JavaMethodCall call) {
                return preparing.contains(call.getName())
                    && (call.getTargetOwner().isAssignableTo(EntityManager.class)
                        || call.getTargetOwner().isAssignableTo(Connection.class)
                        || call.getTargetOwner()
                            .isAssignableTo("org.hibernate.SharedSessionContract"));
              }
            })
        .check(MAIN);
  }

  @Test
  void shouldPlaceEveryPackageAmongTheSharedOrTheFeatures() {
    classes()
        .should()
        .resideInAnyPackage(
            Stream.concat(SHARED.stream(), PUBLISHED.keySet().stream())
                .map(p -> ROOT + "." + p + "..")
                .toArray(String[]::new))
        .as("reside in a shared package or a feature listed here (a new package is placed)")
        .check(MAIN);
  }

  @Test
  void shouldKeepTheModelFreeOfEveryOtherPackage() {
    for (String model : MODEL) {
      noClasses()
          .that()
          .resideInAPackage(ROOT + "." + model + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              Stream.concat(SHARED.stream(), PUBLISHED.keySet().stream())
                  // Chinese text (org.disclosurehub.text) is a foundation the model uses too.
                  .filter(p -> !p.equals(model) && !p.equals("text"))
                  .map(p -> ROOT + "." + p + "..")
                  .toArray(String[]::new))
          .check(MAIN);
    }
  }

  /**
   * Package-private by default: a public type is one another package uses, or one that a public
   * member of such a type hands out (the records inside a report), or one of the few listed above.
   */
  @Test
  void shouldMakePublicOnlyWhatAnotherPackageUses() {
    Set<JavaClass> needed = new HashSet<>();
    Deque<JavaClass> exposing = new ArrayDeque<>();
    for (JavaClass javaClass : MAIN) {
      boolean usedElsewhere =
          javaClass.getDirectDependenciesToSelf().stream()
              .anyMatch(
                  d -> !d.getOriginClass().getPackageName().equals(javaClass.getPackageName()));
      if (usedElsewhere || PUBLIC_WITHOUT_A_VISIBLE_USER.contains(javaClass.getName())) {
        needed.add(javaClass);
        exposing.add(javaClass);
      }
    }
    while (!exposing.isEmpty()) {
      for (JavaMember member : exposing.pop().getMembers()) {
        if (!member.getModifiers().contains(JavaModifier.PUBLIC)) {
          continue;
        }
        Stream<JavaClass> handedOut =
            member instanceof JavaCodeUnit code
                ? Stream.concat(
                    Stream.of(code.getRawReturnType()), code.getRawParameterTypes().stream())
                : Stream.of(((JavaField) member).getRawType());
        handedOut
            .filter(type -> type.getPackageName().startsWith(ROOT + "."))
            .forEach(
                type -> {
                  if (needed.add(type)) {
                    exposing.add(type);
                  }
                });
      }
    }
    classes()
        .that()
        .arePublic()
        .and()
        .areTopLevelClasses()
        .should(
            new ArchCondition<>("be used by another package (else package-private)") {
              @Override
              public void check(JavaClass javaClass, ConditionEvents events) {
                if (!needed.contains(javaClass)) {
                  events.add(
                      SimpleConditionEvent.violated(
                          javaClass,
                          javaClass.getName() + " is public, but no other package uses it"));
                }
              }
            })
        .check(MAIN);
  }

  @Test
  void shouldHaveNoCycleBetweenPackages() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(MAIN);
  }

  /**
   * Types that depend on each other in a circle are one piece that cannot be read, tested or moved
   * apart: no cycle between the top-level types of a package (nested types count as their outer
   * type). A package cycle is already refused above, so this looks inside packages.
   */
  @Test
  void shouldHaveNoCycleBetweenTypes() {
    slices()
        .assignedFrom(
            new SliceAssignment() {
              @Override
              public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                if (!javaClass.getPackageName().startsWith(ROOT + ".")) {
                  return SliceIdentifier.ignore();
                }
                String type = javaClass.getPackageName() + "." + topLevel(javaClass);
                return TYPE_CYCLES_ALLOWED.contains(type)
                    ? SliceIdentifier.ignore()
                    : SliceIdentifier.of(type);
              }

              @Override
              public String getDescription() {
                return "top-level types";
              }
            })
        .should()
        .beFreeOfCycles()
        .check(MAIN);
  }

  @Test
  void shouldKeepTheSharedPackagesFreeOfFeatures() {
    noClasses()
        .that()
        .resideInAnyPackage(SHARED.stream().map(p -> ROOT + "." + p + "..").toArray(String[]::new))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            PUBLISHED.keySet().stream().map(f -> ROOT + "." + f + "..").toArray(String[]::new))
        .check(MAIN);
  }

  @Test
  void shouldReachIntoAnotherFeatureOnlyThroughWhatItPublishes() {
    classes().should(useOnlyPublishedTypesOfOtherFeatures()).allowEmptyShould(false).check(MAIN);
  }

  private static ArchCondition<JavaClass> useOnlyPublishedTypesOfOtherFeatures() {
    return new ArchCondition<>("use only the published types of other features") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        String from = feature(origin);
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
          JavaClass target = dependency.getTargetClass();
          String to = feature(target);
          if (to == null || to.equals(from)) {
            continue;
          }
          String topLevel = topLevel(target);
          if (!PUBLISHED.get(to).contains(topLevel)) {
            events.add(
                SimpleConditionEvent.violated(
                    dependency,
                    dependency.getDescription()
                        + ": "
                        + target.getName()
                        + " is internal to "
                        + to
                        + " (published: "
                        + PUBLISHED.get(to)
                        + ")"));
          }
        }
      }
    };
  }

  /** The feature a class belongs to, or null for shared packages and other libraries. */
  private static String feature(JavaClass javaClass) {
    String name = javaClass.getPackageName();
    if (!name.startsWith(ROOT + ".")) {
      return null;
    }
    String first = name.substring(ROOT.length() + 1).split("\\.")[0];
    return PUBLISHED.containsKey(first) ? first : null;
  }

  private static String topLevel(JavaClass javaClass) {
    String binary = javaClass.getName().substring(javaClass.getPackageName().length() + 1);
    return binary.split("\\$")[0];
  }
}
