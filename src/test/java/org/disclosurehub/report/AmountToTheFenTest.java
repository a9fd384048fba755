package org.disclosurehub.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.at;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.disclosurehub.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Amounts printed to the fen (six decimals of 万元) travel exactly: through PUT, import, the roll-up
 * sum, the trend and every CSV. Region 330782 (义乌市) belongs to this test alone.
 */
@QuarkusTest
class AmountToTheFenTest {
  private static final String REGION = "330782";

  @Test
  void shouldKeepSixDecimalsThroughSubmissionImportRollupAndCsv() {
    String submitted = registerAgency(REGION);
    String imported = registerAgency(REGION);
    ObjectNode report = naturalResources2024();
    at(report, "/activeDisclosure").put("feesAmount", "24252.311082");
    admin()
        .contentType("application/json")
        .body(report.toString())
        .put(reportPath(submitted, 2024))
        .then()
        .statusCode(201)
        .body("report.activeDisclosure.feesAmount", equalTo("24252.311082"));

    String text =
        Fixtures.text("/imports/tabs.txt").replace("行政事业性收费\t356.4821", "行政事业性收费\t356.482107");
    admin()
        .contentType("text/plain; charset=utf-8")
        .body(text.getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/imports?store=true&agency=" + imported)
        .then()
        .statusCode(200)
        .body("report.activeDisclosure.feesAmount", equalTo("356.482107"))
        .body("stored.report.activeDisclosure.feesAmount", equalTo("356.482107"));
    given()
        .get(reportPath(imported, 2024))
        .then()
        .statusCode(200)
        .body("report.activeDisclosure.feesAmount", equalTo("356.482107"));

    // 24252.311082 + 356.482107, to the fen; a double would print 24608.793189000002.
    String sum = "24608.793189";
    String rollup = "/api/v1/regions/" + REGION + "/rollups/2024";
    given().get(rollup).then().statusCode(200).body("activeDisclosure.feesAmount", equalTo(sum));
    List<String> csv = lines(given().get(rollup + "?format=csv").asString());
    assertThat(csv).contains("activeDisclosure,feesAmount,,行政事业性收费 本年收费金额（万元）," + sum);
    given()
        .get("/api/v1/regions/" + REGION + "/rollups?from=2024&to=2024")
        .then()
        .statusCode(200)
        .body("years[0].feesAmount", equalTo(sum));
    assertThat(
            given()
                .get("/api/v1/regions/" + REGION + "/rollups?from=2024&to=2024&format=csv")
                .asString())
        .contains("," + sum + ",");
    List<String> cells =
        lines(given().get("/api/v1/reports.csv?year=2024&region=" + REGION).asString());
    assertThat(cells)
        .contains(
            submitted + ",2024,1,/activeDisclosure/feesAmount,行政事业性收费 本年收费金额（万元）,24252.311082",
            imported + ",2024,1,/activeDisclosure/feesAmount,行政事业性收费 本年收费金额（万元）,356.482107");
  }

  @Test
  void shouldRefuseSevenDecimalsNamingTheField() {
    String agency = registerAgency(REGION);
    ObjectNode report = naturalResources2024();
    at(report, "/activeDisclosure").put("feesAmount", "24252.3110825");
    admin()
        .contentType("application/json")
        .body(report.toString())
        .put(reportPath(agency, 2024))
        .then()
        .statusCode(400)
        .body("type", equalTo("/problems/invalid-field"))
        .body("errors[0].pointer", equalTo("/activeDisclosure/feesAmount"))
        .body(
            "errors[0].message",
            equalTo("must be a decimal string with at most 6 decimals, such as \"24252.311082\""));
    given().get(reportPath(agency, 2024)).then().statusCode(404);
  }

  private static List<String> lines(String csv) {
    return List.of(csv.replace("\uFEFF", "").split("\r\n"));
  }
}
