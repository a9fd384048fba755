package org.disclosurehub.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar started as README shows, without a database to use: it stops at once, and the
 * first line it logs says what to set, or where it looked and how to start PostgreSQL.
 */
class StartWithoutDatabaseIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldSayWhatToSetWhenNoDatabaseIsConfigured() throws Exception {
    String first = firstLineOf(Map.of());

    assertThat(first)
        .startsWith("No database configured: set QUARKUS_DATASOURCE_JDBC_URL")
        .contains("QUARKUS_DATASOURCE_USERNAME");
  }

  @Test
  void shouldNameTheHostAndPortTriedWhenPostgresqlIsNotRunning() throws Exception {
    int closed;
    try (ServerSocket free = new ServerSocket(0)) {
      closed = free.getLocalPort();
    }

    String first =
        firstLineOf(
            Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL",
                "jdbc:postgresql://127.0.0.1:" + closed + "/postgres"));

    assertThat(first)
        .startsWith("PostgreSQL is not reachable at 127.0.0.1:" + closed + ": start it")
        .contains("pg_ctlcluster");
  }

  /** The message of the first line the jar logs (JSON in the prod profile) before it exits. */
  private static String firstLineOf(Map<String, String> settings) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                "target/quarkus-app/quarkus-run.jar")
            .redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_"));
    builder.environment().put("QUARKUS_HTTP_PORT", "0");
    builder.environment().putAll(settings);
    Process application = builder.start();
    try {
      // Read to the end (the process exits), so that a full pipe never blocks it.
      List<String> lines =
          new String(application.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .toList();
      assertThat(application.waitFor(60, TimeUnit.SECONDS)).as("stops by itself").isTrue();
      assertThat(application.exitValue()).isNotZero();
      assertThat(lines).isNotEmpty();
      return message(lines.get(0));
    } finally {
      application.destroyForcibly();
    }
  }

  private static String message(String line) throws IOException {
    return JSON.readTree(line).path("message").asText();
  }
}
