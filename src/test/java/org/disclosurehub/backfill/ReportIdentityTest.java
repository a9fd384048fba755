package org.disclosurehub.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A report's lines made compact without the normalizer where it would change nothing, and each
 * pattern tried only on lines that hold its words: the same lines and the same identity as NFKC and
 * every pattern on every line.
 */
class ReportIdentityTest {

  /** What {@link ReportIdentity#compact} must answer: NFKC, cells as "|", no spaces. */
  private static String reference(String line) {
    return Normalizer.normalize(line, Normalizer.Form.NFKC)
        .replace('\t', '|')
        .replaceAll("[\\s\\u3000\\u00a0]+", "");
  }

  @Test
  void shouldCompactEveryCharacterAsTheNormalizerDoes() {
    List<String> differing = new ArrayList<>();
    for (char c = 1; c < Character.MAX_VALUE; c++) {
      if (Character.isSurrogate(c)) {
        continue;
      }
      // Alone, between ideographs, and before a combining mark (which NFKC composes with it).
      for (String line : List.of(String.valueOf(c), "公开" + c + "日期", c + "\u0301", "e" + c)) {
        if (!ReportIdentity.compact(line).equals(reference(line))) {
          differing.add(Integer.toHexString(c));
          break;
        }
      }
    }
    assertThat(differing).isEmpty();
  }

  @Test
  void shouldCompactTheCorpusLinesAsTheNormalizerDoes() throws Exception {
    try (Stream<Path> files = Files.walk(Path.of("src/test/resources/corpus"))) {
      for (Path file : files.filter(f -> f.toString().matches(".*\\.(txt|md)$")).toList()) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          assertThat(ReportIdentity.compact(line))
              .as(file + ": " + line)
              .isEqualTo(reference(line));
        }
      }
    }
  }

  @Test
  void shouldFindTheTitleMetadataAndSignature() {
    String page =
        String.join(
            "\n",
            "首页 > 政务公开",
            "索引号：　123456/2024-00012\t发布机构：　睢宁县交通运输局\t公开日期：　2024-01-20",
            "睢宁县交通运输局２０２３年政府信息公开工作年度报告",
            "本报告依据《中华人民共和国政府信息公开条例》编制，全文包括总体情况。",
            "一、总体情况",
            "2023年，我局认真贯彻落实《条例》要求。",
            "睢宁县交通运输局",
            "二〇二四年一月十五日");
    ReportIdentity identity =
        ReportIdentity.of(page.getBytes(StandardCharsets.UTF_8), "text/plain", "a/report.txt");
    assertThat(identity.names())
        .extracting(ReportIdentity.Named::from)
        .containsExactly("title", "metadata", "signature");
    assertThat(identity.names()).extracting(ReportIdentity.Named::name).containsOnly("睢宁县交通运输局");
    assertThat(identity.year()).isEqualTo(2023);
    assertThat(identity.publishedOn()).isEqualTo(LocalDate.of(2024, 1, 20));
  }
}
