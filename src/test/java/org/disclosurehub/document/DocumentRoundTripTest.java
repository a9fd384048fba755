package org.disclosurehub.document;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.util.List;
import org.disclosurehub.report.Report;
import org.disclosurehub.report.ReportLayout;
import org.junit.jupiter.api.Test;

/** The service's own importer reads every document it renders back to the same cells. */
@QuarkusTest
class DocumentRoundTripTest {

  @Test
  void shouldReadEveryAgencyPageBackToItsCellsProseAndDate() throws IOException {
    for (Report report :
        List.of(
            DocumentSamples.seed(), DocumentSamples.naturalResources(), DocumentSamples.trial())) {
      JsonNode read = imported(DocumentPages.agency(DocumentSamples.agency(report, List.of())));

      TableCells expected = TableCells.of(report);
      for (ReportLayout.Cell cell : ReportLayout.cellsOf(report)) {
        assertThat(new java.math.BigDecimal(read.get("report").at(cell.pointer()).asText()))
            .as(cell.pointer())
            .isEqualByComparingTo(expected.value(cell.pointer()));
      }
      assertThat(read.at("/report/formatVersion").asText())
          .isEqualTo(ReportLayout.formatOf(report));
      assertThat(read.get("year").asInt()).isEqualTo(2024);
      if (report.activeDisclosure2019() != null) {
        assertThat(read.at("/report/activeDisclosure2019/procurement/unit").asText())
            .isEqualTo(report.activeDisclosure2019().procurement().unit());
      }
      if (report.narrative() != null) {
        assertThat(read.at("/report/narrative/overview").asText())
            .isEqualTo(report.narrative().overview());
        assertThat(read.at("/report/narrative/problems").asText())
            .isEqualTo(report.narrative().problems());
        assertThat(read.at("/report/narrative/other").asText())
            .isEqualTo(report.narrative().other());
      }
      if (report.publishedOn() != null) {
        assertThat(read.at("/report/publishedOn").asText())
            .isEqualTo(report.publishedOn().toString());
      }
    }
  }

  @Test
  void shouldReadARegionsDocumentWithMissingLateAndInconsistentAgenciesBackToItsSums()
      throws IOException {
    RegionDocument region = DocumentSamples.region();
    JsonNode read = imported(DocumentPages.region(region));

    assertSameCells(read.get("report"), region.totals());
  }

  static JsonNode imported(String html) throws IOException {
    String body =
        given()
            .contentType("text/html; charset=utf-8")
            .body(html.getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .post("/api/v1/imports")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    JsonNode read = DocumentSamples.JSON.readTree(body);
    assertThat(read.get("unparsed")).as(body).isEmpty();
    assertThat(read.get("missing")).as(body).isEmpty();
    assertThat(read.get("partial").asBoolean()).as(body).isFalse();
    return read;
  }

  static void assertSameCells(JsonNode report, TableCells expected) {
    TableCells read = TableCells.fromJson(report);
    for (ReportLayout.Cell cell : ReportLayout.CELLS) {
      assertThat(read.value(cell.pointer()))
          .as(cell.pointer())
          .isEqualByComparingTo(expected.value(cell.pointer()));
    }
  }
}
