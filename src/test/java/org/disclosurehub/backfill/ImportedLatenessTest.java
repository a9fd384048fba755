package org.disclosurehub.backfill;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.registerNamed;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A historic report is late by the day it was published, never by the day it was imported; one that
 * prints no date is neither late nor on time in the roll-up, but unknown.
 */
@QuarkusTest
class ImportedLatenessTest {
  /** 祁东县: no other test stores reports there. */
  private static final String COUNTY = "430426";

  @Test
  void shouldCountAnImportedReportWithoutPrintedDateAsUnknownNotLate() {
    String undated = registerNamed(COUNTY, "祁东县民政局");
    String late = registerNamed(COUNTY, "祁东县交通运输局");
    String onTime = registerNamed(COUNTY, "祁东县自然资源局");
    Map<String, byte[]> files = Archives.files();
    files.put("民政局.txt", ImportJobTest.seed("祁东县民政局"));
    files.put("交通运输局.html", ImportJobTest.metadataPage("祁东县交通运输局", "2025-03-02"));
    files.put("自然资源局.html", ImportJobTest.page("祁东县自然资源局"));
    JsonPath done = Archives.settled(Archives.post(COUNTY, Archives.zipInGbk(files)));
    assertThat(done.getList("files.state")).as(done.prettify()).containsOnly("stored");

    given()
        .get("/api/v1/regions/" + COUNTY + "/rollups/2024")
        .then()
        .statusCode(200)
        .body("completeness.reported", equalTo(3))
        .body("completeness.late", equalTo(1))
        .body("completeness.latenessUnknown", equalTo(1))
        .body("completeness.onTime", equalTo(1));

    JsonPath rows =
        given()
            .get("/api/v1/regions/" + COUNTY + "/rollups/2024/agencies")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(rows.getMap("items.find { it.code == '" + undated + "' }"))
        .containsEntry("reported", true);
    assertThat(rows.getMap("items.find { it.code == '" + undated + "' }").get("late")).isNull();
    assertThat(rows.getMap("items.find { it.code == '" + late + "' }")).containsEntry("late", true);
    assertThat(rows.getMap("items.find { it.code == '" + onTime + "' }"))
        .containsEntry("late", false);

    String page =
        given().get("/regions/" + COUNTY + "/2024").then().statusCode(200).extract().asString();
    assertThat(page).contains("公开日期不明").contains("data-count=\"latenessUnknown\">1<");

    // The notice and the region's document count it apart as the roll-up does (issue 25).
    JsonPath notice =
        given()
            .queryParam("format", "json")
            .get("/api/v1/regions/" + COUNTY + "/inspection/2024")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(notice.getInt("summary.filed")).isEqualTo(3);
    assertThat(notice.getInt("summary.onTime")).isEqualTo(1);
    assertThat(notice.getInt("summary.late")).isEqualTo(1);
    assertThat(notice.getInt("summary.latenessUnknown")).isEqualTo(1);
    assertThat(notice.getString("rows.find { it.agency == '" + undated + "' }.timeliness"))
        .isEqualTo("公开日期不明");
    assertThat(notice.getString("rows.find { it.agency == '" + late + "' }.timeliness"))
        .isEqualTo("逾期");
    assertThat(
            given()
                .accept("text/html")
                .get("/api/v1/regions/" + COUNTY + "/inspection/2024")
                .then()
                .statusCode(200)
                .extract()
                .asString())
        .contains("data-figure=\"lateness-unknown\">1<");
    String document =
        given()
            .accept("text/html")
            .get("/api/v1/regions/" + COUNTY + "/annual-report/2024")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(document)
        .contains("（按时 1，逾期 1，公开日期不明 1，未报送 0）")
        .contains("祁东县民政局（" + undated + "，430426，第 1 版，公开日期不明）");
  }
}
