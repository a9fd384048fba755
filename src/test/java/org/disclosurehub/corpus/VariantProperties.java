package org.disclosurehub.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.disclosurehub.corpus.Corpus.Entry;
import org.disclosurehub.corpus.Corpus.Fidelity;
import org.disclosurehub.corpus.Variants.Mutation;
import org.disclosurehub.importer.BlankColumnsPdf;
import org.disclosurehub.importer.DirectImport;
import org.disclosurehub.system.ProblemException;

/**
 * Hostile but faithful variants of the corpus's real reports (blank zeros, typos in labels, labels
 * wrapped or detached, page breaks, Markdown pipes, HTML with spans, GB18030 bytes): every cell the
 * importer reads is the cell printed; what it cannot place it reports missing, never wrong.
 */
class VariantProperties {
  private static final List<Entry> ENTRIES = Corpus.entries();

  @Property(tries = 150, seed = "20261206")
  void everyCellIsReadExactlyOrReportedMissing(
      @ForAll("texts") Entry entry,
      @ForAll @Size(min = 1, max = 3) List<Mutation> mutations,
      @ForAll long seed,
      @ForAll boolean gb18030) {
    String variant = Variants.apply(entry.text().text(), mutations, new Random(seed));
    boolean html = mutations.contains(Mutation.HTML);
    byte[] body = gb18030 ? Variants.gb18030(variant) : Variants.utf8(variant);
    // GB18030 bytes go without a charset, as sites send them: the importer must recognise them.
    String contentType = (html ? "text/html" : "text/plain") + (gb18030 ? "" : "; charset=utf-8");

    JsonNode answer;
    try {
      answer = DirectImport.read(body, contentType);
    } catch (ProblemException notAReport) {
      return; // nothing read, nothing wrong
    }
    Fidelity fidelity = Corpus.compare(entry.expected(), answer.get("report"));

    assertThat(fidelity.wrong()).as("cells read wrong in %s after %s", entry, mutations).isEmpty();
  }

  /**
   * The corpus's reports of the 2021 format as PDFs drawn by glyph position, their zeros printed or
   * the zeros of the five 法人或其他组织 columns left without any glyph.
   */
  @Property(tries = 16, seed = "20261206")
  void aPdfWithBlankColumnsIsReadExactlyOrReportedMissing(
      @ForAll("reports2021") Entry entry, @ForAll boolean blankZeros) {
    byte[] pdf = BlankColumnsPdf.of(entry, blankZeros);
    Fidelity fidelity =
        Corpus.compare(entry.expected(), DirectImport.read(pdf, "application/pdf").get("report"));

    assertThat(fidelity.wrong()).as("cells read wrong in %s as a PDF", entry).isEmpty();
  }

  @Provide
  Arbitrary<Entry> reports2021() {
    return Arbitraries.of(
        ENTRIES.stream().filter(e -> !e.expected().has("activeDisclosure2019")).toList());
  }

  @Provide
  Arbitrary<Entry> texts() {
    return Arbitraries.of(
        ENTRIES.stream()
            .filter(e -> e.forms().stream().anyMatch(f -> f.name().matches("txt|md")))
            .toList());
  }
}
