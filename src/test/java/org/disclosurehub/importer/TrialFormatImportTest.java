package org.disclosurehub.importer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.marketRegulation2020Trial;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.disclosurehub.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * A report published in the 2019 trial format is read whole, its own Table 二 included, and stored
 * as the same report that its JSON makes ({@code /imports/trial-2020.txt} is {@code
 * /reports/market-regulation-2020-trial.json} as published, with prose).
 */
@QuarkusTest
class TrialFormatImportTest {
  private static final String TEXT = "text/plain; charset=utf-8";

  @Test
  void shouldReadThe2019Table2CellForCell() {
    JsonNode answer =
        importText(Fixtures.text("/imports/trial-2020.txt"), "")
            .then()
            .statusCode(200)
            .extract()
            .as(JsonNode.class);

    ObjectNode expected = marketRegulation2020Trial();
    JsonNode report = answer.get("report");
    assertThat(answer.get("formatVersion").textValue()).isEqualTo("2019");
    assertThat(answer.get("year").intValue()).isEqualTo(2020);
    assertThat(answer.get("partial").booleanValue()).isFalse();
    assertThat(answer.get("unparsed")).isEmpty();
    assertThat(answer.get("missing")).isEmpty();
    assertThat(answer.get("violations")).isEmpty();
    assertThat(report.get("activeDisclosure2019")).isEqualTo(expected.get("activeDisclosure2019"));
    assertThat(report.has("activeDisclosure")).isFalse();
    assertThat(report.get("reviews")).isEqualTo(expected.get("reviews"));
    assertThat(report.get("publishedOn")).isEqualTo(expected.get("publishedOn"));
    assertThat(report.get("publishedItems")).isEqualTo(expected.get("publishedItems"));
    assertThat(report.at("/requests/outcomes/otherHandling/other"))
        .isEqualTo(expected.at("/requests/outcomes/otherHandling/other"));
    assertThat(report.at("/requests/carriedForward"))
        .isEqualTo(expected.at("/requests/carriedForward"));
    // 采购总金额 printed "1,263,850.36" under the header 采购总金额（元）.
    assertThat(answer.at("/provenance/~1activeDisclosure2019~1procurement~1totalAmount").intValue())
        .isEqualTo(30);
    assertThat(answer.at("/provenance/~1activeDisclosure2019~1procurement~1unit").intValue())
        .isEqualTo(30);
    assertThat(answer.at("/provenance/~1activeDisclosure2019~1licensing~1change").intValue())
        .isEqualTo(19);
  }

  @Test
  void shouldStoreTheSameReportAsItsJson() throws Exception {
    String fromJson = registerAgency("330300");
    admin()
        .contentType("application/json")
        .body(marketRegulation2020Trial().toString())
        .put(reportPath(fromJson, 2020))
        .then()
        .statusCode(201);
    String fromText = registerAgency("330300");

    importText(Fixtures.text("/imports/trial-2020.txt"), "?store=true&agency=" + fromText)
        .then()
        .statusCode(200)
        .body("stored.revision", equalTo(1))
        .body("stored.report.formatVersion", equalTo("2019"));

    ObjectNode imported = (ObjectNode) current(fromText);
    assertThat(imported.remove("narrative")).isNotNull();
    assertThat(imported).isEqualTo(current(fromJson));
    given()
        .get(reportPath(fromText, 2020) + "/revisions/1/source")
        .then()
        .statusCode(200)
        .contentType(startsWith("text/plain"));
  }

  @Test
  void shouldNotReadAnAmountInYuanBelowTheFen() {
    String text = Fixtures.text("/imports/trial-2020.txt").replace("1,263,850.36", "1,263,850.365");

    importText(text, "")
        .then()
        .statusCode(200)
        .body("partial", equalTo(true))
        .body("unparsed[0].pointer", equalTo("/activeDisclosure2019/procurement"))
        .body(
            "unparsed[0].reason", equalTo("'1,263,850.365' 元 has more than 2 decimals (one fen)"));
  }

  @Test
  void shouldReadTheUnitWhereverTheRowOrItsHeaderPrintsIt() {
    String text =
        Fixtures.text("/imports/trial-2020.txt")
            .replace("采购总金额（元）", "采购总金额")
            .replace("政府集中采购\t7\t1,263,850.36", "政府集中采购（万元）\t7\t126.385036");

    importText(text, "")
        .then()
        .statusCode(200)
        .body("partial", equalTo(false))
        .body("report.activeDisclosure2019.procurement.totalAmount", equalTo("126.385036"))
        .body("report.activeDisclosure2019.procurement.unit", equalTo("万元"));
  }

  @Test
  void shouldStoreA2019ReportWhoseAmountCarriesItsUnitInTheCell() {
    String agency = registerAgency("330300");
    String text =
        Fixtures.text("/imports/trial-2020.txt")
            .replace("采购总金额（元）", "采购总金额")
            .replace("政府集中采购\t7\t1,263,850.36", "政府集中采购\t7\t1263850.36元");

    importText(text, "?store=true&agency=" + agency)
        .then()
        .statusCode(200)
        .body("partial", equalTo(false))
        .body("stored.revision", equalTo(1))
        .body("report.activeDisclosure2019.procurement.totalAmount", equalTo("1263850.36"))
        .body("report.activeDisclosure2019.procurement.unit", equalTo("元"));
  }

  private static JsonNode current(String agency) throws Exception {
    return Fixtures.JSON
        .readTree(given().get(reportPath(agency, 2020)).then().statusCode(200).extract().asString())
        .get("report");
  }

  private static io.restassured.response.Response importText(String text, String query) {
    return admin()
        .contentType(TEXT)
        .body(text.getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/imports" + query);
  }
}
