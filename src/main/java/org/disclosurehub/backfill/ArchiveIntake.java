package org.disclosurehub.backfill;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.disclosurehub.system.ProblemException;
import org.disclosurehub.system.ProblemType;

/**
 * Takes a ZIP archive of published reports apart, refusing a hostile one whole before anything is
 * kept: too large, too many entries, too many bytes once uncompressed, an entry compressed beyond
 * the ratio (a ZIP bomb, judged on the bytes actually inflated, not on what the archive declares),
 * a name with {@code ..} or an absolute path, a nested archive, an encrypted entry.
 *
 * <p>The body is streamed to a temporary file, never held whole in memory; only one entry at a time
 * is (at most the importer's limit, 5 MB).
 */
final class ArchiveIntake {
  static final Charset GBK = Charset.forName("GB18030");
  private static final Set<String> ARCHIVES =
      Set.of(
          "zip", "rar", "7z", "tar", "gz", "tgz", "bz2", "xz", "jar", "cab", "iso", "arj", "lzh");
  private static final Set<String> JUNK = Set.of(".ds_store", "thumbs.db", "desktop.ini");

  /** One file of the archive: its name as decoded, its media type, and its bytes when kept. */
  record ArchivedFile(String name, String mediaType, long size, byte[] content, String refusal) {}

  private final ImportJobConfig limits;
  private final long maxFileBytes;

  ArchiveIntake(ImportJobConfig limits, long maxFileBytes) {
    this.limits = limits;
    this.maxFileBytes = maxFileBytes;
  }

  /** Reads the archive from {@code body} and hands every file to {@code files}, in order. */
  long read(InputStream body, Consumer<ArchivedFile> files) throws IOException {
    Path spooled = Files.createTempFile("import-job-", ".zip");
    try {
      long size = spool(body, spooled);
      if (size == 0) {
        throw refused("The body is empty; send the ZIP archive as application/zip");
      }
      try (ZipFile zip =
          ZipFile.builder()
              .setPath(spooled)
              .setCharset(StandardCharsets.ISO_8859_1)
              .setUseUnicodeExtraFields(true)
              .get()) {
        List<ZipArchiveEntry> entries = checkedEntries(zip);
        long uncompressed = 0;
        for (ZipArchiveEntry entry : entries) {
          ArchivedFile file = read(zip, entry);
          uncompressed += file.size();
          if (uncompressed > limits.maxUncompressedBytes()) {
            throw refused(
                "The entries hold more than "
                    + limits.maxUncompressedBytes()
                    + " bytes uncompressed; split the archive");
          }
          files.accept(file);
        }
      } catch (IOException notAZip) {
        throw refused("The body is not a ZIP archive that can be read: " + notAZip.getMessage());
      }
      return size;
    } finally {
      Files.deleteIfExists(spooled);
    }
  }

