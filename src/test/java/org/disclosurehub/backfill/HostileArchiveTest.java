package org.disclosurehub.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosurehub.Fixtures.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;

/** Archives built to hurt: each is refused whole with a problem, and not a row of it is kept. */
@QuarkusTest
class HostileArchiveTest {
  private static final byte[] REPORT = ImportJobTest.seed("中卫市民政局");

  @Inject AgroalDataSource database;

  @Test
  void shouldRefuseNamesThatClimbOutOfTheArchive() throws Exception {
    refused(zip(Map.of("ok.txt", REPORT, "../../etc/cron.d/report.txt", REPORT)), "'..'");
    refused(zip(Map.of("/etc/report.txt", REPORT)), "absolute path");
    refused(zip(Map.of("C:\\Windows\\report.txt", REPORT)), "absolute path");
  }

  @Test
  void shouldRefuseNestedArchivesByNameAndByContent() throws Exception {
    byte[] inner = zip(Map.of("a.txt", REPORT));
    refused(zip(Map.of("2024.zip", inner)), "archive itself");
    refused(zip(Map.of("2024.rar", REPORT)), "archive itself");
    refused(zip(Map.of("report.html", inner)), "archive itself");
  }

  @Test
  void shouldRefuseEncryptedEntries() throws Exception {
    // Commons Compress writes no encrypted entry: the flag (bit 0) is set in both headers, as a
    // ZipCrypto archive has it; no password would help the service read it.
    byte[] archive = zip(Map.of("secret.txt", REPORT));
    for (int i = 0; i + 4 < archive.length; i++) {
      if (archive[i] == 'P' && archive[i + 1] == 'K') {
        if (archive[i + 2] == 3 && archive[i + 3] == 4) {
          archive[i + 6] |= 1;
        } else if (archive[i + 2] == 1 && archive[i + 3] == 2) {
          archive[i + 8] |= 1;
        }
      }
    }
    refused(archive, "encrypted");
  }

  @Test
  void shouldRefuseAZipBomb() throws Exception {
    // 40 MB of zeros deflate to about 40 KB: a thousand to one.
    refused(zip(Map.of("report.txt", REPORT, "bomb.txt", new byte[40_000_000])), "ZIP bomb");
  }

  @Test
  void shouldRefuseTooManyEntries() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
      for (int i = 0; i <= 20_000; i++) {
        zip.putArchiveEntry(new ZipArchiveEntry("d/" + i + ".txt"));
        zip.closeArchiveEntry();
      }
    }
    refused(bytes.toByteArray(), "20001 entries");
  }

  @Test
  void shouldRefuseWhatIsNotAZipOrHoldsNothing() throws Exception {
    refused("这不是压缩文件".getBytes(StandardCharsets.UTF_8), "not a ZIP");
    refused(zip(Map.of("__MACOSX/._a.txt", new byte[] {1})), "no file");
  }

  @Test
  void shouldRefuseAnArchiveOverTheLimitWhileItStreams() throws Exception {
    long before = rows();
    byte[] chunk = new byte[1 << 20];
    InputStream endless =
        new InputStream() {
          private long sent;

          @Override
          public int read() {
            return sent++ < 21_000_000 ? 0 : -1;
          }

          @Override
          public int read(byte[] b, int off, int len) {
            if (sent >= 21_000_000) {
              return -1;
            }
            int n = (int) Math.min(len, 21_000_000 - sent);
            System.arraycopy(chunk, 0, b, off, n);
            sent += n;
            return n;
          }
        };
    admin()
        .contentType("application/zip")
        .body(endless)
        .post("/api/v1/import-jobs?division=640500")
        .then()
        .statusCode(413)
        .body("type", equalTo("/problems/payload-too-large"));
    assertThat(rows()).isEqualTo(before);
  }

  private void refused(byte[] archive, String why) throws SQLException {
    long before = rows();
    admin()
        .contentType("application/zip")
        .body(archive)
        .post("/api/v1/import-jobs?division=640500")
        .then()
        .statusCode(422)
        .body("type", equalTo("/problems/archive-refused"))
        .body("detail", containsString(why))
        .body("detail", containsString("nothing was stored"));
    assertThat(rows()).as("rows of jobs and files").isEqualTo(before);
  }

  /** Jobs and files kept, counted in the database itself. */
  private long rows() throws SQLException {
    try (Connection c = database.getConnection();
        ResultSet r =
            c.createStatement()
                .executeQuery(
                    "select (select count(*) from import_job)"
                        + " + (select count(*) from import_job_file)")) {
      r.next();
      return r.getLong(1);
    }
  }

  private static byte[] zip(Map<String, byte[]> files) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        zip.putArchiveEntry(new ZipArchiveEntry(file.getKey()));
        zip.write(file.getValue());
        zip.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }
}
