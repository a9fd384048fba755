package org.disclosurehub.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.disclosurehub.importer.Decoding.Decoded;
import org.disclosurehub.system.ProblemException;
import org.junit.jupiter.api.Test;

/**
 * How bytes become text, in the order the importer tries (Content-Type, byte order mark, the page's
 * {@code <meta>}, UTF-8, GB18030), each with the words the answer's notes repeat. Plain JUnit, so
 * that PIT runs it against {@link Decoding}'s mutants.
 */
class DecodingUnitTest {
  private static final String TEXT = "二、主动公开政府信息情况";
  private static final Charset GB18030 = Charset.forName("GB18030");

  @Test
  void shouldDecodeByTheDeclaredCharsetFirstAndReadTheGbFamilyAsGb18030() {
    byte[] gbk = TEXT.getBytes(GB18030);

    Decoded decoded = Decoding.decode(gbk, " GB2312 ", false);

    assertThat(decoded.text()).isEqualTo(TEXT);
    assertThat(decoded.how()).isEqualTo("GB18030 (the Content-Type says charset=GB2312)");
    for (String label : new String[] {"gbk", "x-gbk", "cp936", "\"gb2312\"", "\" gbk \""}) {
      assertThat(Decoding.decode(gbk, label, false).text()).as(label).isEqualTo(TEXT);
    }
    // Declared UTF-8 wins over a page's meta and over bytes that would be valid GB18030.
    String page = "<meta charset=gbk><p>" + TEXT;
    assertThat(Decoding.decode(page.getBytes(StandardCharsets.UTF_8), "utf-8", true).text())
        .isEqualTo(page);
  }

