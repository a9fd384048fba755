package org.disclosurehub.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What src/main/docker/Dockerfile.jvm says, instruction by instruction. */
final class DockerImage {
  static final Path DOCKERFILE = Path.of("src/main/docker/Dockerfile.jvm");

  private DockerImage() {}

  /** Instructions without comments, continuation lines joined. */
  static List<String> instructions() {
    try {
      String text = Files.readString(DOCKERFILE).replaceAll("\\\\\\n", " ");
      return text.lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The arguments of every instruction of that name ("COPY", "USER", …). */
  static List<String> arguments(String instruction) {
    return instructions().stream()
        .filter(line -> line.startsWith(instruction + " "))
        .map(line -> line.substring(instruction.length() + 1).strip())
        .toList();
  }

  /** The numeric user the image runs as (its last USER). */
  static long user() {
    List<String> users = arguments("USER");
    return Long.parseLong(users.get(users.size() - 1));
  }
}
