package org.disclosurehub.backfill;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.adminToken;
import static org.disclosurehub.Fixtures.registerNamed;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.disclosurehub.pages.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The job's page in Debian's headless Chromium with JavaScript off: a person sees the file that
 * waits and why, chooses its agency with a plain form, and the page shows the job finished.
 */
@QuarkusTest
class ImportJobPageBrowserTest {
  @TestHTTPResource("/")
  URL base;

  @Test
  void shouldLetAPersonDecideAWaitingFileWithoutJavaScript() throws Exception {
    String chosen = registerNamed("430423", "衡山县水务局");
    registerNamed("430424", "衡东县水务局");
    long job =
        Archives.post("430400", Archives.zipInGbk(Map.of("水务局.txt", ImportJobTest.seed("水务局"))));
    Archives.settled(job);

    ChromeDriver browser = Browser.startWithoutJavaScript();
    try {
      browser.get(base + "import-jobs/" + job);
      assertThat(browser.findElement(By.id("state")).getAttribute("data-state"))
          .isEqualTo("waiting");
      assertThat(browser.findElements(By.cssSelector("meta[http-equiv=refresh]"))).isEmpty();
      WebElement row = browser.findElement(By.cssSelector("#waiting tr[data-file='1']"));
      assertThat(row.getAttribute("data-reason")).isEqualTo("agency-ambiguous");
      assertThat(row.getText()).contains("名称可对应多个机关").contains("水务局（title）");
      assertThat(browser.findElement(By.cssSelector("[data-figure=waiting]")).getText())
          .isEqualTo("1");

      // A wrong token changes nothing.
      row.findElement(By.name("token")).sendKeys("not-a-token");
      new Select(row.findElement(By.name("agency"))).selectByValue(chosen);
      Browser.submit(browser, row.findElement(By.cssSelector("button[value='']")));
      assertThat(browser.findElement(By.tagName("h1")).getText())
          .isEqualTo("Bearer token not valid");
      // A page of the site, with the way back to the job.
      assertThat(browser.findElement(By.cssSelector("main a[href='/import-jobs/" + job + "']")))
          .isNotNull();
      given().get("/api/v1/import-jobs/" + job).then().statusCode(200);
      assertThat(Archives.settled(job).getString("files[0].state")).isEqualTo("waiting");

      browser.get(base + "import-jobs/" + job);
      row = browser.findElement(By.cssSelector("#waiting tr[data-file='1']"));
      row.findElement(By.name("token")).sendKeys(adminToken());
      new Select(row.findElement(By.name("agency"))).selectByValue(chosen);
      Browser.submit(browser, row.findElement(By.cssSelector("button[value='']")));
      // The page refreshes itself (meta refresh) while the file is read again.
      new WebDriverWait(browser, Duration.ofSeconds(60))
          .until(
              b -> {
                b.navigate().refresh();
                return b.findElement(By.id("state")).getAttribute("data-state").equals("finished");
              });
      assertThat(browser.findElement(By.cssSelector("[data-figure=stored]")).getText())
          .isEqualTo("1");
      assertThat(browser.findElement(By.id("no-waiting")).getText()).isEqualTo("没有等待决定的文件。");
    } finally {
      browser.quit();
    }
    assertThat(Archives.settled(job).getString("files[0].agency")).isEqualTo(chosen);
  }

  @Test
  void shouldShowAWaitingFilesSourceNextToWhatWasRead() throws Exception {
    registerNamed("430482", "常宁市应急管理局");
    String seed = new String(ImportJobTest.seed("常宁市应急管理局"), StandardCharsets.UTF_8);
    List<String> lines = seed.lines().toList();
    String penalties = lines.stream().filter(l -> l.startsWith("行政处罚")).findFirst().orElseThrow();
    String partial = seed.replace(penalties, "行政处罚\t很多");
    int licensing =
        1
            + lines.indexOf(
                lines.stream().filter(l -> l.startsWith("行政许可")).findFirst().orElseThrow());
    int unread = 1 + lines.indexOf(penalties);
    long job =
        Archives.post(
            "430482",
            Archives.zipInGbk(Map.of("应急管理局.txt", partial.getBytes(StandardCharsets.UTF_8))));
    Archives.settled(job);

    ChromeDriver browser = Browser.startWithoutJavaScript();
    try {
      browser.get(base + "import-jobs/" + job);
      browser.findElement(By.cssSelector("#waiting tr[data-file='1'] a.side-by-side")).click();
      assertThat(browser.getCurrentUrl()).endsWith("/import-jobs/" + job + "/files/1");
      assertThat(browser.findElement(By.id("file-state")).getAttribute("data-reason"))
          .isEqualTo("partial");
      assertThat(browser.findElement(By.id("missing")).getText())
          .contains("/activeDisclosure/penalties");

      // The source, numbered as the importer read it: the line a value came from is marked.
      WebElement source = browser.findElement(By.id("L" + licensing));
      assertThat(source.getText()).startsWith("行政许可");
      assertThat(source.getAttribute("class")).isEqualTo("read");
      WebElement notRead = browser.findElement(By.id("L" + unread));
      assertThat(notRead.getText()).startsWith("行政处罚").contains("很多");
      assertThat(notRead.getAttribute("class")).isNullOrEmpty();

      // Next to it, each value with its cell and where it was read; the link leads to the line.
      WebElement cell =
          browser.findElement(
              By.cssSelector("#cells tr[data-pointer='/activeDisclosure/licensing']"));
      assertThat(cell.getText()).contains("第 " + licensing + " 行");
      assertThat(browser.findElements(By.cssSelector("#cells tbody tr")).size()).isGreaterThan(50);
      cell.findElement(By.tagName("a")).click();
      assertThat(browser.getCurrentUrl()).endsWith("#L" + licensing);
      // Side by side: the cells' column starts to the right of the source's.
      assertThat(browser.findElement(By.id("cells")).getLocation().getX())
          .isGreaterThan(source.getLocation().getX() + source.getSize().getWidth() / 2);
    } finally {
      browser.quit();
    }
    given().get("/import-jobs/" + job + "/files/9").then().statusCode(404).contentType("text/html");
  }

  @Test
  void shouldAnswerAnUnknownJobWithAPage() {
    given().get("/import-jobs/99999999").then().statusCode(404).contentType("text/html");
  }
}
