package org.disclosurehub.backfill;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.registerNamed;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Import jobs end to end through the API: an archive of real and realistic reports (pages, texts
 * and PDFs, GBK names) for a registered region is read in the background, each report stored once
 * with its agency, year and publication date, and what cannot be decided waits for a person.
 */
@QuarkusTest
class ImportJobTest {
  private static final String SEED = "examples/zhongwei-civil-affairs-2024.txt";
  private static final String SEED_PDF = "examples/zhongwei-civil-affairs-2024.pdf";
  private static final String PAGE = "src/test/resources/imports/report.html";
  private static final String TRIAL_2020 = "src/test/resources/imports/trial-2020.txt";

  /**
   * A county of 中卫 (衡阳县) keeps this test's agencies apart from other tests', which use 430400 and
   * its districts with names of their own.
   */
  private static final String COUNTY = "430421";

  @Test
  void shouldStoreEveryReportOfTheArchiveOnceWithItsAgencyYearAndPublicationDate() {
    String civil = registerNamed(COUNTY, "衡阳县民政局");
    String land = registerNamed(COUNTY, "衡阳县自然资源局");
    String market = registerNamed(COUNTY, "衡阳县市场监督管理局");
    String transport = registerNamed(COUNTY, "衡阳县交通运输局");
    Map<String, byte[]> files = Archives.files();
    files.put("2024/民政局/衡阳县民政局2024年政府信息公开工作年度报告.txt", seed("衡阳县民政局"));
    files.put("2024/民政局/衡阳县民政局年报（PDF版）.pdf", Archives.resource(SEED_PDF));
    files.put("2024/自然资源局/年报.html", page("衡阳县自然资源局"));
    files.put("2020/市场监管局.txt", text(TRIAL_2020, "某市市场监督管理局", "衡阳县市场监督管理局"));
    files.put("2024/交通运输局/index.html", metadataPage("衡阳县交通运输局", "2025-01-15"));
    files.put("说明.docx", "not a report".getBytes(StandardCharsets.UTF_8));
    files.put("__MACOSX/2024/._年报.html", new byte[] {0, 5, 22, 7});
    long job = Archives.post(COUNTY, Archives.zipInGbk(files));

    JsonPath done = Archives.settled(job);
    assertThat(done.getString("state")).as(done.prettify()).isEqualTo("finished");
    assertThat(done.getInt("progress.total")).isEqualTo(6);
    assertThat(done.getInt("progress.stored")).as(done.prettify()).isEqualTo(4);
    assertThat(done.getInt("progress.duplicate")).isEqualTo(1);
    assertThat(done.getInt("progress.refused")).isEqualTo(1);
    assertThat(done.getInt("progress.secondsLeft")).isEqualTo(0);

    expectFile(done, 1, "2024/民政局/衡阳县民政局2024年政府信息公开工作年度报告.txt", "stored", civil, 2024);
    // The PDF is the same report as the text, but its title names 中卫市民政局, which this county
    // does not have: its file name names the agency, and its tables are the text's: a duplicate.
    expectFile(done, 2, "2024/民政局/衡阳县民政局年报（PDF版）.pdf", "duplicate", civil, 2024);
    assertThat(Archives.file(done, 2).get("agencyFrom")).isEqualTo("file name");
    expectFile(done, 3, "2024/自然资源局/年报.html", "stored", land, 2024);
    expectFile(done, 4, "2020/市场监管局.txt", "stored", market, 2020);
    expectFile(done, 5, "2024/交通运输局/index.html", "stored", transport, 2024);
    assertThat(Archives.file(done, 5).get("agencyFrom")).isEqualTo("metadata");
    assertThat(Archives.file(done, 6).get("reason")).isEqualTo("unsupported");

    // publishedOn from the report: the signature's date, 公开日期 of the page, none for the seed.
    expectPublished(land, 2024, "2025-01-20");
    expectPublished(market, 2020, "2021-01-25");
    expectPublished(transport, 2024, "2025-01-15");
    expectPublished(civil, 2024, null);

    // Stored exactly: every cell as the reader alone reads the same file.
    expectSameTables(civil, 2024, seed("衡阳县民政局"), "text/plain");
    expectSameTables(land, 2024, page("衡阳县自然资源局"), "text/html");
    expectSameTables(transport, 2024, metadataPage("衡阳县交通运输局", "2025-01-15"), "text/html");

    // The revision names the job and the file, and was written by who posted the archive.
    admin()
        .get("/api/v1/agencies/" + civil + "/reports/2024/revisions")
        .then()
        .statusCode(200)
        .body("[0].imported", equalTo(true))
        .body("[0].author", equalTo("admin"))
        .body(
            "[0].reason",
            equalTo("import job " + job + " file 1: 2024/民政局/衡阳县民政局2024年政府信息公开工作年度报告.txt"));
    given()
        .get("/api/v1/agencies/" + civil + "/reports/2024/revisions/1/source")
        .then()
        .statusCode(200);

    // The same archive again stores nothing: every report equals its current revision.
    long again = Archives.post(COUNTY, Archives.zipInGbk(files));
    JsonPath second = Archives.settled(again);
    assertThat(second.getInt("progress.stored")).as(second.prettify()).isZero();
    assertThat(second.getList("files.revision", Integer.class)).doesNotContain(2);
    admin()
        .get("/api/v1/agencies/" + civil + "/reports/2024/revisions")
        .then()
        .body("size()", equalTo(1));

    // CSV and the filter
    String csv =
        given()
            .accept("text/csv")
            .get("/api/v1/import-jobs/" + job)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(csv).startsWith("file,name,state,reason,agency");
    assertThat(csv).contains("2020/市场监管局.txt,stored,," + market + ",title,2020,2021-01-25");
    given()
        .get("/api/v1/import-jobs/" + job + "?state=refused")
        .then()
        .statusCode(200)
        .body("files.size()", equalTo(1))
        .body("files[0].name", equalTo("说明.docx"));
  }

