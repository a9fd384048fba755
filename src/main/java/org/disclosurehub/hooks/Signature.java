package org.disclosurehub.hooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures as the Standard Webhooks specification has them: the secret is {@code whsec_} and
 * base64 of its key bytes; {@code webhook-signature} is {@code v1,} and base64 of HMAC-SHA256 over
 * {@code id.timestamp.body} with those bytes as the key.
 */
final class Signature {
  static final String PREFIX = "whsec_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Signature() {}

  /** A new secret: 32 random bytes. */
  static String newSecret() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /** The {@code webhook-signature} header's value for one message. */
  static String sign(String secret, String id, long timestamp, String body) {
    byte[] key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] signed =
          mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(signed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
