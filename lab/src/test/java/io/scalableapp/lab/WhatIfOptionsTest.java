package io.scalableapp.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
