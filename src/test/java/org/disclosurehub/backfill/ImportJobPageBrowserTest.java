package org.disclosurehub.backfill;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.adminToken;
import static org.disclosurehub.Fixtures.registerNamed;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
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
    String xiji = registerNamed("640422", "西吉县水务局");
    registerNamed("640425", "彭阳县水务局");
    long job =
        Archives.post("640400", Archives.zipInGbk(Map.of("水务局.txt", ImportJobTest.seed("水务局"))));
    Archives.settled(job);

    ChromeDriver browser = start();
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
      new Select(row.findElement(By.name("agency"))).selectByValue(xiji);
      row.findElement(By.cssSelector("button[value='']")).click();
      assertThat(browser.findElement(By.tagName("h1")).getText())
          .isEqualTo("Bearer token not valid");
      given().get("/api/v1/import-jobs/" + job).then().statusCode(200);
      assertThat(Archives.settled(job).getString("files[0].state")).isEqualTo("waiting");

      browser.get(base + "import-jobs/" + job);
      row = browser.findElement(By.cssSelector("#waiting tr[data-file='1']"));
      row.findElement(By.name("token")).sendKeys(adminToken());
      new Select(row.findElement(By.name("agency"))).selectByValue(xiji);
      row.findElement(By.cssSelector("button[value='']")).click();
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
    assertThat(Archives.settled(job).getString("files[0].agency")).isEqualTo(xiji);
  }

  @Test
  void shouldAnswerAnUnknownJobWithAPage() {
    given().get("/import-jobs/99999999").then().statusCode(404).contentType("text/html");
  }

  private static ChromeDriver start() throws Exception {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--lang=zh-CN",
        "--blink-settings=scriptEnabled=false",
        "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                new File(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver")))
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }
}
