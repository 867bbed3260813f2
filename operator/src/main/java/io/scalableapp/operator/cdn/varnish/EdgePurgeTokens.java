package io.scalableapp.operator.cdn.varnish;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token an app's edge accepts BANs with: HMAC-SHA256 of the app's UID under the operator's
 * purge key. Every replica of the operator derives the same token without storing or reading one, a
 * caller who does not hold the key cannot guess it, and an app re-created under the same name gets
 * a new one. Never in toString, logs or messages.
 */
public final class EdgePurgeTokens {
  /** Shortest key accepted: 32 bytes of entropy when random, as HMAC-SHA256 wants. */
  static final int MIN_KEY_LENGTH = 32;

  private final byte[] key;
  private final boolean ephemeral;

  private EdgePurgeTokens(byte[] key, boolean ephemeral) {
    this.key = key.clone();
    this.ephemeral = ephemeral;
  }

  /** From the operator's configured key (scalableapp.cdn.varnish.purge-key). */
  public static EdgePurgeTokens fromKey(String key) {
    if (key == null || key.strip().length() < MIN_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "scalableapp.cdn.varnish.purge-key must be at least " + MIN_KEY_LENGTH + " characters");
    }
    return new EdgePurgeTokens(key.strip().getBytes(StandardCharsets.UTF_8), false);
  }

  /**
   * A key only this process knows: tokens change when it restarts (the edges then roll out to load
   * the new one). For a developer's run and tests; the chart always sets a key.
   */
  public static EdgePurgeTokens random() {
    byte[] key = new byte[MIN_KEY_LENGTH];
    new SecureRandom().nextBytes(key);
    return new EdgePurgeTokens(key, true);
  }

  /** Whether the key lives only in this process. */
  public boolean ephemeral() {
    return ephemeral;
  }

  /** The app's token: 64 hex characters. */
  public String tokenFor(String appUid) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of()
          .formatHex(mac.doFinal(("edge-purge:" + appUid).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  @Override
  public String toString() {
    return "EdgePurgeTokens[key=<redacted>" + (ephemeral ? ", ephemeral" : "") + "]";
  }
}