  @Test
  void shouldKeepTheDuplicateAsASecondSourceOfTheOneRevision() {
    String civil = registerNamed("430422", "衡南县民政局");
    Map<String, byte[]> files = Archives.files();
    files.put("衡南县民政局2024年报.txt", seed("衡南县民政局"));
    files.put("衡南县民政局2024年报.pdf", Archives.resource(SEED_PDF));
    long job = Archives.post("430422", Archives.zipInGbk(files));
    JsonPath done = Archives.settled(job);
    // The PDF's title names 中卫市民政局; 衡南县 has no such agency, so its file name decides.
    assertThat(done.getList("files.state"))
        .as(done.prettify())
        .containsExactly("stored", "duplicate");
    assertThat(Archives.file(done, 2).get("revision")).isEqualTo(1);
    assertThat(Archives.file(done, 2).get("agency")).isEqualTo(civil);
    given()
        .get("/api/v1/import-jobs/" + job + "/files/2/source")
        .then()
        .statusCode(200)
        .contentType("application/pdf");
    given().get("/api/v1/import-jobs/" + job + "/files/1/source").then().statusCode(404);
  }

  @Test
  void shouldLetAPersonChooseAnAmbiguousAgencyAndRecordWhoAndWhen() {
    // Two counties of 衡阳 have a 交通运输局; a report that says only "交通运输局" is either.
    String chosen = registerNamed("430423", "衡山县交通运输局");
    registerNamed("430424", "衡东县交通运输局");
    Map<String, byte[]> files = Archives.files();
    files.put("a.txt", seed("交通运输局"));
    long job = Archives.post("430400", Archives.zipInGbk(files));
    JsonPath waiting = Archives.settled(job);
    assertThat(waiting.getString("state")).isEqualTo("waiting");
    assertThat(Archives.file(waiting, 1).get("reason")).isEqualTo("agency-ambiguous");
    assertThat(waiting.getList("files[0].detail.candidates.code")).contains(chosen);

    given()
        .contentType("application/merge-patch+json")
        .body(Map.of("agency", chosen))
        .patch("/api/v1/import-jobs/" + job + "/files/1")
        .then()
        .statusCode(401);
    admin()
        .contentType("application/merge-patch+json")
        .body(Map.of("agency", "no-such-agency"))
        .patch("/api/v1/import-jobs/" + job + "/files/1")
        .then()
        .statusCode(404);
    admin()
        .contentType("application/merge-patch+json")
        .body(Map.of("agency", chosen))
        .patch("/api/v1/import-jobs/" + job + "/files/1")
        .then()
        .statusCode(200)
        .body("decisions[0].decidedBy", equalTo("admin"))
        .body("decisions[0].agency", equalTo(chosen));
    JsonPath done = Archives.settled(job);
    assertThat(done.getString("state")).as(done.prettify()).isEqualTo("finished");
    assertThat(Archives.file(done, 1).get("state")).isEqualTo("stored");
    assertThat(Archives.file(done, 1).get("agencyFrom")).isEqualTo("person");
    admin()
        .contentType("application/merge-patch+json")
        .body(Map.of("decision", "keep"))
        .patch("/api/v1/import-jobs/" + job + "/files/1")
        .then()
        .statusCode(409);
  }

