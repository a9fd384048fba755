package org.disclosurehub.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.disclosurehub.corpus.Corpus.Entry;
import org.disclosurehub.corpus.Corpus.Fidelity;
import org.disclosurehub.corpus.Corpus.Form;
import org.disclosurehub.corpus.Corpus.Violation;
import org.disclosurehub.importer.DirectImport;
import org.disclosurehub.system.ProblemException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link CorpusTest}'s checks without the service: every report of the corpus in every form read by
 * the importer itself ({@link DirectImport}), every cell exact or allowed missing by {@link
 * NotYetExact}, the rules the agency's numbers break found and none invented. It needs no database,
 * so PIT runs it against the importer's mutants (a mutant that misreads one real cell dies).
 */
class CorpusReadingTest {
  private static final Map<String, int[]> FIDELITY = new TreeMap<>();

  /** The form of a page as a browser's copy gives it ({@link Copied}). */
  private static final String COPIED = "copied";

  @AfterAll
  static void printFidelity() {
    FIDELITY.forEach(
        (form, counts) ->
            System.out.printf(
                "corpus read directly as %-6s %4d/%4d cells exact, %d wrong%n",
                form, counts[0], counts[1], counts[2]));
  }

  @TestFactory
  Stream<DynamicTest> everyReportInEveryFormReadsExactlyWithoutTheService() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Entry entry : Corpus.entries()) {
      for (Form form : entry.forms()) {
        tests.add(
            DynamicTest.dynamicTest(
                entry.id() + " as " + form.name(), () -> count(form, check(entry, form))));
      }
    }
    return tests.stream();
  }

  /**
   * Every report's page as a person copies it from a browser ({@link Copied}: block elements on
   * lines, each table row one line of tab-separated cells, empty cells as empty fields), read as
   * text: the text reader on the tables of every real report, not only on a crawler's lossy text.
   */
  @TestFactory
  Stream<DynamicTest> everyPageAsAPersonCopiesItReadsExactlyAsText() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Entry entry : Corpus.entries()) {
      if (entry.forms().stream().noneMatch(f -> f.name().equals("html"))) {
        continue;
      }
      tests.add(
          DynamicTest.dynamicTest(
              entry.id() + " as copied",
              () -> {
                byte[] text = Copied.of(entry.form("html").text()).getBytes(StandardCharsets.UTF_8);
                count(COPIED, check(entry, COPIED, text, "text/plain; charset=utf-8"));
              }));
    }
    return tests.stream();
  }

  private static void count(Form form, Fidelity fidelity) {
    count(form.name(), fidelity);
  }

  private static void count(String form, Fidelity fidelity) {
    int[] counts = FIDELITY.computeIfAbsent(form, f -> new int[3]);
    counts[0] += fidelity.exact().size();
    counts[1] += fidelity.total();
    counts[2] += fidelity.wrong().size();
  }

  /**
   * Reads one form of one report without the service and fails on a cell read wrong, a cell missing
   * that {@link NotYetExact} does not allow, or a rule found that the key does not name.
   */
  static Fidelity check(Entry entry, Form form) {
    return check(entry, form.name(), form.bytes(), form.contentType());
  }

  private static Fidelity check(Entry entry, String form, byte[] body, String contentType) {
    JsonNode answer;
    try {
      answer = DirectImport.read(body, contentType);
    } catch (ProblemException notAReport) {
      answer = null;
    }
    Fidelity fidelity =
        Corpus.compare(entry.expected(), answer == null ? null : answer.get("report"));
    assertThat(fidelity.wrong()).as("cells read wrong").isEmpty();
    assertThat(NotYetExact.unexpected(entry.id(), form, fidelity.missing()))
        .as("cells missing that the corpus does not yet allow to be missing")
        .isEmpty();
    if (answer == null) {
      return fidelity;
    }
    List<Violation> found = new ArrayList<>();
    for (JsonNode v : answer.get("violations")) {
      found.add(new Violation(v.get("rule").asText(), v.get("path").asText()));
    }
    if (fidelity.missing().isEmpty()) {
      assertThat(found).containsExactlyInAnyOrderElementsOf(entry.violations());
    } else {
      assertThat(entry.violations()).containsAll(found);
    }
    return fidelity;
  }
}
