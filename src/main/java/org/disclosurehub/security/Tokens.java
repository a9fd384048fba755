package org.disclosurehub.security;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import org.disclosurehub.system.Sha256;

/** Agency tokens: 256 random bits, base64url without padding (43 characters), and their hash. */
final class Tokens {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

  private Tokens() {}

  static String generate() {
    byte[] bits = new byte[32];
    RANDOM.nextBytes(bits);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
  }

  /** Whether the text has the shape of an agency token; others need no database look-up. */
  static boolean looksLikeAgencyToken(String token) {
    return SHAPE.matcher(token).matches();
  }

  /**
   * Compares two secrets in time that depends on neither: both are hashed first, so even their
   * lengths do not show.
   */
  static boolean sameSecret(String given, String expected) {
    return MessageDigest.isEqual(Sha256.of(given), Sha256.of(expected));
  }
}
