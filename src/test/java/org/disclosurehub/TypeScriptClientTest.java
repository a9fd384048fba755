package org.disclosurehub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The TypeScript client a web or Node developer generates from the committed document
 * (openapi-generator 7.25.0, typescript-fetch, run by Maven at generate-test-sources into
 * target/generated-test-sources/typescript-client) compiles under {@code tsc --strict}, together
 * with src/test/typescript/life-of-a-report.ts, which uses it as GeneratedClientTest uses the Java
 * one. TypeScript is installed with {@code npm ci} from the committed package-lock.json into
 * target/typescript-check, once per build directory; without node and npm the test fails and says
 * what to install (as the page checks do).
 */
class TypeScriptClientTest {
  private static final Path SOURCES = Path.of("src", "test", "typescript");
  private static final Path CLIENT =
      Path.of("target", "generated-test-sources", "typescript-client");
  private static final Path HOME = Path.of("target", "typescript-check").toAbsolutePath();
  private static final List<String> FILES =
      List.of("package.json", "package-lock.json", "tsconfig.json", "life-of-a-report.ts");

  @Test
  void shouldTypeCheckTheGeneratedTypeScriptClient() throws Exception {
    assertThat(CLIENT.resolve("index.ts"))
        .as("the generated client (./mvnw generate-test-sources makes it)")
        .exists();
    try (Stream<Path> models = Files.list(CLIENT.resolve("models"))) {
      assertThat(models.filter(file -> file.toString().endsWith(".ts"))).hasSizeGreaterThan(50);
    }
    Files.createDirectories(HOME);
    boolean lockChanged = changed(SOURCES.resolve("package-lock.json"));
    for (String file : FILES) {
      Files.copy(SOURCES.resolve(file), HOME.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    Path tsc = HOME.resolve("node_modules/.bin/tsc");
    if (lockChanged || !Files.exists(tsc)) {
      run(List.of("npm", "ci", "--no-audit", "--no-fund"));
    }
    String output = run(List.of(tsc.toString(), "--project", "tsconfig.json", "--noEmit"));
    assertThat(output).as("tsc --noEmit on the generated client").isEmpty();
  }

  /** Whether the committed lock differs from the one the installed TypeScript came from. */
  private static boolean changed(Path lock) throws IOException {
    Path installed = HOME.resolve("package-lock.json");
    return !Files.exists(installed) || Files.mismatch(lock, installed) >= 0;
  }

  /** Runs a command in target/typescript-check; its output, or a failure naming the exit code. */
  private static String run(List<String> command) throws Exception {
    Process process;
    try {
      process =
          new ProcessBuilder(command).directory(HOME.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new AssertionError(
          "The TypeScript client check needs node and npm (Debian: apt-get install nodejs npm): "
              + e,
          e);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not end in 5 minutes");
    }
    if (process.exitValue() != 0) {
      throw new AssertionError(
          String.join(" ", command) + " failed (" + process.exitValue() + "):\n" + output);
    }
    return output.strip();
  }
}
