package io.scalableapp.operator.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scalableapp.operator.api.cdn.CacheRuleSpec;
import io.scalableapp.operator.api.cdn.CdnSpec;
import io.scalableapp.operator.api.cdn.PurgeSpec;
import io.scalableapp.operator.cdn.CdnPolicies;
import io.scalableapp.operator.cdn.varnish.VclBackend;
import io.scalableapp.operator.cdn.varnish.VclGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Every VCL the generator can produce compiles: many spec.cdn values drawn at random (seeded, so a
 * failure is reproducible from the seed in its message) from everything the CRD admits, each
 * compiled by `varnishd -C`.
 */
class VclCompileIT {
  static final int CASES = 40;

  /** Characters the CRD admits in paths (pathPrefix, pathGlob without '*'). */
  private static final String PATH_CHARS = "abcXYZ019-._~/%@:+,;=!$";

  /** Characters the CRD admits in cookie names (an RFC 7230 token). */
  private static final String COOKIE_CHARS = "aZ09!#$%&*+.^_`|~-";

  @Test
  void everyGeneratedVclCompiles() throws Exception {
    Path dir = Files.createTempDirectory("vcl-compile-it");
    String tokenFile = VarnishServer.purgeTokenFile(dir, "0123456789abcdef".repeat(4));
    long baseSeed = Long.getLong("vcl.seed", 20261129L);
    for (int i = 0; i < CASES; i++) {
      long seed = baseSeed + i;
      String vcl =
          VclGenerator.generate(
              CdnPolicies.from(randomSpec(new Random(seed))),
              randomBackend(new Random(seed), tokenFile));
      VarnishServer.Compiled compiled = VarnishServer.compile(vcl, dir);
      assertEquals(
          0,
          compiled.exitCode(),
          "seed " + seed + ": varnishd -C refused\n" + vcl + "\n" + compiled.errors());
    }
  }

  static CdnSpec randomSpec(Random r) {
    CdnSpec spec = new CdnSpec();
    spec.setProvider(CdnSpec.Provider.varnish);
    spec.setHosts(
        IntStream.range(0, r.nextInt(4))
            .mapToObj(
                i ->
                    (r.nextBoolean() ? "*." : "")
                        + "h"
                        + i
                        + (r.nextBoolean() ? "-x" : "")
                        + ".example.com")
            .toList());
    spec.getDefaults().setEdgeTtl(duration(r));
    spec.getDefaults().setBrowserTtl(duration(r));
    spec.getDefaults().setMaxTtl(r.nextInt(365) + 1 + "d");
    List<CacheRuleSpec> rules = new ArrayList<>();
    for (int i = 0, n = r.nextInt(10); i < n; i++) {
      CacheRuleSpec rule = new CacheRuleSpec();
      rule.setName("r" + i + (r.nextBoolean() ? "-x" : ""));
      if (r.nextBoolean()) {
        rule.setPathPrefix("/" + text(r, PATH_CHARS, r.nextInt(20)));
      } else {
        rule.setPathGlob(glob(r));
      }
      rule.setAction(r.nextInt(4) == 0 ? CacheRuleSpec.Action.Bypass : CacheRuleSpec.Action.Cache);
      if (rule.getAction() == CacheRuleSpec.Action.Cache) {
        if (r.nextBoolean()) rule.setTtl(duration(r));
        rule.setBypassOnCookies(
            IntStream.range(0, r.nextInt(3))
                .mapToObj(j -> text(r, COOKIE_CHARS, 1 + r.nextInt(10)))
                .toList());
        rule.setBypassOnHeaders(
            IntStream.range(0, r.nextInt(3))
                .mapToObj(j -> "X" + text(r, "aZ09-", r.nextInt(10)))
                .toList());
      }
      rules.add(rule);
    }
    spec.setRules(rules);
    if (r.nextBoolean()) spec.setStaleWhileRevalidate(duration(r));
    if (r.nextBoolean()) spec.setStaleIfError(duration(r));
    PurgeSpec purge = new PurgeSpec();
    purge.setMode(PurgeSpec.Mode.values()[r.nextInt(3)]);
    if (purge.getMode() == PurgeSpec.Mode.prefixes)
      purge.setPrefixes(List.of("/" + text(r, PATH_CHARS, 5)));
    if (purge.getMode() == PurgeSpec.Mode.tags) purge.setTags(List.of("t" + r.nextInt(100)));
    spec.setPurge(purge);
    return spec;
  }

  static VclBackend randomBackend(Random r, String purgeTokenFile) {
    // The host must resolve where the VCL is compiled, as the app Service's name does in the edge
    // pod.
    return new VclBackend(
        r.nextBoolean() ? "localhost" : "127.0.0.1",
        1 + r.nextInt(65535),
        "/" + text(r, PATH_CHARS, r.nextInt(10)),
        purgeTokenFile);
  }

  private static String glob(Random r) {
    StringBuilder g = new StringBuilder("/");
    for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
      g.append(text(r, PATH_CHARS, r.nextInt(6)));
      g.append(
          switch (r.nextInt(3)) {
            case 0 -> "*";
            case 1 -> "**";
            default -> "";
          });
    }
    // The CRD refuses three stars in a row.
    return g.toString().replaceAll("\\*{3,}", "**");
  }

  private static String duration(Random r) {
    return switch (r.nextInt(5)) {
      case 0 -> "0s";
      case 1 -> r.nextInt(1000) + "ms";
      case 2 -> r.nextInt(90) + "s";
      case 3 -> 1 + r.nextInt(23) + "h" + r.nextInt(60) + "m";
      default -> 1 + r.nextInt(30) + "d";
    };
  }

  private static String text(Random r, String alphabet, int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) s.append(alphabet.charAt(r.nextInt(alphabet.length())));
    return s.toString();
  }
}
