package io.scalableapp.operator.cdn;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The short version every provider reports for its applied configuration: 16 hex digits of its
 * SHA-256.
 */
public final class ConfigHash {
  private ConfigHash() {}

  public static String of(String configuration) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(configuration.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
