package org.disclosurehub.pages;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver. Both paths are given, so Selenium
 * never looks for (or downloads) a browser or driver of its own.
 */
public final class Browser {
  static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
  static final String CHROMEDRIVER =
      System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");

  private Browser() {}

  /** Starts a browser; {@code extraArguments} are added to Chromium's command line. */
  public static ChromeDriver start(String... extraArguments) {
    try {
      Path profile = Files.createTempDirectory("chromium-profile");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM);
      options.addArguments(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-dev-shm-usage",
          "--window-size=1280,2000",
          "--lang=zh-CN",
          "--user-data-dir=" + profile);
      options.addArguments(extraArguments);
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(new File(CHROMEDRIVER))
              .usingAnyFreePort()
              .build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
      return driver;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Chromium with JavaScript off, to show a page works as plain HTML forms and links. */
  public static ChromeDriver startWithoutJavaScript() {
    return start("--blink-settings=scriptEnabled=false");
  }

  /**
   * Submits a form and waits until the page it leads to has replaced this one: a click starts the
   * navigation but need not wait for it.
   */
  public static void submit(ChromeDriver driver, WebElement button) {
    WebElement page = driver.findElement(By.tagName("html"));
    button.click();
    // Gone: stale, or (Chromium, mid-navigation) a node of a document no longer there.
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(
            d -> {
              try {
                page.isEnabled();
                return false;
              } catch (WebDriverException gone) {
                return true;
              }
            });
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(d -> d.findElements(By.tagName("footer")).size() == 1);
  }

  /** Saves what the browser shows under target/screenshots/. */
  public static void screenshot(ChromeDriver driver, String name) {
    try {
      Path dir = Path.of("target", "screenshots");
      Files.createDirectories(dir);
      Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