  @Test
  void shouldShowTheDifferenceToTheCurrentRevisionAndReplaceItOnlyWhenAPersonSaysSo() {
    String civil = registerNamed("430405", "珠晖区民政局");
    Map<String, byte[]> first = Archives.files();
    first.put("2024.txt", seed("珠晖区民政局"));
    Archives.settled(Archives.post("430405", Archives.zipInGbk(first)));

    String corrected = new String(seed("珠晖区民政局"), StandardCharsets.UTF_8);
    String line = corrected.lines().filter(l -> l.startsWith("行政许可")).findFirst().orElseThrow();
    Map<String, byte[]> second = Archives.files();
    second.put(
        "2024-更正.txt",
        corrected
            .replace(line, line.replaceFirst("\\d+", "4321"))
            .getBytes(StandardCharsets.UTF_8));
    long job = Archives.post("430405", Archives.zipInGbk(second));
    JsonPath waiting = Archives.settled(job);
    Map<String, Object> file = Archives.file(waiting, 1);
    assertThat(file.get("reason")).as(waiting.prettify()).isEqualTo("conflict");
    assertThat(waiting.getList("files[0].detail.difference.pointer"))
        .containsExactly("/activeDisclosure/licensing");
    assertThat(waiting.getInt("files[0].detail.difference[0].read")).isEqualTo(4321);
    admin()
        .get("/api/v1/agencies/" + civil + "/reports/2024/revisions")
        .then()
        .body("size()", equalTo(1));

    admin()
        .contentType("application/json")
        .body(Map.of("decision", "replace"))
        .patch("/api/v1/import-jobs/" + job + "/files/1")
        .then()
        .statusCode(200);
    JsonPath done = Archives.settled(job);
    assertThat(Archives.file(done, 1).get("state")).as(done.prettify()).isEqualTo("stored");
    assertThat(Archives.file(done, 1).get("revision")).isEqualTo(2);
    given()
        .get("/api/v1/agencies/" + civil + "/reports/2024")
        .then()
        .body("report.activeDisclosure.licensing", equalTo(4321));
  }

  @Test
  void shouldKeepAPartialReportWaitingWithTheCellsNotRead() {
    registerNamed(COUNTY, "衡阳县应急管理局");
    String seed = new String(seed("衡阳县应急管理局"), StandardCharsets.UTF_8);
    String line = seed.lines().filter(l -> l.startsWith("行政处罚")).findFirst().orElseThrow();
    Map<String, byte[]> files = Archives.files();
    files.put("partial.txt", seed.replace(line, "行政处罚\t很多").getBytes(StandardCharsets.UTF_8));
    long job = Archives.post(COUNTY, Archives.zipInGbk(files));
    JsonPath waiting = Archives.settled(job);
    assertThat(Archives.file(waiting, 1).get("reason")).as(waiting.prettify()).isEqualTo("partial");
    assertThat(waiting.getList("files[0].detail.missing", String.class))
        .contains("/activeDisclosure/penalties");
    admin()
        .contentType("application/json")
        .body(Map.of("decision", "keep"))
        .patch("/api/v1/import-jobs/" + job + "/files/1")
        .then()
        .statusCode(200)
        .body("state", equalTo("kept"));
    assertThat(Archives.settled(job).getString("state")).isEqualTo("finished");
  }

