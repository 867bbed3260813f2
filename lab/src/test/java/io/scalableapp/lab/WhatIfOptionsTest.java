package io.scalableapp.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WhatIfOptionsTest {
  private static final Instant NOW = Instant.parse("2026-11-29T00:00:00Z");

  @Test
  void anAppNeedsNeitherPrometheusNorQuery() {
    WhatIf.Options options = WhatIf.Options.parse(new String[] {"--app", "shop/web"}, NOW);

    assertThat(options.app()).isEqualTo("shop/web");
    assertThat(options.prometheus()).isNull();
    assertThat(options.from()).isEqualTo(Instant.parse("2026-11-22T00:00:00Z"));
  }

  @Test
  void theAppIsNamespaceSlashNameAndBringsItsOwnQuery() {
    assertThatThrownBy(() -> WhatIf.Options.parse(new String[] {"--app", "web"}, NOW))
        .hasMessageContaining("--app must be NAMESPACE/NAME");
    assertThatThrownBy(
            () -> WhatIf.Options.parse(new String[] {"--app", "shop/web", "--query", "up"}, NOW))
        .hasMessageContaining("drop --query");
  }

  @Test
  void withoutAnAppPrometheusAndQueryAreRequired() {
    assertThatThrownBy(() -> WhatIf.Options.parse(new String[] {"--query", "up"}, NOW))
        .hasMessageContaining("--prometheus and --query (or --app) are required");
  }

  @Test
  void stepsAreWholeSecondsWrittenLikeTheCrdsOrIsoAndBadValuesAreNamed() {
    String[] base = {"--prometheus", "http://prometheus:9090", "--query", "up", "--step"};
    assertThat(WhatIf.Options.parse(with(base, "30s"), NOW).step())
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(WhatIf.Options.parse(with(base, "PT1M"), NOW).step())
        .isEqualTo(Duration.ofMinutes(1));
    assertThatThrownBy(() -> WhatIf.Options.parse(with(base, "a minute"), NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--step must be a duration such as 1m");
    assertThatThrownBy(() -> WhatIf.Options.parse(with(base, "PT1.5S"), NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--step must be whole seconds");
    assertThatThrownBy(
            () ->
                WhatIf.Options.parse(
                    new String[] {
                      "--prometheus", "http://p:9090", "--query", "up", "--threads", "x"
                    },
                    NOW))
        .hasMessage("--threads must be a whole number from 1, got x");
  }

  @Test
  void aPrometheusUrlWithCredentialsIsRefusedWithoutRepeatingThem() {
    assertThatThrownBy(
            () ->
                WhatIf.Options.parse(
                    new String[] {"--prometheus", "http://reader:s3cret@p:9090", "--query", "up"},
                    NOW))
        .hasMessageContaining("must not carry credentials")
        .hasMessageNotContaining("s3cret");
  }

  private static String[] with(String[] base, String last) {
    String[] args = java.util.Arrays.copyOf(base, base.length + 1);
    args[base.length] = last;
    return args;
  }
}
