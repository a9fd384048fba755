package org.disclosurehub.importer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import org.disclosurehub.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reports imported from PDFs, as most agencies publish them: the fixtures under imports/pdf are
 * made from the text fixtures by {@link PdfFixtures} (see the README there).
 */
@QuarkusTest
class PdfImportTest {
  private static final String IMPORTS = "/api/v1/imports";
  private static final String PDF = "application/pdf";

  @Test
  void shouldImportTheSeedFromItsPdfCellForCell() {
    JsonNode answer = importPdf(pdf("zhongwei-civil-affairs-2024.pdf"), "");

    JsonNode expected = Fixtures.zhongweiCivilAffairs2024();
    for (String table : new String[] {"activeDisclosure", "requests", "reviews"}) {
      assertThat(answer.get("report").get(table)).as(table).isEqualTo(expected.get(table));
    }
    assertThat(answer.get("year").intValue()).isEqualTo(2024);
    assertThat(answer.get("partial").booleanValue()).isFalse();
    assertThat(answer.get("violations")).isEmpty();
    assertThat(answer.get("notes").get(0).textValue())
        .isEqualTo("read as the text layer of the PDF (3 page(s))");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "natural-resources-2024.pdf",
        "natural-resources-2024-top-aligned.pdf",
        "natural-resources-2024-vertical.pdf"
      })
  void shouldImportAPdfWithWrappedAndVerticalLabelsCellForCell(String file) {
    JsonNode answer = importPdf(pdf(file), "");

    JsonNode expected = Fixtures.naturalResources2024();
    for (String table : new String[] {"activeDisclosure", "requests", "reviews"}) {
      assertThat(answer.get("report").get(table)).as(table).isEqualTo(expected.get(table));
    }
    assertThat(answer.get("unparsed")).isEmpty();
    assertThat(answer.get("missing")).isEmpty();
    assertThat(answer.get("partial").booleanValue()).isFalse();
    assertThat(answer.get("violations")).isEmpty();
  }

  @Test
  void shouldNameThePageAndTheLineOnItOfEveryValue() {
    JsonNode answer = importPdf(pdf("natural-resources-2024.pdf"), "");

    // Page 1 ends with 三(四)1, wrapped over two lines; 三(四)2 is the first line of page 2.
    String notHeld = "~1requests~1outcomes~1unableToProvide~1notHeld~1total";
    String creation = "~1requests~1outcomes~1unableToProvide~1requiresCreation~1total";
    assertThat(answer.at("/provenancePages/" + notHeld).intValue()).isEqualTo(1);
    assertThat(answer.at("/provenancePages/" + creation).intValue()).isEqualTo(2);
    assertThat(answer.at("/provenance/" + creation).intValue()).isEqualTo(1);
    assertThat(answer.at("/provenancePages/~1activeDisclosure~1licensing").intValue()).isEqualTo(1);
    assertThat(answer.at("/provenance/~1activeDisclosure~1licensing").intValue()).isEqualTo(17);
    assertThat(answer.at("/provenancePages/~1reviews~1litigationAfterReview~1total").intValue())
        .isEqualTo(2);
  }

  @Test
  void shouldStoreThePdfAsTheRevisionsSource() {
    String agency = registerAgency("320585");
    byte[] pdf = pdf("natural-resources-2024.pdf");

    admin()
        .contentType(PDF)
        .body(pdf)
        .post(IMPORTS + "?store=true&agency=" + agency)
        .then()
        .statusCode(200)
        .body("stored.revision", equalTo(1))
        .body("stored.report.activeDisclosure.licensing", equalTo(1342));

    given()
        .get(reportPath(agency, 2024) + "/revisions")
        .then()
        .statusCode(200)
        .body("[0].imported", equalTo(true));
    Response source = given().get(reportPath(agency, 2024) + "/revisions/1/source");
    source.then().statusCode(200).contentType(startsWith(PDF));
    assertThat(source.asByteArray()).isEqualTo(pdf);
  }

  @Test
  void shouldRefuseAnEncryptedPdfSayingSo() {
    assertUnreadable(pdf("encrypted.pdf"), "encrypted with a password");
  }

  @Test
  void shouldRefuseAScanSayingItHasNoText() {
    assertUnreadable(pdf("scan.pdf"), "no text layer: it is a scan");
  }

  @Test
  void shouldRefuseABrokenPdfSayingSo() {
    byte[] whole = pdf("natural-resources-2024.pdf");
    assertUnreadable(Arrays.copyOf(whole, 1500), "not a readable PDF");
    assertUnreadable(
        "%PDF-1.7\n这不是 PDF".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        "not a readable PDF");
  }

  @Test
  void shouldRefuseAPdfWhoseFontMapWouldStallTheReaderWithinSeconds() {
    // The fuzzer's request 4224 (seed 20261201): PDFBox alone took 303 s over this file. Wall time
    // on a loaded machine: PdfFontMapsTest bounds the processor time to 1 s.
    long start = System.nanoTime();
    assertUnreadable(
        PdfFontMapsTest.damagedAsTheFuzzerDid(),
        "damaged or made to stall its reader: a font's character map (ToUnicode CMap) maps");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void shouldRefuseAPdfOverTheImportLimit() {
    byte[] tooLarge = Arrays.copyOf(pdf("natural-resources-2024.pdf"), 5_000_001);
    admin()
        .contentType(PDF)
        .body(tooLarge)
        .post(IMPORTS)
        .then()
        .statusCode(413)
        .body("type", equalTo("/problems/payload-too-large"));
  }

  private static void assertUnreadable(byte[] body, String detail) {
    admin()
        .contentType(PDF)
        .body(body)
        .post(IMPORTS)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/unreadable-pdf"))
        .body("title", equalTo("PDF cannot be read"))
        .body("detail", containsString(detail))
        .body("instance", equalTo(IMPORTS));
  }

  private static JsonNode importPdf(byte[] pdf, String query) {
    return admin()
        .contentType(PDF)
        .body(pdf)
        .post(IMPORTS + query)
        .then()
        .statusCode(200)
        .extract()
        .as(JsonNode.class);
  }

  static byte[] pdf(String name) {
    try (InputStream in = PdfImportTest.class.getResourceAsStream("/imports/pdf/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
