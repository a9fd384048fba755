package org.disclosurehub.importer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.disclosurehub.system.ProblemException;
import org.disclosurehub.system.ProblemType;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * How the bytes of a published text become characters. Government sites serve GBK as often as
 * UTF-8, and often say neither: in that order, the charset of the Content-Type, a byte order mark,
 * an HTML page's own {@code <meta charset>}, then UTF-8 when the bytes are valid UTF-8 and GB18030
 * otherwise. Every label of the GB family decodes as GB18030, of which GBK and GB2312 are subsets,
 * so that a page labelled gb2312 that uses a GBK character still reads.
 */
final class Decoding {
  static final Charset GB18030 = Charset.forName("GB18030");

  /** The labels of the GB family (as the WHATWG Encoding Standard lists them, and Windows' 936). */
  private static final Set<String> GB_LABELS =
      Set.of(
          "gb2312",
          "gbk",
          "gb18030",
          "x-gbk",
          "chinese",
          "csgb2312",
          "csiso58gb231280",
          "iso-ir-58",
          "cp936",
          "ms936",
          "windows-936",
          "euc-cn",
          "x-euc-cn");

  /** An HTML page's {@code <meta charset>} stands near its start; only this much is looked at. */
  private static final int META_PREFIX = 16 * 1024;

  /**
   * The text, and how it was decoded in words ("GB18030 (the body has no charset and is not valid
   * UTF-8)"), which the answer's notes and a 422 repeat.
   */
  record Decoded(String text, String how) {}

  private Decoding() {}

  /**
   * Decodes a body.
   *
   * @param declared the charset parameter of the Content-Type, or null
   * @param html whether the body is an HTML page, whose {@code <meta charset>} counts
   * @throws ProblemException 415 for a declared charset that Java does not know
   */
  static Decoded decode(byte[] body, String declared, boolean html) {
    Decoded decoded = decodeText(body, declared, html);
    int nul = decoded.text().indexOf('\u0000');
    if (nul >= 0) {
      throw new ProblemException(
          ProblemType.NOT_A_REPORT,
          "The body is not text: it holds a NUL character (U+0000) at byte offset "
              + nulOffset(body)
              + ", which no published text holds. It was read as "
              + decoded.how());
    }
    return decoded;
  }

  /** The offset of the first NUL in the body (for UTF-16, the first zero code unit). */
  private static int nulOffset(byte[] body) {
    boolean utf16 = startsWith(body, 0xFE, 0xFF) || startsWith(body, 0xFF, 0xFE);
    for (int i = utf16 ? 2 : 0; i + (utf16 ? 1 : 0) < body.length; i += utf16 ? 2 : 1) {
      if (body[i] == 0 && (!utf16 || body[i + 1] == 0)) {
        return i;
      }
    }
    return 0;
  }

  private static Decoded decodeText(byte[] body, String declared, boolean html) {
    if (declared != null) {
      return decodeAs(body, named(declared), "the Content-Type says charset=" + declared.strip());
    }
    if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
      return decodeAs(
          Arrays.copyOfRange(body, 3, body.length), StandardCharsets.UTF_8, "its byte order mark");
    }
    if (startsWith(body, 0xFE, 0xFF) || startsWith(body, 0xFF, 0xFE)) {
      return decodeAs(body, StandardCharsets.UTF_16, "its byte order mark");
    }
    if (html) {
      String meta = metaCharset(body);
      Charset charset = meta == null ? null : known(meta);
      if (charset != null) {
        return decodeAs(body, charset, "the page's <meta> says charset=" + meta);
      }
    }
    String utf8 = strictUtf8(body);
    if (utf8 != null) {
      return new Decoded(withoutBom(utf8), "UTF-8 (the body has no charset and is valid UTF-8)");
    }
    return decodeAs(
        body, GB18030, "the body has no charset and is not valid UTF-8, which was tried first");
  }

  /**
   * The charset a name stands for: GB18030 for the GB family; 415 for a name Java does not know.
   */
  private static Charset named(String name) {
    Charset charset = known(name);
    if (charset == null) {
      throw new ProblemException(
          ProblemType.UNSUPPORTED_MEDIA_TYPE,
          "charset '"
              + name
              + "' is not supported; send UTF-8, GBK, GB2312 or GB18030, or no charset at all");
    }
    return charset;
  }

  private static Charset known(String name) {
    String label = name.strip().toLowerCase(Locale.ROOT);
    if (label.length() > 2 && label.startsWith("\"") && label.endsWith("\"")) {
      label = label.substring(1, label.length() - 1).strip();
    }
    if (GB_LABELS.contains(label)) {
      return GB18030;
    }
    try {
      return Charset.forName(label);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return null;
    }
  }

  /**
   * Bytes not valid in the charset become U+FFFD rather than an error: the reader then does not
   * recognise them, and the description says how many there were.
   */
  private static Decoded decodeAs(byte[] body, Charset charset, String why) {
    String text;
    try {
      text =
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE)
              .decode(ByteBuffer.wrap(body))
              .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("a replacing decoder does not throw", e);
    }
    long replaced = text.chars().filter(c -> c == '\uFFFD').count();
    String how = charset.name() + " (" + why + ")";
    if (replaced > 0) {
      how +=
          "; "
              + replaced
              + " byte sequence(s) were not valid "
              + charset.name()
              + firstInvalid(body, charset)
              + " and were read as U+FFFD";
    }
    return new Decoded(withoutBom(text), how);
  }

  /** ", the first at byte offset N", where the decoder first fails; empty if it cannot say. */
  private static String firstInvalid(byte[] body, Charset charset) {
    ByteBuffer in = ByteBuffer.wrap(body);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(Math.max(16, body.length * 2));
    java.nio.charset.CoderResult result =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(in, out, true);
    return result.isError() ? ", the first at byte offset " + in.position() : "";
  }

  /** The text when the bytes are valid UTF-8, else null. */
  private static String strictUtf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /**
   * The charset an HTML page declares in {@code <meta charset>} or {@code <meta
   * http-equiv="Content-Type" content="…; charset=…">}. The markup is ASCII in every charset of
   * interest, so the start of the page read byte for byte as ISO-8859-1 shows it.
   */
  private static String metaCharset(byte[] body) {
    String prefix =
        new String(body, 0, Math.min(body.length, META_PREFIX), StandardCharsets.ISO_8859_1);
    Document head = Jsoup.parse(prefix);
    for (Element meta : head.select("meta[charset], meta[http-equiv][content]")) {
      if (meta.hasAttr("charset") && !meta.attr("charset").isBlank()) {
        return meta.attr("charset").strip();
      }
      if (meta.attr("http-equiv").equalsIgnoreCase("content-type")) {
        String content = meta.attr("content");
        int at = content.toLowerCase(Locale.ROOT).indexOf("charset=");
        if (at >= 0) {
          String value = content.substring(at + "charset=".length());
          int end = value.indexOf(';');
          value = (end < 0 ? value : value.substring(0, end)).strip();
          if (!value.isEmpty()) {
            return value;
          }
        }
      }
    }
    return null;
  }

  private static boolean startsWith(byte[] body, int... prefix) {
    if (body.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((body[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static String withoutBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
