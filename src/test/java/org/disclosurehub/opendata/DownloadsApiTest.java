package org.disclosurehub.opendata;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.JSON;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.registerAgency;
import static org.disclosurehub.Fixtures.reportPath;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The bulk downloads through HTTP against PostgreSQL: the year's files hold exactly what the live
 * reports.csv and the revisions hold, their checksums match, a change of the data makes new files
 * (with a new ETag), and the CSVW dictionary and DCAT catalog describe them.
 */
@QuarkusTest
class DownloadsApiTest {
  // 呼和浩特市回民区, a county of its own so that its reports are this test's alone.
  private static final String COUNTY = "150103";
  private static final String YEAR = "/api/v1/downloads/2024/";

  @Test
  void shouldServeTheYearsReportsAsGzipCsvAndJsonLinesWithTheirChecksums() throws Exception {
    String agency = registerAgency(COUNTY);
    file(agency, naturalResources2024().toString(), 201);

    Response csv = given().get(YEAR + "reports.csv.gz");
    csv.then().statusCode(200).contentType("application/gzip");
    assertThat(csv.header("Content-Disposition")).contains("reports-2024.csv.gz");
    byte[] liveCsv = given().get("/api/v1/reports.csv?year=2024").asByteArray();
    assertThat(gunzip(csv.asByteArray())).isEqualTo(liveCsv);

    Response lines = given().get(YEAR + "reports.jsonl.gz");
    lines.then().statusCode(200).contentType("application/gzip");
    JsonNode mine = null;
    List<String> text =
        new String(gunzip(lines.asByteArray()), StandardCharsets.UTF_8).lines().toList();
    for (String line : text) {
      JsonNode row = JSON.readTree(line);
      assertThat(row.get("year").asInt()).isEqualTo(2024);
      if (row.get("agency").asText().equals(agency)) {
        mine = row;
      }
    }
    assertThat(text).hasSize(liveCsv.length == 0 ? 0 : countRows(liveCsv));
    assertThat(mine).isNotNull();
    assertThat(mine.get("division").asText()).isEqualTo(COUNTY);
    assertThat(mine.get("revision").asInt()).isEqualTo(1);
    JsonNode stored =
        JSON.readTree(
            given()
                .accept("application/json")
                .get(reportPath(agency, 2024) + "/revisions/1/content")
                .asString());
    assertThat(mine.get("report")).isEqualTo(stored);

    String manifest = given().get(YEAR + "SHA256SUMS").then().statusCode(200).extract().asString();
    assertThat(manifest.lines().toList())
        .containsExactly(
            sha256(csv.asByteArray()) + "  reports-2024.csv.gz",
            sha256(lines.asByteArray()) + "  reports-2024.jsonl.gz");

    // Unchanged data: the same files, and 304 to a client that has them.
    String tag = csv.header("ETag");
    given().header("If-None-Match", tag).get(YEAR + "reports.csv.gz").then().statusCode(304);
    assertThat(given().get(YEAR + "reports.csv.gz").asByteArray()).isEqualTo(csv.asByteArray());

    // A correction makes new files: another tag, the new revision in them.
    var corrected = naturalResources2024();
    corrected.put("publishedOn", "2025-01-21");
    file(agency, corrected.toString(), 200);
    Response after = given().header("If-None-Match", tag).get(YEAR + "reports.csv.gz");
    after.then().statusCode(200);
    assertThat(after.header("ETag")).isNotEqualTo(tag);
    String row =
        new String(gunzip(after.asByteArray()), StandardCharsets.UTF_8)
            .lines()
            .filter(l -> l.startsWith(agency + ","))
            .findFirst()
            .orElseThrow();
    assertThat(row).contains(",2024,2021,2,2025-01-21,");
    assertThat(gunzip(after.asByteArray()))
        .isEqualTo(given().get("/api/v1/reports.csv?year=2024").asByteArray());
  }

  @Test
  void shouldServeEveryYearAsTheEditionAll() throws Exception {
    String agency = registerAgency(COUNTY);
    file(agency, naturalResources2024().toString(), 201);
    byte[] all = gunzip(given().get("/api/v1/downloads/all/reports.csv.gz").asByteArray());
    assertThat(all).isEqualTo(given().get("/api/v1/reports.csv").asByteArray());
    assertThat(given().get("/api/v1/downloads/all/SHA256SUMS").asString())
        .contains("  reports-all.csv.gz\n", "  reports-all.jsonl.gz\n");
  }