  private long spool(InputStream body, Path spooled) throws IOException {
    long size = 0;
    byte[] buffer = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(spooled)) {
      for (int n; (n = body.read(buffer)) >= 0; ) {
        size += n;
        if (size > limits.maxArchiveBytes()) {
          throw new ProblemException(
              ProblemType.PAYLOAD_TOO_LARGE,
              "The archive has more than "
                  + limits.maxArchiveBytes()
                  + " bytes, the most an import job accepts; split it");
        }
        out.write(buffer, 0, n);
      }
    }
    return size;
  }

  /** What the central directory says, checked before a byte is inflated. */
  private List<ZipArchiveEntry> checkedEntries(ZipFile zip) {
    List<ZipArchiveEntry> all = Collections.list(zip.getEntriesInPhysicalOrder());
    if (all.size() > limits.maxEntries()) {
      throw refused(
          "The archive has "
              + all.size()
              + " entries; at most "
              + limits.maxEntries()
              + " are accepted");
    }
    List<ZipArchiveEntry> files = new ArrayList<>();
    long declared = 0;
    for (ZipArchiveEntry entry : all) {
      String name = nameOf(entry);
      if (name.startsWith("/") || name.matches("^[A-Za-z]:.*") || name.startsWith("//")) {
        throw refused("The entry '" + name + "' has an absolute path");
      }
      for (String segment : name.split("/")) {
        if (segment.equals("..")) {
          throw refused("The entry '" + name + "' climbs out of the archive with '..'");
        }
      }
      if (name.chars().anyMatch(Character::isISOControl)) {
        throw refused("An entry's name holds control characters");
      }
      if (entry.getGeneralPurposeBit().usesEncryption()
          || entry.getGeneralPurposeBit().usesStrongEncryption()) {
        throw refused("The entry '" + name + "' is encrypted; send the files unencrypted");
      }
      if (entry.isDirectory() || junk(name)) {
        continue;
      }
      if (ARCHIVES.contains(extension(name))) {
        throw refused(
            "The entry '" + name + "' is an archive itself; put its files in this archive instead");
      }
      if (entry.getSize() > 0) {
        declared += entry.getSize();
        if (bomb(entry.getSize(), entry.getCompressedSize())) {
          throw bombOf(name);
        }
      }
      files.add(entry);
    }
    if (declared > limits.maxUncompressedBytes()) {
      throw refused(
          "The entries hold "
              + declared
              + " bytes uncompressed; at most "
              + limits.maxUncompressedBytes()
              + " are accepted");
    }
    return files;
  }

  private ArchivedFile read(ZipFile zip, ZipArchiveEntry entry) throws IOException {
    String name = nameOf(entry);
    if (!zip.canReadEntryData(entry)) {
      throw refused("The entry '" + name + "' uses a compression method this service cannot read");
    }
    String mediaType = mediaTypeOf(name);
    long compressed = Math.max(entry.getCompressedSize(), 0);
    byte[] buffer = new byte[64 * 1024];
    ByteCollector content = new ByteCollector(mediaType == null ? 0 : maxFileBytes);
    long size = 0;
    try (InputStream in = zip.getInputStream(entry)) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        size += n;
        if (bomb(size, compressed)) {
          throw bombOf(name);
        }
        if (size > limits.maxUncompressedBytes()) {
          throw refused("The entry '" + name + "' inflates beyond the archive's limit");
        }
        content.write(buffer, n);
      }
    }
    byte[] bytes = content.bytes();
    if (mediaType != null && bytes != null && nested(bytes)) {
      throw refused(
          "The entry '" + name + "' is an archive itself; put its files in this archive instead");
    }
    if (mediaType == null) {
      return new ArchivedFile(
          name, null, size, null, "not a text, HTML page or PDF (." + extension(name) + ")");
    }
    if (bytes == null) {
      return new ArchivedFile(
          name,
          mediaType,
          size,
          null,
          "larger than " + maxFileBytes + " bytes, the most the importer reads");
    }
    return new ArchivedFile(name, mediaType, size, bytes, null);
  }

  private boolean bomb(long uncompressed, long compressed) {
    // Small entries are exempt: a few hundred bytes of markup may well shrink below 1/100.
    return uncompressed > (long) limits.maxRatio() * Math.max(compressed, 1024);
  }

  private ProblemException bombOf(String name) {
    return refused(
        "The entry '"
            + name
            + "' inflates to more than "
            + limits.maxRatio()
            + " times its compressed size (a ZIP bomb)");
  }

  private static ProblemException refused(String detail) {
    return new ProblemException(ProblemType.ARCHIVE_REFUSED, detail + "; nothing was stored");
  }

  /**
   * The entry's name: UTF-8 where the archive says so (flag or Unicode extra field); otherwise
   * UTF-8 when the bytes are valid UTF-8, else GBK (GB18030), as Windows in China writes names.
   */
  static String nameOf(ZipArchiveEntry entry) {
    String name;
    if (entry.getGeneralPurposeBit().usesUTF8ForNames()
        || entry.getNameSource() == ZipArchiveEntry.NameSource.UNICODE_EXTRA_FIELD) {
      name = entry.getName();
    } else {
      byte[] raw = entry.getRawName();
      try {
        name =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(raw))
                .toString();
      } catch (CharacterCodingException notUtf8) {
        name = new String(raw, GBK);
      }
    }
    return name.replace('\\', '/');
  }

  private static boolean junk(String name) {
    String last = name.substring(name.lastIndexOf('/') + 1);
    return name.startsWith("__MACOSX/")
        || last.startsWith("._")
        || JUNK.contains(last.toLowerCase(Locale.ROOT));
  }

  static String extension(String name) {
    String last = name.substring(name.lastIndexOf('/') + 1);
    int dot = last.lastIndexOf('.');
    return dot < 0 ? "" : last.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** The media type the importer reads the file as, or null for any other file. */
  static String mediaTypeOf(String name) {
    return switch (extension(name)) {
      case "html", "htm", "shtml", "xhtml", "jsp", "asp", "aspx", "php" -> "text/html";
      // Markdown is text: PDF-to-text converters write it, pipes between a table's cells.
      case "txt", "text", "md", "markdown" -> "text/plain";
      case "pdf" -> "application/pdf";
      default -> null;
    };
  }

  /** Magic numbers of ZIP, RAR, 7z, gzip, bzip2 and xz. */
  private static boolean nested(byte[] b) {
    return starts(b, 'P', 'K', 3, 4)
        || starts(b, 'R', 'a', 'r', '!')
        || starts(b, '7', 'z', 0xBC, 0xAF)
        || starts(b, 0x1F, 0x8B)
        || starts(b, 'B', 'Z', 'h')
        || starts(b, 0xFD, '7', 'z', 'X', 'Z');
  }

  private static boolean starts(byte[] bytes, int... magic) {
    if (bytes.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((bytes[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  /** Collects up to a limit; beyond it, only counts (the file is then refused, not kept). */
  private static final class ByteCollector {
    private final long limit;
    private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    private boolean over;

    ByteCollector(long limit) {
      this.limit = limit;
    }

    void write(byte[] buffer, int n) {
      if (over) {
        return;
      }
      if (out.size() + (long) n > limit) {
        over = true;
        out.reset();
        return;
      }
      out.write(buffer, 0, n);
    }

    byte[] bytes() {
      return over ? null : out.toByteArray();
    }
  }
}