  @Test
  void shouldRefuseACharsetJavaDoesNotKnowWith415() {
    assertThatThrownBy(
            () -> Decoding.decode(TEXT.getBytes(StandardCharsets.UTF_8), "klingon", false))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(415);
              assertThat(e.problem().detail())
                  .isEqualTo(
                      "charset 'klingon' is not supported; send UTF-8, GBK, GB2312 or GB18030, or"
                          + " no charset at all");
            });
    assertThatThrownBy(() -> Decoding.decode(new byte[] {65}, "\"\"", false))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> Decoding.decode(new byte[] {65}, "x y", false))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void shouldFollowAByteOrderMarkAndDropIt() {
    byte[] utf8 = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(TEXT));
    Decoded fromUtf8 = Decoding.decode(utf8, null, false);
    assertThat(fromUtf8.text()).isEqualTo(TEXT);
    assertThat(fromUtf8.how()).isEqualTo("UTF-8 (its byte order mark)");

    for (Charset utf16 : new Charset[] {StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE}) {
      byte[] bom =
          utf16 == StandardCharsets.UTF_16BE
              ? new byte[] {(byte) 0xFE, (byte) 0xFF}
              : new byte[] {(byte) 0xFF, (byte) 0xFE};
      Decoded decoded = Decoding.decode(concat(bom, TEXT.getBytes(utf16)), null, true);
      assertThat(decoded.text()).as(utf16.name()).isEqualTo(TEXT);
      assertThat(decoded.how()).isEqualTo("UTF-16 (its byte order mark)");
    }
    // Only the first two bytes of a UTF-8 mark are no mark: valid UTF-8 it is not, so GB18030.
    byte[] halfMark = concat(new byte[] {(byte) 0xEF, (byte) 0xBB}, TEXT.getBytes(GB18030));
    assertThat(Decoding.decode(halfMark, null, false).how()).startsWith("GB18030 (");
    // A body shorter than a mark.
    assertThat(Decoding.decode(new byte[] {(byte) 0xEF}, null, false).text()).hasSize(1);
  }

  @Test
  void shouldTakeAnHtmlPagesMetaCharsetButNotAText() {
    String page = "<html><head><meta charset=\"gbk\"></head><body><p>" + TEXT + "</p>";
    byte[] gbk = page.getBytes(GB18030);

    Decoded decoded = Decoding.decode(gbk, null, true);
    assertThat(decoded.text()).isEqualTo(page);
    assertThat(decoded.how()).isEqualTo("GB18030 (the page's <meta> says charset=gbk)");

    String httpEquiv =
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=GB2312; x=y\"><p>" + TEXT;
    Decoded equiv = Decoding.decode(httpEquiv.getBytes(GB18030), null, true);
    assertThat(equiv.text()).isEqualTo(httpEquiv);
    assertThat(equiv.how()).isEqualTo("GB18030 (the page's <meta> says charset=GB2312)");

    // The same bytes sent as text: no meta counts; not valid UTF-8, so GB18030 by the fallback.
    assertThat(Decoding.decode(gbk, null, false).how())
        .isEqualTo(
            "GB18030 (the body has no charset and is not valid UTF-8, which was tried first)");

    // A meta that names nothing known, or nothing at all, is passed over: the bytes decide.
    for (String meta :
        new String[] {
          "<meta charset=\"klingon\">",
          "<meta charset=\" \">",
          "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=;\">",
          "<meta http-equiv=\"Content-Type\" content=\"text/html\">",
          "<meta http-equiv=\"refresh\" content=\"charset=gbk\">"
        }) {
      Decoded utf8 = Decoding.decode(utf8(meta + TEXT), null, true);
      assertThat(utf8.text()).as(meta).isEqualTo(meta + TEXT);
      assertThat(utf8.how())
          .as(meta)
          .isEqualTo("UTF-8 (the body has no charset and is valid UTF-8)");
    }
    // A meta past the first 16 KB is not looked for.
    String late = "<p>" + "x".repeat(16 * 1024) + "</p><meta charset=gbk>" + TEXT;
    assertThat(Decoding.decode(late.getBytes(GB18030), null, true).how())
        .startsWith("GB18030 (the body has no charset");
  }

  @Test
  void shouldReadValidUtf8AsUtf8AndDropAByteOrderMarkInsideTheDeclaredCharset() {
    Decoded decoded = Decoding.decode(utf8(TEXT), null, false);
    assertThat(decoded.text()).isEqualTo(TEXT);
    assertThat(decoded.how()).isEqualTo("UTF-8 (the body has no charset and is valid UTF-8)");

    Decoded declared = Decoding.decode(utf8("\uFEFF" + TEXT), "utf-8", false);
    assertThat(declared.text()).isEqualTo(TEXT);
    assertThat(declared.how()).isEqualTo("UTF-8 (the Content-Type says charset=utf-8)");
  }

  @Test
  void shouldCountInvalidBytesAndNameTheFirstOffset() {
    byte[] body = utf8("一二三四");
    body[3] = (byte) 0xFF;
    body[9] = (byte) 0xFF;

    Decoded decoded = Decoding.decode(body, "utf-8", false);

    assertThat(decoded.text()).startsWith("一\uFFFD").endsWith("三\uFFFD\uFFFD\uFFFD");
    assertThat(decoded.how())
        .isEqualTo(
            "UTF-8 (the Content-Type says charset=utf-8); 6 byte sequence(s) were not valid"
                + " UTF-8, the first at byte offset 3 and were read as U+FFFD");
    Decoded clean = Decoding.decode(utf8("一二"), "utf-8", false);
    assertThat(clean.how()).doesNotContain("U+FFFD");
  }

  @Test
  void shouldRefuseANulNamingItsByteOffset() {
    byte[] body = utf8("一二三 abc");
    body[10] = 0; // the "a" after 一二三 and a space

    assertThatThrownBy(() -> Decoding.decode(body, null, false))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().type()).endsWith("not-a-report");
              assertThat(e.problem().detail())
                  .isEqualTo(
                      "The body is not text: it holds a NUL character (U+0000) at byte offset 10,"
                          + " which no published text holds. It was read as UTF-8 (the body has"
                          + " no charset and is valid UTF-8)");
            });

    // UTF-16: the offset of the zero code unit, counted past the byte order mark.
    byte[] utf16 =
        concat(
            new byte[] {(byte) 0xFE, (byte) 0xFF}, "ab\u0000c".getBytes(StandardCharsets.UTF_16BE));
    assertThatThrownBy(() -> Decoding.decode(utf16, null, false))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.problem().detail()).contains("at byte offset 6,"));
    byte[] utf16le =
        concat(
            new byte[] {(byte) 0xFF, (byte) 0xFE}, "a\u0000".getBytes(StandardCharsets.UTF_16LE));
    assertThatThrownBy(() -> Decoding.decode(utf16le, null, false))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.problem().detail()).contains("at byte offset 4,"));
    byte[] first = {0, 65};
    assertThatThrownBy(() -> Decoding.decode(first, null, false))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.problem().detail()).contains("at byte offset 0,"));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }
}
