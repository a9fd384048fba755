package org.disclosurehub.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A clone is all a newcomer has: nothing in it may point outside it. */
class RepositoryStandsAloneTest {
  private static final Path ROOT = Path.of("").toAbsolutePath();

  /** curl's {@code --data @file} and {@code --data-binary @file}. */
  private static final Pattern CURL_FILE = Pattern.compile("--data(?:-binary)? @([^\\s'\"]+)");

  @Test
  void shouldReferToNothingOutsideTheRepository() throws IOException {
    String outside = "../" + "shared";
    String absolute = "/work/" + "shared";
    List<String> offending = new ArrayList<>();
    for (Path file : repositoryFiles()) {
      String text = text(file);
      if (text != null && (text.contains(outside) || text.contains(absolute))) {
        offending.add(ROOT.relativize(file).toString());
      }
    }
    assertThat(offending).isEmpty();
  }

  @Test
  void shouldHaveEveryFileThatReadmesCurlExamplesSend() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    Matcher sent = CURL_FILE.matcher(readme);
    List<String> files = new ArrayList<>();
    while (sent.find()) {
      files.add(sent.group(1));
    }
    assertThat(files).contains("examples/zhongwei-civil-affairs-2024.json");
    assertThat(files).allSatisfy(f -> assertThat(ROOT.resolve(f)).isRegularFile());
  }

  @Test
  void shouldShipTheSeedReportAsTheTestsUseIt() throws IOException {
    for (String extension : List.of("json", "txt")) {
      assertThat(ROOT.resolve("examples/zhongwei-civil-affairs-2024." + extension))
          .hasSameBinaryContentAs(
              ROOT.resolve("src/test/resources/reports/zhongwei-civil-affairs-2024." + extension));
    }
    assertThat(ROOT.resolve("docs/report-format.md")).isRegularFile();
  }

  private static List<Path> repositoryFiles() throws IOException {
    try (Stream<Path> files = Files.walk(ROOT)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> !ROOT.relativize(f).startsWith(".git"))
          .filter(f -> !ROOT.relativize(f).startsWith("target"))
          .toList();
    }
  }

  private static String text(Path file) throws IOException {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (MalformedInputException binary) {
      return null;
    }
  }
}
