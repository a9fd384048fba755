package org.disclosurehub.opendata;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.disclosurehub.rollup.ReportExports;

/**
 * The bulk files of an edition (a year, or every year), kept on disk under the version of the data
 * they hold: made once per change of that data by streaming the database through gzip into a file
 * (never held in memory), with their SHA-256 computed on the way; older versions are deleted once a
 * newer one is complete. Every replica makes its own, from the same data, byte for byte.
 */
@ApplicationScoped
class Downloads {
  /** The two files of an edition and their manifest, all of one version of the data. */
  record Bundle(Path csv, Path jsonLines, String manifest, ReportExports.Version version) {}

  private final ReportExports exports;
  private final JsonLines jsonLines;
  private final Path directory;
  private final Map<String, Object> editionLocks = new ConcurrentHashMap<>();

  Downloads(ReportExports exports, JsonLines jsonLines, DownloadsConfig config) {
    this.exports = exports;
    this.jsonLines = jsonLines;
    this.directory = config.directory();
  }

  /** The files of {@code edition} for the data as it is now, made first if they are not yet. */
  Bundle files(Edition edition) {
    ReportExports.Version version = exports.version(edition.from(), edition.to());
    String stem = edition.fileStem();
    String key = stem + "." + version.tag();
    synchronized (editionLocks.computeIfAbsent(stem, s -> new Object())) {
      try {
        Files.createDirectories(directory);
        Path csv = directory.resolve(key + ".csv.gz");
        Path lines = directory.resolve(key + ".jsonl.gz");
        Path sums = directory.resolve(key + ".sha256");
        if (!Files.exists(sums)) {
          String csvSum = write(csv, out -> exports.writeCsv(out, edition.from(), edition.to()));
          String linesSum = write(lines, out -> jsonLines.write(out, edition.from(), edition.to()));
          String manifest =
              csvSum
                  + "  "
                  + edition.csvName()
                  + "\n"
                  + linesSum
                  + "  "
                  + edition.jsonLinesName()
                  + "\n";
          replace(sums, manifest.getBytes(StandardCharsets.UTF_8));
          deleteOlder(stem, key);
        }
        return new Bundle(csv, lines, Files.readString(sums), version);
      } catch (IOException e) {
        throw new UncheckedIOException("bulk files of " + stem + " could not be made", e);
      }
    }
  }

  /** What writes a file's uncompressed content. */
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Writes gzip-compressed content to {@code target} by way of a temporary file; its SHA-256. */
  private String write(Path target, Content content) throws IOException {
    Path partial = Files.createTempFile(directory, "partial-", ".gz");
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      try (OutputStream file = Files.newOutputStream(partial);
          DigestOutputStream digested = new DigestOutputStream(file, sha256);
          GZIPOutputStream gzip = new GZIPOutputStream(digested, 64 * 1024)) {
        content.writeTo(gzip);
      }
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
      return HexFormat.of().formatHex(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  private void replace(Path target, byte[] bytes) throws IOException {
    Path partial = Files.createTempFile(directory, "partial-", ".sha256");
    Files.write(partial, bytes);
    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Deletes the files of earlier versions of an edition (a reader still streaming one keeps it).
   */
  private void deleteOlder(String stem, String current) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      List<Path> older =
          files
              .filter(
                  f -> {
                    String name = f.getFileName().toString();
                    return name.startsWith(stem + ".") && !name.startsWith(current + ".");
                  })
              .toList();
      for (Path file : older) {
        Files.deleteIfExists(file);
      }
    }
  }
}
