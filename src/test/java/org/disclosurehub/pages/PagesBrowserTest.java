package org.disclosurehub.pages;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.at;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.newAgencyCode;
import static org.disclosurehub.Fixtures.reportPath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in a real browser (Debian's headless Chromium): a person finds 成都市, reads its year,
 * filters the agencies, and follows one to its report. The figures shown must be the API's.
 */
@QuarkusTest
class PagesBrowserTest {
  private static final int YEAR = 2023;
  private static final String CITY = "510100";
  private static ChromeDriver browser;
  private static Agencies agencies;

  @TestHTTPResource("/")
  URL base;

  /** 成都市's agencies for the test: one of each kind a page tells apart. */
  record Agencies(String onTime, String late, String inconsistent, String missing) {}

  @BeforeEach
  void fixtureAndBrowser() {
    if (agencies == null) {
      String onTime = register(CITY, "成都市自然资源局", 2022);
      submit(onTime, 2022, scaled(1, "2023-01-18"), false);
      submit(onTime, YEAR, scaled(2, "2024-01-20"), false);
      String late = register("510104", "锦江区民政局", YEAR);
      submit(late, YEAR, scaled(1, "2024-03-05"), false);
      String inconsistent = register("510105", "青羊区司法局", YEAR);
      ObjectNode broken = scaled(3, "2024-01-25");
      ObjectNode newlyReceived = at(broken, "/requests/newlyReceived");
      newlyReceived.put("naturalPerson", newlyReceived.get("naturalPerson").intValue() + 1);
      newlyReceived.put("total", newlyReceived.get("total").intValue() + 1);
      submit(inconsistent, YEAR, broken, true);
      String missing = register("510105", "青羊区统计局", YEAR);
      agencies = new Agencies(onTime, late, inconsistent, missing);
    }
    if (browser == null) {
      browser = Browser.start();
    }
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.quit();
      browser = null;
    }
  }

  @Test
  void shouldFindARegionByNameAndShowItsYearAsTheApiSumsIt() {
    browser.get(base + "?year=" + YEAR);
    browser.findElement(By.id("q")).sendKeys("成都");
    browser.findElement(By.cssSelector("form.search button")).click();

    // The click starts a navigation; the page is read once it has arrived.
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(d -> d.getCurrentUrl().endsWith("/regions/" + CITY + "/" + YEAR));
    assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("成都市");
    JsonPath rollup =
        given()
            .get("/api/v1/regions/" + CITY + "/rollups/" + YEAR)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(figure(0)).isEqualTo(grouped(rollup.getLong("requests.newlyReceived.total")) + " 件");
    assertThat(figure(1))
        .isEqualTo(grouped(rollup.getLong("requests.outcomes.total.total")) + " 件");
    assertThat(count("expected")).isEqualTo(rollup.getInt("completeness.expected"));
    assertThat(count("reported")).isEqualTo(rollup.getInt("completeness.reported"));
    assertThat(count("late")).isEqualTo(rollup.getInt("completeness.late"));
    assertThat(count("missing")).isEqualTo(rollup.getList("completeness.missing").size());
    assertThat(texts("ul.missing a")).containsExactly("青羊区统计局");
    assertThat(texts("ul.late a")).containsExactly("锦江区民政局");
    assertThat(texts("table.findings td:first-child a")).contains("青羊区司法局");
    // Rules by their Chinese names; the id only as data.
    assertThat(texts("table.findings td:nth-child(2)")).contains("勾稽关系（一＋二＝三＋四）");
    assertThat(
            browser.findElements(By.cssSelector("table.findings td[data-rule]")).stream()
                .map(td -> td.getAttribute("data-rule")))
        .contains("BALANCE");
    assertThat(browser.findElement(By.id("findings")).findElement(By.xpath("..")).getText())
        .doesNotContain("BALANCE", "CARRY_OVER");
    // The trend starts at the first year an agency of the city was expected: no "0/0" before it.
    assertThat(texts("table.trend td:nth-child(2)")).isNotEmpty().doesNotContain("0/0");
    assertThat(texts("table.subregions th a")).contains("锦江区", "青羊区");

    WebElement chart = browser.findElement(By.cssSelector("figure.chart svg"));
    assertThat(chart.getSize().getWidth()).isGreaterThan(300);
    assertThat(browser.findElements(By.cssSelector("figure.chart polyline.series"))).isNotEmpty();
    Browser.screenshot(browser, "region");
  }

  @Test
  void shouldFilterAndSortTheAgenciesAndFollowOneToItsReport() {
    browser.get(base + "regions/" + CITY + "/" + YEAR);
    assertThat(rows()).hasSize(4);

    browser.findElement(By.cssSelector(".filters a[data-filter=late]")).click();
    assertThat(rows()).containsExactly(agencies.late());
    browser.findElement(By.cssSelector(".filters a[data-filter=missing]")).click();
    assertThat(rows()).containsExactly(agencies.missing());
    browser.findElement(By.cssSelector(".filters a[data-filter=inconsistent]")).click();
    assertThat(rows()).containsExactly(agencies.inconsistent());
    browser.findElement(By.cssSelector(".filters a[data-filter=all]")).click();
    browser.findElement(By.linkText("新收申请")).click(); // ascending: the missing one first
    browser.findElement(By.linkText("新收申请")).click(); // descending
    assertThat(rows().get(0)).isEqualTo(agencies.inconsistent());

    browser.findElement(By.cssSelector("tr[data-agency='" + agencies.onTime() + "'] th a")).click();
    assertThat(browser.getCurrentUrl()).endsWith("/agencies/" + agencies.onTime() + "/" + YEAR);
    assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("成都市自然资源局");
    JsonPath report =
        given()
            .get(reportPath(agencies.onTime(), YEAR))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(browser.findElement(By.cssSelector("dd[data-revision]")).getText())
        .isEqualTo("第 " + report.getInt("revision") + " 版");
    assertThat(browser.findElement(By.cssSelector("dd.digest")).getText())
        .isEqualTo(report.getString("contentSha256"));
    assertThat(browser.findElements(By.cssSelector("table.form"))).hasSize(3);
    assertThat(browser.findElement(By.cssSelector("section.tables")).getText())
        .contains(Long.toString(report.getLong("report.requests.newlyReceived.total")));
    assertThat(texts("table.history th a")).containsExactly("1");
    // Times in Beijing time for people, the instant kept in datetime.
    String stored = report.getString("submittedAt");
    String beijing =
        java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
                .withZone(java.time.ZoneId.of("Asia/Shanghai"))
                .format(java.time.Instant.parse(stored))
            + "（北京时间）";
    assertThat(texts("dl.revision time")).containsExactly(beijing, "2024年1月20日"); // 发布日期
    assertThat(texts("table.history time")).containsExactly(beijing);
    assertThat(browser.findElement(By.cssSelector("dl.revision time")).getAttribute("datetime"))
        .isEqualTo(stored);
    Browser.screenshot(browser, "agency");

    browser.findElement(By.linkText("上一年度")).click();
    assertThat(browser.getCurrentUrl()).endsWith("/agencies/" + agencies.onTime() + "/2022");
    browser.findElement(By.cssSelector(".breadcrumbs a:last-child")).click();
    assertThat(browser.getCurrentUrl()).endsWith("/regions/" + CITY + "/2022");
  }

  @Test
  void shouldAnswerAPageAgainWith304AndABadParameterWithAPage() {
    var page =
        given()
            .get("/regions/" + CITY + "/" + YEAR)
            .then()
            .statusCode(200)
            .contentType("text/html")
            .extract();
    String tag = page.header("ETag");
    assertThat(tag).isNotBlank();
    // The tag and the date are set as text kept with the tag: one ETag, on the 304 too.
    var notModified =
        given()
            .header("If-None-Match", tag)
            .get("/regions/" + CITY + "/" + YEAR)
            .then()
            .statusCode(304)
            .extract();
    assertThat(notModified.headers().getValues("ETag")).containsExactly(tag);
    assertThat(notModified.header("Last-Modified"))
        .isEqualTo(page.header("Last-Modified"))
        .endsWith(" GMT");
    String agencyTag =
        given()
            .get("/agencies/" + agencies.onTime() + "/" + YEAR)
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    given()
        .header("If-None-Match", agencyTag)
        .get("/agencies/" + agencies.onTime() + "/" + YEAR)
        .then()
        .statusCode(304);

    browser.get(base + "regions/" + CITY + "/" + YEAR + "?filter=nonsense");
    assertThat(browser.findElement(By.cssSelector("p.problem")).getAttribute("data-status"))
        .isEqualTo("400");
    browser.get(base + "regions/999999/" + YEAR);
    assertThat(browser.findElement(By.cssSelector("p.problem")).getAttribute("data-status"))
        .isEqualTo("404");
  }

  /**
   * Every kind of page people read, the pages and the documents, passes axe-core's WCAG 2.1 A and
   * AA rules as the browser shows it and html-validate's recommended rules as served.
   */
  @Test
  void shouldPassAxeCoreAndHtmlValidateOnEveryKindOfPage() {
    Map<String, String> pages = new java.util.LinkedHashMap<>();
    pages.put("home", "?year=" + YEAR);
    pages.put("home-found", "?q=区&year=" + YEAR); // many regions
    pages.put("region", "regions/" + CITY + "/" + YEAR);
    pages.put("region-late", "regions/" + CITY + "/" + YEAR + "?filter=late&sort=-newlyReceived");
    pages.put("region-own", "regions/" + CITY + "/" + YEAR + "?scope=own");
    pages.put("agency", "agencies/" + agencies.inconsistent() + "/" + YEAR);
    pages.put("agency-absent", "agencies/" + agencies.missing() + "/" + YEAR);
    pages.put("problem", "regions/999999/" + YEAR);
    pages.put("region-document", "api/v1/regions/" + CITY + "/annual-report/" + YEAR);
    pages.put("agency-document", reportPath(agencies.inconsistent(), YEAR).substring(1));
    Map<String, String> served = new java.util.LinkedHashMap<>();
    List<String> axe = new java.util.ArrayList<>();
    pages.forEach(
        (name, path) -> {
          served.put(name, given().accept("text/html").get("/" + path).then().extract().asString());
          browser.get(base + path);
          PageChecks.axe(browser).forEach(v -> axe.add(name + " " + v));
        });
    // The consolidated tables mark the cells the inconsistent report (kept with
    // acceptInconsistent) makes disagree, and say why under the table.
    List<String> broken =
        given()
            .get(reportPath(agencies.inconsistent(), YEAR))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("violations.path");
    browser.get(base + pages.get("region-document"));
    assertThat(
            browser.findElements(By.cssSelector("table.form td.inconsistent")).stream()
                .map(td -> td.getAttribute("data-pointer"))
                .toList())
        .isNotEmpty()
        .containsAll(broken);
    assertThat(texts("p.inconsistent-note")).allMatch(note -> note.contains("接受不一致"));
    assertThat(served.get("home-found")).contains("<ul class=\"found\">");
    List<String> htmlValidate = PageChecks.htmlValidate(served);
    System.out.println("axe-core: " + axe.size() + " violations");
    axe.forEach(System.out::println);
    System.out.println("html-validate: " + htmlValidate.size() + " messages");
    htmlValidate.forEach(System.out::println);
    assertThat(axe).as("axe-core violations").isEmpty();
    assertThat(htmlValidate).as("html-validate messages").isEmpty();
  }

  private static String figure(int index) {
    return browser
        .findElement(By.cssSelector(".figure[data-figure='" + index + "'] dd.value"))
        .getText();
  }

  private static int count(String name) {
    return Integer.parseInt(
        browser.findElement(By.cssSelector("td[data-count=" + name + "]")).getText());
  }

  private static List<String> texts(String css) {
    return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
  }

  private static List<String> rows() {
    return browser.findElements(By.cssSelector("#agency-table tbody tr")).stream()
        .map(row -> row.getAttribute("data-agency"))
        .toList();
  }

  private static String grouped(long value) {
    return String.format("%,d", value);
  }

  private static String register(String division, String name, int activeFrom) {
    String code = newAgencyCode("page");
    admin()
        .contentType("application/json")
        .body(
            Map.of("code", code, "name", name, "divisionCode", division, "activeFrom", activeFrom))
        .post("/api/v1/agencies")
        .then()
        .statusCode(201);
    return code;
  }

  private static void submit(String agency, int year, ObjectNode report, boolean inconsistent) {
    admin()
        .contentType("application/json")
        .queryParam("acceptInconsistent", inconsistent)
        .body(report.toString())
        .put(reportPath(agency, year))
        .then()
        .statusCode(201);
  }

  /** The busy bureau's report with every count multiplied (the rules still hold). */
  private static ObjectNode scaled(int factor, String publishedOn) {
    ObjectNode report = naturalResources2024();
    report.put("publishedOn", publishedOn);
    multiply(report.get("requests"), factor);
    multiply(report.get("reviews"), factor);
    return report;
  }

  private static void multiply(JsonNode node, int factor) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (field.getValue().isInt()) {
        ((ObjectNode) node).put(field.getKey(), field.getValue().intValue() * factor);
      } else if (field.getValue().isObject()) {
        multiply(field.getValue(), factor);
      }
    }
  }
}
