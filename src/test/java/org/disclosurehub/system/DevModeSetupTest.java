package org.disclosurehub.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code ./mvnw quarkus:dev} on a fresh machine starts without a question: Quarkus asks whether to
 * send build analytics unless {@code ~/.redhat/io.quarkus.analytics.localconfig} exists or the
 * Maven JVM has the system property {@code quarkus.analytics.disabled=true}. {@code
 * .mvn/jvm.config} gives every Maven run of this project that property, whatever the home directory
 * holds.
 */
class DevModeSetupTest {
  @Test
  void shouldDisableTheAnalyticsQuestionForEveryMavenRun() throws Exception {
    Path jvmConfig = Path.of(".mvn", "jvm.config");
    assertThat(jvmConfig).isRegularFile();
    assertThat(Files.readAllLines(jvmConfig).stream().map(String::strip))
        .contains("-Dquarkus.analytics.disabled=true");
  }

  @Test
  void shouldBringAQuteDebuggerThatMavenCentralHas() throws Exception {
    // quarkus-qute's dev-mode dependency qute-debug 3.33.2 is not in Maven Central as this
    // project's machines reach it; the pom excludes it and brings 3.32.1 for dev mode instead.
    String pom = Files.readString(Path.of("pom.xml"));
    assertThat(pom).contains("<artifactId>qute-debug</artifactId>");
    assertThat(pom).contains("<version>3.32.1</version>");
  }
}
