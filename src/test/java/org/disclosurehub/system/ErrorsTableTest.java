package org.disclosurehub.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** README's Errors table names every problem the service can answer, with its status. */
class ErrorsTableTest {
  private static final Pattern ROW =
      Pattern.compile("(?m)^\\| `(/problems/[a-z-]+)` \\| (\\d{3}) \\|");

  @Test
  void shouldListEveryProblemTypeWithItsStatus() throws IOException {
    Map<String, Integer> documented = new LinkedHashMap<>();
    Matcher row = ROW.matcher(Files.readString(Path.of("README.md")));
    while (row.find()) {
      documented.put(row.group(1), Integer.parseInt(row.group(2)));
    }
    Map<String, Integer> served = new LinkedHashMap<>();
    for (ProblemType type : ProblemType.values()) {
      served.put(type.uri(), type.status());
    }
    assertThat(documented).isEqualTo(served);
  }
}
