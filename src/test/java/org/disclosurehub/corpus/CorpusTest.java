package org.disclosurehub.corpus;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.disclosurehub.corpus.Corpus.Entry;
import org.disclosurehub.corpus.Corpus.Fidelity;
import org.disclosurehub.corpus.Corpus.Form;
import org.disclosurehub.corpus.Corpus.Violation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every report of the corpus, in every form it has, imported through {@code POST /api/v1/imports}
 * as a user would: each cell read is the cell printed (a wrong cell always fails), the accounting
 * rules the agency's own numbers break are found, and none is invented. A cell may be reported
 * missing only where {@link NotYetExact} allows it; {@code -Dcorpus.strict=true} allows none. The
 * fidelity per form is printed at the end.
 */
@QuarkusTest
class CorpusTest {
  private static final Map<String, int[]> FIDELITY = new TreeMap<>();

  @TestFactory
  Stream<DynamicTest> everyReportInEveryFormReadsExactly() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Entry entry : Corpus.entries()) {
      for (Form form : entry.forms()) {
        tests.add(
            DynamicTest.dynamicTest(entry.id() + " as " + form.name(), () -> check(entry, form)));
      }
    }
    return tests.stream();
  }

  private static void check(Entry entry, Form form) {
    var response =
        given().contentType(form.contentType()).body(form.bytes()).post("/api/v1/imports");
    // A text not recognised as a report at all (422 not-a-report) reads no cell.
    assertThat(response.statusCode()).as(response.asString()).isIn(200, 422);
    JsonNode answer = response.as(JsonNode.class);
    Fidelity fidelity =
        Corpus.compare(
            entry.expected(), response.statusCode() == 200 ? answer.get("report") : null);
    int[] counts = FIDELITY.computeIfAbsent(form.name(), f -> new int[2]);
    counts[0] += fidelity.exact().size();
    counts[1] += fidelity.total();
    System.out.printf(
        "corpus %-40s %-4s %3d/%3d cells exact, %d missing %s%n",
        entry.id(),
        form.name(),
        fidelity.exact().size(),
        fidelity.total(),
        fidelity.missing().size(),
        Corpus.rows(fidelity.missing()));

    assertThat(fidelity.wrong()).as("cells read wrong").isEmpty();
    assertThat(NotYetExact.unexpected(entry.id(), form.name(), fidelity.missing()))
        .as("cells missing that the corpus does not yet allow to be missing")
        .isEmpty();
    if (response.statusCode() != 200) {
      return;
    }
    if (answer.hasNonNull("year")) {
      assertThat(answer.get("year").asInt()).as("year").isEqualTo(entry.year());
    }

    List<Violation> found = new ArrayList<>();
    for (JsonNode v : answer.get("violations")) {
      found.add(new Violation(v.get("rule").asText(), v.get("path").asText()));
    }
    if (fidelity.missing().isEmpty()) {
      assertThat(found)
          .as("the rules the report breaks")
          .containsExactlyInAnyOrderElementsOf(entry.violations());
    } else {
      assertThat(entry.violations())
          .as("the rules a partial reading says the report breaks")
          .containsAll(found);
    }
  }

  @AfterAll
  static void printFidelity() {
    FIDELITY.forEach(
        (form, counts) ->
            System.out.printf(
                "corpus fidelity as %-4s %4d/%4d cells exact (%.1f %%)%n",
                form, counts[0], counts[1], 100.0 * counts[0] / Math.max(1, counts[1])));
  }
}