  @Test
  void shouldRefuseAnEditionThatIsNoYearWithAProblem() {
    for (String edition : List.of("1999", "abc", "20244", "3000")) {
      given()
          .get("/api/v1/downloads/" + edition + "/reports.csv.gz")
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
  }

  @Test
  void shouldDescribeEveryColumnOfTheCsvInCsvw() throws Exception {
    String header =
        new String(
                given().get("/api/v1/reports.csv?year=2024").asByteArray(), StandardCharsets.UTF_8)
            .lines()
            .findFirst()
            .orElseThrow()
            .replace("\uFEFF", "");
    for (String path :
        List.of(YEAR + "reports.csv-metadata.json", "/api/v1/reports.csv-metadata.json")) {
      Response answer = given().get(path);
      answer.then().statusCode(200).contentType("application/csvm+json");
      JsonNode metadata = JSON.readTree(answer.asString());
      assertThat(metadata.get("@context").get(0).asText()).isEqualTo("http://www.w3.org/ns/csvw");
      List<String> titles = new ArrayList<>();
      for (JsonNode column : metadata.at("/tableSchema/columns")) {
        titles.add(column.at("/titles/und").asText());
        assertThat(column.get("name").asText()).matches("[A-Za-z0-9%._]+");
      }
      assertThat(String.join(",", titles)).isEqualTo(header);
      JsonNode natural = column(metadata, "/requests/newlyReceived/naturalPerson");
      assertThat(natural.get("datatype").asText()).isEqualTo("nonNegativeInteger");
      assertThat(natural.get("schema:unitText").asText()).isEqualTo("件");
      assertThat(natural.get("schema:propertyID").asText())
          .isEqualTo("/requests/newlyReceived/naturalPerson");
      assertThat(natural.at("/titles/zh").asText()).contains("本年新收");
      JsonNode fees = column(metadata, "/activeDisclosure/feesAmount");
      assertThat(fees.get("datatype").asText()).isEqualTo("decimal");
      assertThat(fees.get("schema:unitText").asText()).isEqualTo("万元");
      assertThat(column(metadata, "publishedOn").get("datatype").asText()).isEqualTo("date");
      assertThat(column(metadata, "late").get("datatype").asText()).isEqualTo("boolean");
    }
    assertThat(
            JSON.readTree(given().get(YEAR + "reports.csv-metadata.json").asString())
                .get("url")
                .asText())
        .isEqualTo("reports.csv.gz");
  }

  @Test
  void shouldCatalogTheDownloadsInDcat() throws Exception {
    String agency = registerAgency(COUNTY);
    file(agency, naturalResources2024().toString(), 201);
    Response answer = given().get("/api/v1/catalog");
    answer.then().statusCode(200).contentType("application/ld+json");
    JsonNode catalog = JSON.readTree(answer.asString());
    assertThat(catalog.get("@type").asText()).isEqualTo("dcat:Catalog");
    List<String> downloads = new ArrayList<>();
    for (JsonNode dataset : catalog.get("dcat:dataset")) {
      for (JsonNode distribution : dataset.get("dcat:distribution")) {
        JsonNode url = distribution.at("/dcat:downloadURL/@id");
        if (!url.isMissingNode()) {
          downloads.add(url.asText());
        }
      }
    }
    assertThat(downloads)
        .anyMatch(u -> u.endsWith("/api/v1/downloads/2024/reports.csv.gz"))
        .anyMatch(u -> u.endsWith("/api/v1/downloads/all/reports.jsonl.gz"));
    String csv =
        downloads.stream()
            .filter(u -> u.endsWith("/2024/reports.csv.gz"))
            .findFirst()
            .orElseThrow();
    given().get(java.net.URI.create(csv).getPath()).then().statusCode(200);
    assertThat(given().get("/api/v1").jsonPath().getString("catalog")).isEqualTo("/api/v1/catalog");
  }

  private static JsonNode column(JsonNode metadata, String header) {
    for (JsonNode column : metadata.at("/tableSchema/columns")) {
      if (column.at("/titles/und").asText().equals(header)) {
        return column;
      }
    }
    throw new AssertionError("no column " + header);
  }

  private static void file(String agency, String body, int status) {
    admin()
        .contentType("application/json")
        .body(body)
        .put(reportPath(agency, 2024))
        .then()
        .statusCode(status);
  }

  private static int countRows(byte[] csv) {
    // One line per report after the header; no text cell of reports.csv holds a line break.
    return (int) new String(csv, StandardCharsets.UTF_8).lines().count() - 1;
  }

  private static byte[] gunzip(byte[] bytes) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    }
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
