package io.scalableapp.operator.runtime;

import io.scalableapp.operator.cdn.CdnSettings;
import io.scalableapp.operator.cdn.varnish.EdgePurgeTokens;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/** CDN (scalableapp.cdn.*); what each setting means: {@link CdnSettings}. */
@ConfigMapping(prefix = "scalableapp.cdn")
public interface CdnConfig {
  /**
   * Deadline for one whole exchange with a CDN provider (connect, headers and body): a Cloudflare
   * call, a BAN.
   */
  @WithDefault("15s")
  Duration callTimeout();

  @WithDefault("5")
  int removalAttempts();

  @WithDefault("2s")
  Duration removalBackoff();

  /**
   * How often a configured CDN is read back from its provider, so changes made outside the operator
   * are undone.
   */
  @WithDefault("30s")
  Duration resync();

  Varnish varnish();

  Cloudflare cloudflare();

  /** scalableapp.cdn.varnish.* */
  interface Varnish {
    /**
     * host:port,... where BANs go instead of the edge pods' purge listeners (kwok, where the pods
     * are not real).
     */
    Optional<String> purgeAddresses();

    /**
     * The key each app's purge token is derived from, at least 32 characters; the chart sets it
     * from a Secret.
     */
    Optional<String> purgeKey();
  }

  /** scalableapp.cdn.cloudflare.* */
  interface Cloudflare {
    /** spec.cdn.cloudflare.apiBaseUrl values apps may name besides Cloudflare's own. */
    Optional<List<String>> apiBaseUrls();
  }

  default CdnSettings settings() {
    return new CdnSettings(
        varnish().purgeAddresses().map(CdnSettings::parseAddresses).orElse(List.of()),
        purgeTokens(varnish().purgeKey()),
        cloudflare().apiBaseUrls().orElse(List.of()),
        callTimeout(),
        removalAttempts(),
        removalBackoff(),
        resync());
  }

  /**
   * The configured purge key's tokens; without a key, a key of this process only, said in a
   * warning.
   */
  private static EdgePurgeTokens purgeTokens(Optional<String> key) {
    if (key.filter(k -> !k.isBlank()).isPresent()) {
      return EdgePurgeTokens.fromKey(key.get());
    }
    LoggerFactory.getLogger(CdnConfig.class)
        .warn(
            "scalableapp.cdn.varnish.purge-key is not set: the varnish edges' "
                + "purge tokens come from a key this process made up, so they change (and the edges roll out) whenever the "
                + "operator restarts or fails over");
    return EdgePurgeTokens.random();
  }
}
