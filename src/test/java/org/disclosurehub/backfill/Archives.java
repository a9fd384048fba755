package org.disclosurehub.backfill;

import static io.restassured.RestAssured.given;
import static org.disclosurehub.Fixtures.admin;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Archives as agencies' websites are saved on a Windows machine in China, and jobs run to the end.
 */
public final class Archives {
  static final Charset GBK = Charset.forName("GBK");

  private Archives() {}

  /** A ZIP whose entry names are written in GBK without the UTF-8 flag, as Windows writes them. */
  public static byte[] zipInGbk(Map<String, byte[]> files) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, GBK)) {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(file.getKey()));
        zip.write(file.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static Map<String, byte[]> files() {
    return new LinkedHashMap<>();
  }

  static byte[] resource(String path) {
    try {
      return Files.readAllBytes(Path.of(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Posts the archive for the division (as admin) and answers the job's id. */
  public static long post(String division, byte[] archive) {
    String location =
        admin()
            .contentType("application/zip")
            .body(archive)
            .post("/api/v1/import-jobs?division=" + division)
            .then()
            .statusCode(202)
            .extract()
            .header("Location");
    return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
  }

  /** The job once no file of it is queued any more. */
  public static JsonPath settled(long job) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (true) {
      JsonPath view =
          given().get("/api/v1/import-jobs/" + job).then().statusCode(200).extract().jsonPath();
      if (!view.getString("state").equals("running")) {
        return view;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("job " + job + " still running: " + view.prettify());
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** The file at a position of the job's listing. */
  public static Map<String, Object> file(JsonPath job, int position) {
    return job.getMap("files.find { it.file == " + position + " }");
  }

  static void expectState(long job, String state) {
    given().get("/api/v1/import-jobs/" + job).then().body("state", equalTo(state));
  }
}
