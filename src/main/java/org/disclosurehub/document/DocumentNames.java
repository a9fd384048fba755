package org.disclosurehub.document;

import java.nio.charset.StandardCharsets;

/**
 * File names of the documents, for {@code Content-Disposition} (RFC 6266): an ASCII {@code
 * filename} any client understands and the Chinese name as {@code filename*} (RFC 8187, formerly
 * RFC 5987), which browsers prefer.
 */
public final class DocumentNames {
  private DocumentNames() {}

  /** A name for a region's document, without extension. */
  public static Name region(RegionDocument doc) {
    String scope = doc.ownScope() ? "own" : "all";
    return new Name(
        "region-" + doc.regionCode() + "-" + doc.year() + "-" + scope,
        (doc.regionName() != null ? doc.regionName() + "_" : "")
            + doc.regionCode()
            + "_"
            + doc.year()
            + "年政府信息公开工作年度报告_"
            + doc.scopeTitle());
  }

  /** A name for an agency's report, without extension. */
  public static Name agency(AgencyDocument doc) {
    return new Name(
        "report-" + doc.agencyCode() + "-" + doc.year() + "-r" + doc.revision(),
        (doc.agencyName() != null ? doc.agencyName() : doc.agencyCode())
            + "_"
            + doc.year()
            + "年政府信息公开工作年度报告_第"
            + doc.revision()
            + "版");
  }

  /** A file name twice: in ASCII, and as people read it. */
  public record Name(String ascii, String unicode) {

    /** {@code inline} or {@code attachment}; the extension without its dot. */
    public String contentDisposition(String type, String extension) {
      return type
          + "; filename=\""
          + asciiOnly(ascii)
          + "."
          + extension
          + "\"; filename*=UTF-8''"
          + encode(unicode + "." + extension);
    }
  }

  /** Letters, digits, '.', '_' and '-' only: nothing that needs quoting or escaping. */
  static String asciiOnly(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (char c : name.toCharArray()) {
      boolean safe =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-';
      out.append(safe ? c : '_');
    }
    return out.toString();
  }

  /** RFC 8187 {@code value-chars}: attr-char as is, every other UTF-8 byte percent-encoded. */
  static String encode(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean attrChar =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "!#$&+-.^_`|~".indexOf(c) >= 0;
      if (attrChar) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
