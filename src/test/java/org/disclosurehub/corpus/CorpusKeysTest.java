package org.disclosurehub.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.disclosurehub.corpus.Corpus.Entry;
import org.disclosurehub.corpus.Corpus.Violation;
import org.disclosurehub.report.AccountingRules;
import org.disclosurehub.report.Report;
import org.disclosurehub.report.ReportLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The answer keys themselves, without the reader: each has every cell of its format's tables, the
 * service's model accepts it, and the accounting rules find in it exactly the violations recorded
 * for the report (so a key that mistyped a cell breaks an identity the report satisfies, and fails
 * here).
 */
class CorpusKeysTest {
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  static Stream<Entry> entries() {
    return Corpus.entries().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void shouldHaveEveryCellOfItsFormat(Entry entry) throws Exception {
    Report report = JSON.treeToValue(entry.expected(), Report.class);
    List<String> layout =
        ReportLayout.cells(ReportLayout.formatOf(report)).stream()
            .map(ReportLayout.Cell::pointer)
            .toList();

    assertThat(Corpus.cells(entry.expected()).keySet()).as("the key's cells").containsAll(layout);
    assertThat(Files.exists(entry.dir().resolve("source.md"))).isTrue();
    assertThat(entry.agency()).as("agency in source.md").isNotBlank();
    assertThat(entry.forms()).as("forms").isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void shouldBreakExactlyTheRulesRecordedForTheReport(Entry entry) throws Exception {
    Report report = JSON.treeToValue(entry.expected(), Report.class);

    assertThat(AccountingRules.check(report))
        .extracting(v -> new Violation(v.rule().name(), v.path()))
        .containsExactlyInAnyOrderElementsOf(entry.violations());
  }

  @Test
  void shouldSpanProvincesLevelsYearsAndForms() {
    List<Entry> entries = Corpus.entries();

    assertThat(entries).hasSizeGreaterThanOrEqualTo(6);
    assertThat(entries.stream().map(Entry::province).distinct()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(entries.stream().flatMap(e -> e.forms().stream()).map(Corpus.Form::name))
        .contains("txt", "md", "pdf");
  }
}
