package org.disclosurehub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Map;
import java.util.Set;
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
      Map.of(
          "agency", Set.of("Agency", "AgencyChanged", "AgencyMoved"),
          "submission",
              Set.of(
                  "SubmissionService",
                  "ReportWrite",
                  "ReportReads",
                  "ReportView",
                  "RevisionSource",
                  "ChangeReason",
                  "ReportRevised",
                  "ReportWithdrawn"),
          "security", Set.of("WritePermission", "CurrentWriter"),
          "rollup", Set.of(),
          "importer", Set.of());

  @Test
  void shouldHaveNoCycleBetweenPackages() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void shouldKeepTheSharedPackagesFreeOfFeatures() {
    noClasses()
        .that()
        .resideInAnyPackage(ROOT + ".system..", ROOT + ".report..", ROOT + ".region..")
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
