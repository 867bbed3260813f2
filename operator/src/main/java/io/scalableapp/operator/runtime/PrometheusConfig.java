package io.scalableapp.operator.runtime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;

/** The operator's default Prometheus (scalableapp.prometheus.*); an app may name its own. */
@ConfigMapping(prefix = "scalableapp.prometheus")
public interface PrometheusConfig {
  @WithDefault("http://localhost:9090")
  URI url();
}
