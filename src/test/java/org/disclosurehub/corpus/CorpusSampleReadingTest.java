package org.disclosurehub.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.disclosurehub.corpus.Corpus.Entry;
import org.disclosurehub.corpus.Corpus.Form;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link CorpusReadingTest}'s check on a few reports of each form that between them reach every
 * path of the reader the corpus reaches: PIT runs it against the importer's mutants instead of the
 * whole corpus, whose every surviving mutant would cost a full read (docs/testing.md). Each
 * (report, form) is its own test, so PIT runs only those that reach a mutant.
 */
class CorpusSampleReadingTest {
  /** Report → the forms read, and why each is in the sample. */
  static final Map<String, List<String>> SAMPLE =
      Map.ofEntries(
          // The 2019 trial format, one line, glued cells split by the rules.
          Map.entry("fujian-pingtan-2019", List.of("txt")),
          // A glued Table 二 row decided by the counts the prose states (StatedCounts).
          Map.entry("fujian-pingtan-2022", List.of("txt")),
          // A 2022 report in the trial format; a glued procurement row with its unit.
          Map.entry("fujian-pingtan-haitan-2022", List.of("txt")),
          // Two rows printed without cells, reported missing.
          Map.entry("fujian-pingtan-market-regulation-2021", List.of("txt")),
          // Breaks ROW_TOTAL and BALANCE as printed: rules found, no split forced.
          Map.entry("fujian-pingtan-natural-resources-2023", List.of("txt")),
          // A PDF drawn with wrapped, centred labels and blank rows, and its text.
          Map.entry("jiangsu-huaian-2024", List.of("txt", "pdf")),
          // A second PDF producer.
          Map.entry("jiangsu-hongze-2024", List.of("pdf")),
          // Markdown pipe tables, both.
          Map.entry("jiangsu-shuyang-2025", List.of("md")),
          Map.entry("shanghai-stcsm-2024", List.of("md")),
          // HTML tables, both (one of them the 2019 format).
          Map.entry("jiangsu-shuyang-development-reform-2023", List.of("html")),
          Map.entry("shanghai-gov-office-2019", List.of("html")),
          // Tab-separated text of another province.
          Map.entry("ningxia-zhongwei-civil-affairs-2024", List.of("txt")),
          // A crawler's text with every cell on a line of its own (CR LF), the 2019 trial format.
          Map.entry("fujian-sanming-2019", List.of("txt")));

  @TestFactory
  Stream<DynamicTest> aSampleOfEveryFormReadsExactlyWithoutTheService() {
    List<DynamicTest> tests = new ArrayList<>();
    List<Entry> entries = Corpus.entries();
    for (Entry entry : entries) {
      for (Form form : entry.forms()) {
        if (SAMPLE.getOrDefault(entry.id(), List.of()).contains(form.name())) {
          tests.add(
              DynamicTest.dynamicTest(
                  entry.id() + " as " + form.name(), () -> CorpusReadingTest.check(entry, form)));
        }
      }
    }
    assertThat(tests)
        .as("every (report, form) of the sample is in the corpus")
        .hasSize(SAMPLE.values().stream().mapToInt(List::size).sum());
    return tests.stream();
  }
}
