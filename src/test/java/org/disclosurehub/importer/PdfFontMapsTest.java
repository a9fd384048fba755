package org.disclosurehub.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.disclosurehub.system.Problem;
import org.disclosurehub.system.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PDFs whose fonts' character maps (ToUnicode CMaps) would stall PDFBox: each is refused as
 * unreadable within a second of processor time, and a real PDF, or one with a large but plausible
 * map, is read. No service: {@link PdfText} directly (the API answers with the same problem, see
 * {@code PdfImportTest}).
 */
class PdfFontMapsTest {
  /** Where the 10,000-request fuzz run (seed 20261201, request 4224) put two bytes, C0 AF. */
  static final int DAMAGED_OFFSET = 8676;

  private static final Duration CPU_QUICKLY = Duration.ofSeconds(1);
  private static final Duration AT_MOST = Duration.ofSeconds(30);

  static byte[] realPdf() {
    try (InputStream in =
        PdfFontMapsTest.class.getResourceAsStream("/imports/pdf/zhongwei-civil-affairs-2024.pdf")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The real PDF with C0 AF inserted into its font's compressed ToUnicode map, as the fuzzer did.
   */
  static byte[] damagedAsTheFuzzerDid() {
    byte[] pdf = realPdf();
    byte[] damaged = new byte[pdf.length + 2];
    System.arraycopy(pdf, 0, damaged, 0, DAMAGED_OFFSET);
    damaged[DAMAGED_OFFSET] = (byte) 0xC0;
    damaged[DAMAGED_OFFSET + 1] = (byte) 0xAF;
    System.arraycopy(pdf, DAMAGED_OFFSET, damaged, DAMAGED_OFFSET + 2, pdf.length - DAMAGED_OFFSET);
    return damaged;
  }

  @Test
  void shouldRefuseTheFuzzersDamagedPdfQuickly() {
    ProblemException refused = refusedQuickly(damagedAsTheFuzzerDid());

    assertThat(refused.problem().detail())
        .startsWith("The PDF is damaged or made to stall its reader: a font's character map")
        .contains("codes; a font has at most 65536");
  }

  /** Damaged maps of other shapes, each in the real PDF's one font. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        // one range of 268 million four-byte codes
        "1 beginbfrange\n<00000000> <10000000> <0020>\nendbfrange",
        // a three-byte start and a four-byte end, odd digits (the fuzzer's shape, written out)
        "1 beginbfrange\n<7EDAD> <63553A1> <7ECF>\nendbfrange",
        // blanks inside the hex strings, which PDFBox skips
        "1 beginbfrange\n<00 00 00> <FF FF\nFF> <0041>\nendbfrange",
        // each range plausible, together a hundred times a font's codes
        "REPEAT 100 beginbfrange\n<0000> <FFFF> <0020>\nendbfrange",
        // a destination array nested far deeper than any map (PDFBox recurses into it)
        "NEST 1 beginbfrange\n<0000> <0001> "
      })
  void shouldRefuseADamagedMapQuickly(String shape) {
    ProblemException refused = refusedQuickly(withMap(mapText(shape)));

    assertThat(refused.problem().detail())
        .startsWith("The PDF is damaged or made to stall its reader: a font's character map");
  }

  @Test
  void shouldReadTheRealPdfAndAFullButPlausibleMap() {
    assertThat(PdfText.of(realPdf()).lines()).isNotEmpty();

    // PDFBox's own special case, every two-byte code to itself (65,536 codes), is read.
    byte[] identity = withMap(mapText("1 beginbfrange\n<0000> <FFFF> <0000>\nendbfrange"));
    assertThat(assertTimeoutPreemptively(AT_MOST, () -> PdfText.of(identity)).lines()).isNotEmpty();
  }

  @Test
  void shouldCountTheCodesAsPdfBoxExpandsThem() {
    assertThat(count("2 beginbfrange <0010> <001F> <0041> <0100> <0100> [<0042>] endbfrange"))
        .isEqualTo(16 + 1);
    assertThat(count("1 beginbfchar <0001> <0041> endbfchar")).isEqualTo(1);
    // a range running backwards ends the block in PDFBox (PDFBOX-4550): nothing after it counts
    assertThat(count("2 beginbfrange <0010> <0001> <0041> <0000> <FFFF> <0041> endbfrange"))
        .isZero();
    // an empty destination is skipped by PDFBox (PDFBOX-3450)
    assertThat(count("1 beginbfrange <0000> <FFFF> <> endbfrange")).isZero();
    // a count not right before the operator starts no block
    assertThat(count("/CMapName beginbfrange <0000> <FFFF> <0041> endbfrange")).isZero();
    // a bad hex digit ends the parse, as in PDFBox
    assertThat(count("1 beginbfrange <00G0> <FFFF> <0041> endbfrange")).isZero();
    // the fuzzer's shape
    assertThat(count("1 beginbfrange <7EDAD> <63553A1> <7ECF> endbfrange"))
        .isEqualTo(0x63553A10L - 0x7EDAD0L + 1);
  }

  private static long count(String map) {
    return CMapCodes.count(map.getBytes(StandardCharsets.ISO_8859_1), PdfFontMaps.MAX_NESTING)
        .codes();
  }

  /**
   * Refused within {@link #CPU_QUICKLY} of this thread's processor time (wall time on this shared
   * machine says more about its load than about the code); a wall-clock bound of {@link #AT_MOST}
   * ends the test where PDFBox would run for minutes.
   */
  private static ProblemException refusedQuickly(byte[] pdf) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    ProblemException refused =
        assertTimeoutPreemptively(
            AT_MOST,
            () -> {
              long start = threads.getCurrentThreadCpuTime();
              ProblemException thrown =
                  catchThrowableOfType(() -> PdfText.of(pdf), ProblemException.class);
              assertThat(Duration.ofNanos(threads.getCurrentThreadCpuTime() - start))
                  .as("processor time")
                  .isLessThan(CPU_QUICKLY);
              return thrown;
            });
    assertThat(refused).as("refused with a problem").isNotNull();
    Problem problem = refused.problem();
    assertThat(problem.type()).isEqualTo("/problems/unreadable-pdf");
    assertThat(problem.status()).isEqualTo(422);
    return refused;
  }

  /** A ToUnicode map's text: the shape with a header, REPEAT and NEST expanded. */
  static String mapText(String shape) {
    String body = shape;
    if (shape.startsWith("REPEAT ")) {
      String block = "1 " + shape.substring(shape.indexOf(' ', 7) + 1) + "\n";
      body = block.repeat(Integer.parseInt(shape.split(" ")[1]));
    } else if (shape.startsWith("NEST ")) {
      body =
          shape.substring(5)
              + "[".repeat(100_000)
              + "<0041>"
              + "]".repeat(100_000)
              + "\nendbfrange";
    }
    return "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        + "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        + "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        + body
        + "\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  }

  /** The real PDF with its font's ToUnicode map replaced by {@code map}, compressed. */
  static byte[] withMap(String map) {
    try (PDDocument document = Loader.loadPDF(realPdf())) {
      PDResources resources = document.getPage(0).getResources();
      COSName font = resources.getFontNames().iterator().next();
      COSDictionary fontDictionary =
          (COSDictionary)
              resources.getCOSObject().getCOSDictionary(COSName.FONT).getDictionaryObject(font);
      COSStream toUnicode = (COSStream) fontDictionary.getDictionaryObject(COSName.TO_UNICODE);
      try (OutputStream out = toUnicode.createOutputStream(COSName.FLATE_DECODE)) {
        out.write(map.getBytes(StandardCharsets.ISO_8859_1));
      }
      ByteArrayOutputStream pdf = new ByteArrayOutputStream();
      document.save(pdf);
      return pdf.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
