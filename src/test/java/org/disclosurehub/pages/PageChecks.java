package org.disclosurehub.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The two checkers people's pages must pass, as their npm packages (pinned here) run them: axe-core
 * in the browser on the page as shown (WCAG 2.1 A and AA rules), html-validate's recommended rules
 * on the markup as served. Both are installed once with npm into target/page-checks; without node
 * and npm the checks fail and say what to install.
 */
final class PageChecks {
  static final String AXE_CORE = "axe-core@4.14.1";
  static final String HTML_VALIDATE = "html-validate@10.9.0";
  private static final Path HOME = Path.of("target", "page-checks").toAbsolutePath();
  private static final ObjectMapper JSON = new ObjectMapper();

  private PageChecks() {}

  /**
   * The axe-core violations of what the browser shows, each as "rule: target … (help)"; empty when
   * the page passes.
   */
  static List<String> axe(ChromeDriver browser) {
    install();
    String script = read(HOME.resolve("node_modules/axe-core/axe.min.js"));
    browser.executeScript(script);
    Object answer =
        browser.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values:"
                + " ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(r => done(JSON.stringify({passes: r.passes.length,"
                + " violations: r.violations})), e => done('error: ' + e));");
    String text = String.valueOf(answer);
    if (text.startsWith("error: ")) {
      throw new IllegalStateException(
          "axe-core failed on " + browser.getCurrentUrl() + ": " + text);
    }
    List<String> violations = new ArrayList<>();
    try {
      JsonNode result = JSON.readTree(text);
      if (result.get("passes").asInt() == 0) {
        throw new IllegalStateException("axe-core checked nothing on " + browser.getCurrentUrl());
      }
      for (JsonNode violation : result.get("violations")) {
        for (JsonNode node : violation.get("nodes")) {
          violations.add(
              violation.get("id").asText()
                  + ": "
                  + node.get("target")
                  + " ("
                  + violation.get("help").asText()
                  + ")");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return violations;
  }

  /**
   * html-validate's messages for each page (name → markup as served), each as "page:line:column
   * rule message"; empty when every page is clean.
   */
  static List<String> htmlValidate(java.util.Map<String, String> pages) {
    install();
    try {
      Path dir = HOME.resolve("pages");
      Files.createDirectories(dir);
      List<String> files = new ArrayList<>();
      for (var page : pages.entrySet()) {
        Path file = dir.resolve(page.getKey() + ".html");
        Files.writeString(file, page.getValue(), StandardCharsets.UTF_8);
        files.add(file.toString());
      }
      Path config = HOME.resolve("htmlvalidate.json");
      Files.writeString(config, "{\"extends\": [\"html-validate:recommended\"]}");
      List<String> command =
          new ArrayList<>(
              List.of(
                  HOME.resolve("node_modules/.bin/html-validate").toString(),
                  "--config",
                  config.toString(),
                  "--formatter",
                  "json"));
      command.addAll(files);
      String output = run(command, true);
      if (!output.startsWith("[")) {
        throw new IllegalStateException("html-validate answered no report: " + output);
      }
      List<String> messages = new ArrayList<>();
      for (JsonNode result : JSON.readTree(output)) {
        String name = Path.of(result.get("filePath").asText()).getFileName().toString();
        for (JsonNode m : result.get("messages")) {
          messages.add(
              name
                  + ":"
                  + m.path("line").asInt()
                  + ":"
                  + m.path("column").asInt()
                  + " "
                  + m.path("ruleId").asText()
                  + " "
                  + m.path("message").asText());
        }
      }
      return messages;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** npm install of the two packages into target/page-checks, once per build directory. */
  private static synchronized void install() {
    if (Files.exists(HOME.resolve("node_modules/.bin/html-validate"))
        && Files.exists(HOME.resolve("node_modules/axe-core/axe.min.js"))) {
      return;
    }
    try {
      Files.createDirectories(HOME);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    run(
        List.of(
            "npm",
            "install",
            "--prefix",
            HOME.toString(),
            "--no-audit",
            "--no-fund",
            "--no-save",
            AXE_CORE,
            HTML_VALIDATE),
        false);
  }

  private static String run(List<String> command, boolean mayFail) {
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(HOME.toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not end in 5 minutes");
      }
      if (process.exitValue() != 0 && !mayFail) {
        throw new IllegalStateException(
            String.join(" ", command) + " failed (" + process.exitValue() + "): " + output);
      }
      return output;
    } catch (IOException e) {
      throw new IllegalStateException(
          "The page checks need node and npm (Debian: apt-get install nodejs npm): " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
