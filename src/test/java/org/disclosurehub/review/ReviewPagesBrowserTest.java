package org.disclosurehub.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.disclosurehub.Fixtures.as;
import static org.disclosurehub.Fixtures.issueToken;
import static org.disclosurehub.Fixtures.naturalResources2024;
import static org.disclosurehub.Fixtures.reportPath;
import static org.disclosurehub.review.ReviewFixture.agency;
import static org.disclosurehub.review.ReviewFixture.jumping2023;
import static org.disclosurehub.review.ReviewFixture.reviewer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.disclosurehub.Fixtures;
import org.disclosurehub.pages.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The cycle in a real browser, without script: from the region page to the notice, the reviewer's
 * queue, a return with a comment on a cell, the agency's view of it, acceptance, a correction after
 * acceptance, an explained and confirmed warning; the notice names every agency's state. Agencies
 * file through the API, as they do.
 */
@QuarkusTest
class ReviewPagesBrowserTest {
  private static final String CITY = "430300";
  private static final int YEAR = 2024;
  private static ChromeDriver browser;

  @TestHTTPResource("/")
  URL base;

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.quit();
      browser = null;
    }
  }

  @Test
  void shouldRunTheCycleThroughThePages() {
    String bureau = agency("430302", "金昌市金川区自然资源局");
    String merged = agency("430302", "金昌市金川区农机局");
    String silent = agency("430302", "金昌市金川区档案局");
    String bureauToken = issueToken(bureau);
    String reviewer = reviewer(CITY);
    as(reviewer)
        .contentType("application/json")
        .body(
            Map.of(
                "expected",
                false,
                "cause",
                "merged",
                "mergedInto",
                bureau,
                "reason",
                "机构改革并入区自然资源局"))
        .post("/api/v1/agencies/" + merged + "/roster/" + YEAR)
        .then()
        .statusCode(201);
    admin()
        .contentType("application/json")
        .body(jumping2023().toString())
        .put(reportPath(bureau, 2023))
        .then()
        .statusCode(201);
    ObjectNode report = naturalResources2024();
    file(bureauToken, bureau, report);
    // The merged bureau files anyway, and late: kept, but counted nowhere in the region's figures.
    ObjectNode filedAnyway = Fixtures.distinctCells2024();
    filedAnyway.put("publishedOn", "2025-03-01");
    file(issueToken(merged), merged, filedAnyway);
    browser = Browser.start();

    // From the region page to the notice: the bureau waits for review, the archive is missing.
    browser.get(base + "regions/" + CITY + "/" + YEAR);
    assertThat(browser.findElement(By.cssSelector("[data-count='reported']")).getText())
        .isEqualTo("1");
    assertThat(browser.findElement(By.cssSelector("[data-count='late']")).getText()).isEqualTo("0");
    browser.findElement(By.id("inspection-link")).click();
    assertThat(browser.getTitle()).contains("年报质量检查情况通报");
    assertThat(row(silent, "[data-timeliness]")).isEqualTo("未报送");
    assertThat(row(bureau, "[data-state]")).isEqualTo("待审核");
    assertThat(
            browser
                .findElement(By.cssSelector("tr[data-agency='" + merged + "'] [data-roster]"))
                .getText())
        .contains("已合并")
        .contains(bureau);
    assertThat(row(merged, "[data-timeliness]")).isEqualTo("已报送，不计入本地区统计");
    assertThat(
            browser
                .findElements(By.cssSelector("#agencies ~ table tbody tr"))
                .get(0)
                .getAttribute("data-agency"))
        .isEqualTo(silent);

    // The queue, then the review page: return with a comment on a cell.
    browser.get(base + "review/" + CITY + "/" + YEAR);
    browser
        .findElement(By.cssSelector("#to-review-list li[data-agency='" + bureau + "'] a"))
        .click();
    WebElement returning = browser.findElement(By.id("return-form"));
    returning.findElement(By.name("reason")).sendKeys("结转数据需核实");
    new Select(returning.findElements(By.name("cell")).get(0))
        .selectByValue("/requests/carriedForward/naturalPerson");
    returning.findElements(By.name("comment")).get(0).sendKeys("结转下年度自然人数据与台账不符");
    returning.findElement(By.name("token")).sendKeys(reviewer);
    submit(returning.findElement(By.cssSelector("button[value='returned']")));
    assertThat(browser.findElement(By.id("state")).getAttribute("data-state"))
        .isEqualTo("returned");
    assertThat(
            browser
                .findElement(
                    By.cssSelector(
                        "#remarks-table tr[data-cell='/requests/carriedForward/naturalPerson'] .comment"))
                .getText())
        .isEqualTo("结转下年度自然人数据与台账不符");

    // What the agency sees it was asked.
    browser.get(base + "review/agencies/" + bureau + "/" + YEAR + "/asked");
    assertThat(browser.findElement(By.id("asked-list")).getText()).contains("结转下年度自然人数据与台账不符");

    // A wrong token changes nothing and says why.
    browser.get(base + "review/agencies/" + bureau + "/" + YEAR);
    WebElement accepting = browser.findElement(By.id("accept-form"));
    accepting.findElement(By.name("token")).sendKeys(bureauToken);
    submit(accepting.findElement(By.cssSelector("button[value='accepted']")));
    assertThat(browser.findElement(By.id("problem")).getAttribute("data-status")).isEqualTo("403");

    // Corrected through the API; accepted on the page.
    Fixtures.at(report, "/activeDisclosure").put("penalties", 88);
    file(bureauToken, bureau, report);
    browser.get(base + "review/agencies/" + bureau + "/" + YEAR);
    accept(reviewer);
    assertThat(browser.findElement(By.id("state")).getAttribute("data-state"))
        .isEqualTo("accepted");

    // Corrected after acceptance: in the queue's "changed" list, the cell marked.
    Fixtures.at(report, "/activeDisclosure").put("penalties", 90);
    file(bureauToken, bureau, report);
    browser.get(base + "review/" + CITY + "/" + YEAR);
    browser.findElement(By.cssSelector("#changed-list li[data-agency='" + bureau + "'] a")).click();
    assertThat(
            browser
                .findElement(
                    By.cssSelector("#remarks-table tr[data-cell='/activeDisclosure/penalties']"))
                .getText())
        .contains("已修改");

    // The YEAR_JUMP explained by the agency, confirmed by the reviewer; then accepted.
    warningForm().findElement(By.name("reason")).sendKeys("承接下放审批事项，许可决定大幅增加");
    warningForm().findElement(By.name("token")).sendKeys(bureauToken);
    submit(warningForm().findElement(By.cssSelector("button[value='explained']")));
    assertThat(warningStatus()).isEqualTo("explained");
    warningForm().findElement(By.name("token")).sendKeys(reviewer);
    submit(warningForm().findElement(By.cssSelector("button[value='confirmed']")));
    assertThat(warningStatus()).isEqualTo("confirmed");
    accept(reviewer);
    assertThat(browser.findElement(By.id("state")).getAttribute("data-state"))
        .isEqualTo("accepted");
    assertThat(
            browser.findElements(By.cssSelector("#history-table tbody tr")).stream()
                .map(r -> r.getAttribute("data-kind"))
                .toList())
        .isEqualTo(
            List.of(
                "filed",
                "returned",
                "filed",
                "accepted",
                "filed",
                "explained",
                "confirmed",
                "accepted"));

    // The notice: every agency with its state.
    browser.get(base + "api/v1/regions/" + CITY + "/inspection/" + YEAR);
    assertThat(row(bureau, "[data-state]")).isEqualTo("已通过");
    assertThat(row(bureau, "[data-timeliness]")).isEqualTo("按时");
    assertThat(row(silent, "[data-state]")).isEqualTo("未报送");
    assertThat(browser.findElement(By.cssSelector("[data-figure='expected']")).getText())
        .isEqualTo("2");
    assertThat(browser.findElement(By.cssSelector("[data-figure='missing']")).getText())
        .isEqualTo("1");
    assertThat(browser.findElement(By.cssSelector("[data-figure='filed']")).getText())
        .isEqualTo("1");
    assertThat(browser.findElement(By.cssSelector("[data-figure='late']")).getText())
        .isEqualTo("0");
    assertThat(row(merged, "[data-timeliness]")).isEqualTo("已报送，不计入本地区统计");
    assertThat(browser.findElement(By.cssSelector("[data-figure='accepted']")).getText())
        .isEqualTo("1");
    Browser.screenshot(browser, "inspection-notice");
    given()
        .get("/api/v1/regions/" + CITY + "/inspection/" + YEAR + "?format=xlsx")
        .then()
        .statusCode(200)
        .contentType(InspectionWorkbook.MEDIA_TYPE);
  }

  private void accept(String token) {
    WebElement form = browser.findElement(By.id("accept-form"));
    form.findElement(By.name("token")).sendKeys(token);
    submit(form.findElement(By.cssSelector("button[value='accepted']")));
  }

  private static void submit(WebElement button) {
    Browser.submit(browser, button);
  }

  private static WebElement warningForm() {
    return browser.findElement(
        By.cssSelector(
            "div.warning[data-rule='YEAR_JUMP'][data-path='/activeDisclosure/licensing'] form"));
  }

  private static String warningStatus() {
    return browser
        .findElement(
            By.cssSelector(
                "div.warning[data-rule='YEAR_JUMP'][data-path='/activeDisclosure/licensing'] .status"))
        .getAttribute("data-status");
  }

  private static String row(String agency, String cell) {
    return browser
        .findElement(By.cssSelector("tr[data-agency='" + agency + "'] " + cell))
        .getText();
  }

  private static void file(String token, String agency, ObjectNode report) {
    as(token)
        .contentType("application/json")
        .body(report.toString())
        .put(reportPath(agency, YEAR))
        .then()
        .statusCode(
            org.hamcrest.Matchers.anyOf(
                org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));
  }
}
