package org.disclosurehub.system;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A JSON body must be UTF-8 (RFC 8259 §8.1), strictly: Jackson reads overlong forms ({@code C0 80}
 * as U+0000), encoded surrogates and code points above U+10FFFF without complaint, so the bytes are
 * checked first, by the JDK's decoder, which refuses all of them. The body is already in memory and
 * within its size limit ({@link HttpGate}), so the check costs one linear pass.
 */
@Provider
class Utf8Bodies implements ReaderInterceptor {

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    MediaType type = context.getMediaType();
    if (type == null || !isJson(type)) {
      return context.proceed();
    }
    byte[] body = context.getInputStream().readAllBytes();
    CharsetDecoder strict =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.wrap(body);
    try {
      strict.decode(bytes);
    } catch (CharacterCodingException notUtf8) {
      throw new ProblemException(
          ProblemType.MALFORMED_JSON,
          "The body is not valid JSON: it is not valid UTF-8 (at byte "
              + bytes.position()
              + " of "
              + body.length
              + ")");
    }
    context.setInputStream(new ByteArrayInputStream(body));
    return context.proceed();
  }

  private static boolean isJson(MediaType type) {
    return type.getSubtype().equals("json") || type.getSubtype().endsWith("+json");
  }
}