  @Test
  void shouldRefuseAnonymousAndUnknownDivisions() {
    byte[] zip = Archives.zipInGbk(Map.of("a.txt", seed("中卫市民政局")));
    given()
        .contentType("application/zip")
        .body(zip)
        .post("/api/v1/import-jobs?division=430400")
        .then()
        .statusCode(401);
    admin()
        .contentType("application/zip")
        .body(zip)
        .post("/api/v1/import-jobs?division=999999")
        .then()
        .statusCode(400)
        .body("errors.pointer", hasItem("division"));
    admin()
        .contentType("application/zip")
        .body(zip)
        .post("/api/v1/import-jobs")
        .then()
        .statusCode(400)
        .body("errors.pointer", hasItem("division"));
    given().get("/api/v1/import-jobs/99999999").then().statusCode(404);
    given().get("/api/v1/import-jobs/1?state=lost").then().statusCode(400);
  }

  /** The seed report (中卫市民政局 2024) as published by another agency of the same region. */
  static byte[] seed(String agency) {
    return text(SEED, "中卫市民政局", agency);
  }

  private static byte[] text(String path, String from, String to) {
    return new String(Archives.resource(path), StandardCharsets.UTF_8)
        .replace(from, to)
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The page fixture as another agency's page (UTF-8, its own <meta charset>). */
  static byte[] page(String agency) {
    return text(PAGE, "某市自然资源局", agency);
  }

  /**
   * A portal's page in GBK whose title does not name the agency: the metadata table above the
   * report does (发布机构, 公开日期, 索引号), as most Chinese government portals print it.
   */
  static byte[] metadataPage(String agency, String published) {
    String page = new String(Archives.resource(PAGE), StandardCharsets.UTF_8);
    page =
        page.replace("<meta charset=\"utf-8\">", "<meta charset=\"gbk\">")
            .replace(
                "<title>某市自然资源局2024年政府信息公开工作年度报告_某市人民政府</title>",
                "<title>2024年政府信息公开工作年度报告_某市人民政府</title>")
            .replace(
                "<h1>某市自然资源局<br>2024年政府信息公开工作年度报告</h1>",
                "<table class=\"meta\"><tr><td>索引号：</td><td>430421-0012/2025-00003</td>"
                    + "<td>发布机构：</td><td>"
                    + agency
                    + "</td></tr>"
                    + "<tr><td>公开日期：</td><td>"
                    + published
                    + "</td><td>主题分类：</td>"
                    + "<td>政府信息公开年报</td></tr></table>"
                    + "<h1>2024年政府信息公开工作年度报告</h1>")
            .replace("<p style=\"text-align:right\">某市自然资源局</p>", "")
            .replace("<p style=\"text-align:right\">2025年1月20日</p>", "");
    return page.getBytes(Archives.GBK);
  }

  private static void expectFile(
      JsonPath job, int position, String name, String state, String agency, int year) {
    Map<String, Object> file = Archives.file(job, position);
    assertThat(file.get("name")).isEqualTo(name);
    assertThat(file.get("state")).as(job.prettify()).isEqualTo(state);
    assertThat(file.get("agency")).isEqualTo(agency);
    assertThat(file.get("year")).isEqualTo(year);
  }

  private static void expectPublished(String agency, int year, String publishedOn) {
    given()
        .get("/api/v1/agencies/" + agency + "/reports/" + year)
        .then()
        .statusCode(200)
        .body("report.publishedOn", equalTo(publishedOn));
  }

  private static void expectSameTables(String agency, int year, byte[] file, String mediaType) {
    JsonPath read =
        given()
            .config(
                RestAssured.config()
                    .encoderConfig(
                        EncoderConfig.encoderConfig()
                            .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
            .contentType(mediaType)
            .body(file)
            .post("/api/v1/imports")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    JsonPath stored =
        given().get("/api/v1/agencies/" + agency + "/reports/" + year).then().extract().jsonPath();
    for (String table : List.of("activeDisclosure", "requests", "reviews")) {
      assertThat(stored.getMap("report." + table))
          .as(table)
          .isEqualTo(read.getMap("report." + table));
    }
  }
}
