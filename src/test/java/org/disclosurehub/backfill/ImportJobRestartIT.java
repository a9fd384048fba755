package org.disclosurehub.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged service killed (SIGKILL, by its process id) in the middle of an import job and
 * started again: the job resumes on its own and finishes, every report stored once. Runs after
 * packaging, under failsafe, against the test profile's schema as {@code ProductionRunIT} does.
 */
class ImportJobRestartIT {
  private static final String ADMIN_TOKEN = "import-job-restart-admin-token-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** 耒阳市: no other test stores reports there. */
  private static final String CITY = "430481";

  private static final List<String> DEPARTMENTS =
      List.of(
          "民政局", "教育局", "公安局", "司法局", "财政局", "自然资源局", "生态环境局", "交通运输局", "水利局", "农业农村局", "商务局",
          "审计局");
  private static final int[] YEARS = {2022, 2023, 2024};

  private final List<Process> started = new ArrayList<>();
  private Path log;
  private int port;

  @AfterEach
  void stopWhatWasStarted() throws Exception {
    for (Process p : started) {
      if (p.isAlive()) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    if (log != null) {
      Files.deleteIfExists(log);
    }
  }

  @Test
  void shouldFinishAJobCutShortByAKillWithNothingStoredTwice() throws Exception {
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    log = Files.createTempFile("import-job-restart", ".log");
    Process first = start();

    Map<String, String> agencies = new LinkedHashMap<>();
    String run = Long.toString(System.nanoTime(), 36);
    // Names of this run only (Chinese digits), so that a second run against the same schema finds
    // no namesake: a name that fits two agencies would wait for a person.
    String marker =
        Long.toString(System.nanoTime() % 1000)
            .chars()
            .mapToObj(d -> String.valueOf("〇一二三四五六七八九".charAt(d - '0')))
            .reduce("", String::concat);
    for (String department : DEPARTMENTS) {
      String name = "耒阳市" + marker + department;
      String code = "restart-" + run + "-" + agencies.size();
      HttpResponse<String> registered =
          send(
              "POST",
              "/api/v1/agencies",
              "application/json",
              JSON.writeValueAsBytes(Map.of("code", code, "name", name, "divisionCode", CITY)));
      assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
      agencies.put(code, name);
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    String seed =
        Files.readString(
            Path.of("examples/zhongwei-civil-affairs-2024.txt"), StandardCharsets.UTF_8);
    for (int year : YEARS) {
      for (String name : agencies.values()) {
        files.put(year + "/" + name + ".txt", report(seed, name, year));
      }
    }
    HttpResponse<String> posted =
        send(
            "POST",
            "/api/v1/import-jobs?division=" + CITY,
            "application/zip",
            Archives.zipInGbk(files));
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
    String job = URI.create(posted.headers().firstValue("Location").orElseThrow()).getPath();

    // Killed as soon as some files are decided and others are not: mid-job.
    Instant deadline = Instant.now().plusSeconds(120);
    JsonNode before;
    do {
      before = view(job);
      assertThat(Instant.now()).as("files decided within 120 s: %s", tail()).isBefore(deadline);
    } while (before.at("/progress/done").asInt() < 2);
    first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    assertThat(first.isAlive()).isFalse();
    assertThat(before.at("/progress/done").asInt())
        .as("killed before the job finished (make the job longer if this fails)")
        .isLessThan(files.size());

    start();
    JsonNode done;
    deadline = Instant.now().plusSeconds(180);
    do {
      Thread.sleep(250);
      done = view(job);
      assertThat(Instant.now()).as("finished within 180 s: %s", tail()).isBefore(deadline);
    } while (!done.get("state").asText().equals("finished"));

    assertThat(done.at("/progress/total").asInt()).isEqualTo(files.size());
    assertThat(done.at("/progress/stored").asInt()).as(done.toString()).isEqualTo(files.size());
    for (JsonNode file : done.get("files")) {
      assertThat(file.get("state").asText()).as(file.toString()).isEqualTo("stored");
      assertThat(file.get("revision").asInt()).as(file.toString()).isEqualTo(1);
    }
    for (String agency : agencies.keySet()) {
      for (int year : YEARS) {
        HttpResponse<String> history =
            send(
                "GET",
                "/api/v1/agencies/" + agency + "/reports/" + year + "/revisions",
                null,
                null);
        assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
        assertThat(JSON.readTree(history.body()).size())
            .as("%s %d stored once: %s", agency, year, history.body())
            .isEqualTo(1);
      }
    }
  }

  /** The seed report (中卫市民政局 2024) as another agency's report of another year. */
  private static byte[] report(String seed, String name, int year) {
    return seed.replace("中卫市民政局", name)
        .replace("2024", Integer.toString(year))
        .replace("2025", Integer.toString(year + 1))
        .getBytes(StandardCharsets.UTF_8);
  }

  private Process start() throws Exception {
    Map<String, String> env = System.getenv();
    String database =
        "jdbc:postgresql://"
            + env.getOrDefault("PGHOST", "127.0.0.1")
            + ":"
            + env.getOrDefault("PGPORT", "5432")
            + "/"
            + env.getOrDefault("HUB_TEST_DATABASE", "postgres")
            + "?currentSchema=disclosure_hub_test";
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                "target/quarkus-app/quarkus-run.jar")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
    builder.environment().put("QUARKUS_DATASOURCE_JDBC_URL", database);
    builder.environment().put("QUARKUS_FLYWAY_SCHEMAS", "disclosure_hub_test");
    builder
        .environment()
        .put("QUARKUS_DATASOURCE_USERNAME", env.getOrDefault("PGUSER", "postgres"));
    builder.environment().put("HUB_ADMIN_TOKEN", ADMIN_TOKEN);
    // One worker: the job lasts long enough to be cut short.
    builder.environment().put("HUB_IMPORT_JOBS_WORKERS", "1");
    Process process = builder.start();
    started.add(process);
    // Generous: a loaded CI machine starts the jar slowly.
    Instant deadline = Instant.now().plusSeconds(240);
    while (status("/q/health/ready") != 200) {
      assertThat(process.isAlive()).as("the service runs: %s", tail()).isTrue();
      assertThat(Instant.now()).as("ready within 240 s: %s", tail()).isBefore(deadline);
      Thread.sleep(200);
    }
    return process;
  }

  private JsonNode view(String job) throws Exception {
    HttpResponse<String> view = send("GET", job, null, null);
    assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
    return JSON.readTree(view.body());
  }

  private HttpResponse<String> send(String method, String path, String type, byte[] body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + ADMIN_TOKEN)
            .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", type)
          .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private int status(String path) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException | InterruptedException notYet) {
      return -1;
    }
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }
}
