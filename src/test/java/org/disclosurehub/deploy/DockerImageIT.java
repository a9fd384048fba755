package org.disclosurehub.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks src/main/docker/Dockerfile.jvm against what {@code ./mvnw package} just built (this runs
 * after packaging, under failsafe). No Docker engine is needed: the image is not built here.
 */
class DockerImageIT {
  private static final Path APP = Path.of("target/quarkus-app");

  @Test
  void shouldCopyEveryPartOfThePackagedApplication() throws IOException {
    List<String> copies = DockerImage.arguments("COPY");
    List<String> sources =
        copies.stream()
            .map(c -> c.replaceFirst("^--chown=\\S+\\s+", ""))
            .map(c -> c.split("\\s+")[0])
            .toList();
    assertThat(sources).allMatch(s -> s.startsWith("target/quarkus-app/"));

    List<Path> built;
    try (Stream<Path> entries = Files.list(APP)) {
      built = entries.filter(e -> !e.toString().endsWith(".txt")).sorted().toList();
    }
    assertThat(built)
        .extracting(p -> p.getFileName().toString())
        .contains("lib", "app", "quarkus", "quarkus-run.jar");
    for (Path entry : built) {
      assertThat(sources).as("a COPY of %s", entry).anyMatch(source -> covers(source, entry));
    }
    for (String source : sources) {
      try (Stream<Path> entries = Files.list(APP)) {
        assertThat(entries.anyMatch(e -> covers(source, e)))
            .as("%s exists after packaging", source)
            .isTrue();
      }
    }
    assertThat(DockerImage.arguments("ENV"))
        .contains("JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"");
    assertThat(APP.resolve("lib/main")).isDirectory();
  }

  @Test
  void shouldRunAsAnUnprivilegedUserOnAPinnedMaintainedJavaRuntime() throws IOException {
    List<String> from = DockerImage.arguments("FROM");
    assertThat(from).hasSize(1);
    assertThat(from.get(0))
        .matches("registry\\.access\\.redhat\\.com/ubi9/openjdk-17-runtime:\\d+\\.\\d+");
    assertThat(DockerImage.user()).isPositive();
    assertThat(DockerImage.arguments("COPY")).allMatch(c -> c.startsWith("--chown=185 "));
    assertThat(DockerImage.arguments("EXPOSE")).containsExactly("8080");
    assertThat(Files.readString(Path.of(".dockerignore")).lines())
        .contains("*", "!target/quarkus-app/*");
  }

  /** Whether a COPY source (a directory ending in /, or a glob) takes the entry. */
  private static boolean covers(String source, Path entry) {
    Path path = Path.of(source.replaceFirst("/$", ""));
    if (source.contains("*")) {
      PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + path);
      return glob.matches(entry);
    }
    return path.equals(entry);
  }
}
