package org.disclosurehub.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The packaged application as the image runs it ({@code java -jar quarkus-run.jar}, prod profile)
 * against the test database: JSON logs, and a SIGTERM that turns readiness DOWN and still lets a
 * request in flight finish. Runs after packaging, under failsafe. One application serves the tests
 * in turn (a start costs seconds); the SIGTERM test stops it, and the next test starts another.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductionRunIT {
  private static final String ADMIN_TOKEN = "production-run-admin-token-0123456789abcdef";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private Process application;
  private Path log;
  private int port;

  @BeforeEach
  void startThePackagedApplication() throws Exception {
    if (application != null && application.isAlive()) {
      return;
    }
    if (log != null) {
      Files.deleteIfExists(log);
    }
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Map<String, String> env = System.getenv();
    String database =
        "jdbc:postgresql://"
            + env.getOrDefault("PGHOST", "127.0.0.1")
            + ":"
            + env.getOrDefault("PGPORT", "5432")
            + "/"
            + env.getOrDefault("HUB_TEST_DATABASE", "postgres")
            // The test profile's schema, which the tests before this one migrated.
            + "?currentSchema=disclosure_hub_test";
    log = Files.createTempFile("disclosure-hub-prod", ".log");
    // The JVM options the image sets (Dockerfile.jvm, JAVA_OPTS_APPEND).
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    DockerImage.arguments("ENV").stream()
        .filter(e -> e.startsWith("JAVA_OPTS_APPEND="))
        .map(e -> e.substring("JAVA_OPTS_APPEND=".length()).replace("\"", ""))
        .flatMap(options -> java.util.Arrays.stream(options.split("\\s+")))
        .forEach(command::add);
    command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
    builder.environment().put("QUARKUS_DATASOURCE_JDBC_URL", database);
    builder.environment().put("QUARKUS_FLYWAY_SCHEMAS", "disclosure_hub_test");
    builder.environment().put("HUB_ADMIN_TOKEN", ADMIN_TOKEN);
    builder
        .environment()
        .put("QUARKUS_DATASOURCE_USERNAME", env.getOrDefault("PGUSER", "postgres"));
    application = builder.start();

    Instant deadline = Instant.now().plusSeconds(60);
    while (status("/q/health/ready") != 200) {
      assertThat(application.isAlive()).as("the application runs: %s", tail()).isTrue();
      assertThat(Instant.now()).as("ready within 60 s: %s", tail()).isBefore(deadline);
      Thread.sleep(200);
    }
  }

  @AfterAll
  void stopTheApplication() throws Exception {
    if (application.isAlive()) {
      application.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    Files.deleteIfExists(log);
  }

  @Test
  void shouldLogJsonLinesInTheProdProfile() throws Exception {
    List<String> lines = Files.readAllLines(log);
    assertThat(lines).isNotEmpty();
    for (String line : lines) {
      JsonNode event = JSON.readTree(line);
      assertThat(event.has("level") && event.has("message")).as(line).isTrue();
    }
    assertThat(lines).anyMatch(l -> l.contains("disclosure-hub"));
  }

  @Test
  void shouldServeThePagesForPeopleWithTheirTemplatesAndStyles() throws Exception {
    // Templates and static resources are packaged differently from dev mode and tests: read them.
    HttpResponse<String> home = get("/");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
    assertThat(home.body()).contains("<h1>查找地区</h1>").contains("/static/pages.css");
    String agency = "packaged-pages-" + System.nanoTime();
    HttpResponse<String> registered =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/agencies"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"code\":\""
                            + agency
                            + "\",\"name\":\"中宁县财政局\",\"divisionCode\":\"640521\",\"activeFrom\":2024}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(registered.statusCode()).as("%s %s", registered.body(), tail()).isEqualTo(201);
    HttpResponse<String> region = get("/regions/640500/2024");
    assertThat(region.statusCode()).isEqualTo(200);
    assertThat(region.body())
        .contains("中卫市")
        .contains("2024年度政府信息公开工作年度报告汇总")
        .contains("/agencies/" + agency + "/2024");
    HttpResponse<String> css = get("/static/pages.css");
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.headers().firstValue("Content-Type")).get().asString().startsWith("text/css");
    assertThat(get("/regions/640599/2024").statusCode()).isEqualTo(404);
  }

  /** Swagger UI, which agency developers open first, is served by the packaged jar too. */
  @Test
  void shouldServeSwaggerUi() throws Exception {
    HttpResponse<String> page = get("/q/swagger-ui/");
    assertThat(page.statusCode()).as(tail()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
    assertThat(page.body()).contains("swagger-ui").contains("/q/openapi");
    HttpResponse<String> script = get("/q/swagger-ui/swagger-ui-bundle.js");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type")).get().asString().contains("javascript");
  }

  /**
   * What HTTP parsing refuses before any route is answered with a problem in the packaged jar too,
   * where the classes that ParserRefusals reaches into are loaded by Quarkus' runner.
   */
  @Test
  void shouldAnswerWhatParsingRefusesWithAProblem() throws Exception {
    String badTarget = "GET /api/v1/agencies/% HTTP/1.1\r\nHost: localhost\r\n\r\n";
    String badHeader = "GET /api/v1 HTTP/1.1\r\nHost: localhost\r\nIf-Match: \"1\0\"\r\n\r\n";
    Instant deadline = Instant.now().plusSeconds(10);
    String target = raw(badTarget);
    while (!target.contains("application/problem+json") && Instant.now().isBefore(deadline)) {
      Thread.sleep(50); // installed just after the servers listen
      target = raw(badTarget);
    }
    assertThat(target)
        .as(tail())
        .startsWith("HTTP/1.1 400")
        .contains("application/problem+json")
        .contains("/problems/malformed-request")
        .contains("\"instance\":\"/api/v1/agencies/%25\"");
    assertThat(raw(badHeader))
        .startsWith("HTTP/1.1 400")
        .contains("application/problem+json")
        .contains("/problems/malformed-request");
  }

  private String raw(String request) throws IOException {
    try (Socket client = new Socket("127.0.0.1", port)) {
      client.setSoTimeout(10_000);
      client.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      client.getOutputStream().flush();
      return readResponse(client.getInputStream());
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Accept", "text/html")
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void shouldTurnUnreadyOnSigtermAndFinishTheRequestInFlight() throws Exception {
    byte[] body = "{\"formatVersion\":\"2021\"}".getBytes(StandardCharsets.UTF_8);
    try (Socket client = new Socket("127.0.0.1", port)) {
      client.setSoTimeout(30_000);
      OutputStream out = client.getOutputStream();
      // A request in flight: its headers and the first half of its body are sent.
      out.write(
          ("PUT /api/v1/agencies/no-such-agency/reports/2024 HTTP/1.1\r\n"
                  + "Host: localhost\r\n"
                  + "Authorization: Bearer "
                  + ADMIN_TOKEN
                  + "\r\n"
                  + "Content-Type: application/json\r\n"
                  + "Content-Length: "
                  + body.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(body, 0, body.length / 2);
      out.flush();
      Thread.sleep(300);

      Instant terminated = Instant.now();
      application.destroy(); // SIGTERM, as the kubelet sends it
      Thread.sleep(500);
      assertThat(status("/q/health/ready")).as("readiness after SIGTERM").isEqualTo(503);

      // Past the pre-shutdown delay the server is shutting down: the request still finishes.
      Duration delay = Duration.parse("PT" + productionValue("quarkus.shutdown.delay"));
      Thread.sleep(delay.plusSeconds(1).toMillis());
      assertThat(application.isAlive()).isTrue();
      out.write(body, body.length / 2, body.length - body.length / 2);
      out.flush();
      String response = readResponse(client.getInputStream());
      // Answered in full, not cut: the body was read and checked (400, an incomplete report).
      assertThat(response)
          .startsWith("HTTP/1.1 400")
          .contains("/problems/invalid-field")
          .contains("/api/v1/agencies/no-such-agency/reports/2024");

      assertThat(application.waitFor(40, TimeUnit.SECONDS))
          .as("stopped within the grace period")
          .isTrue();
      assertThat(Duration.between(terminated, Instant.now())).isLessThan(Duration.ofSeconds(40));
    }
  }

  private static String productionValue(String key) {
    return ApplicationSettings.productionValue(key)
        .orElseThrow()
        .toUpperCase(java.util.Locale.ROOT);
  }

  private int status(String path) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** One HTTP/1.1 response with a Content-Length body, as text. */
  private static String readResponse(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
    }
    String headers = head.toString(StandardCharsets.US_ASCII);
    int length =
        headers
            .lines()
            .filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:"))
            .map(l -> Integer.parseInt(l.substring(l.indexOf(':') + 1).strip()))
            .findFirst()
            .orElse(0);
    byte[] body = in.readNBytes(length);
    return headers + new String(body, StandardCharsets.UTF_8);
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return e.toString();
    }
  }
}
