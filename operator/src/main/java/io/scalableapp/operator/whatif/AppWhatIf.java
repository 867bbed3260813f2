package io.scalableapp.operator.whatif;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.scalableapp.engine.prometheus.QueryListener;
import io.scalableapp.engine.replay.trace.Trace;
import io.scalableapp.lab.AppProfile;
import io.scalableapp.lab.WhatIf;
import io.scalableapp.lab.trace.PrometheusHistory;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.prediction.PredictionSettings;
import java.net.URI;
import java.time.Instant;

/**
 * What prediction would have done for an existing ScalableApp: {@code --app NAMESPACE/NAME} read from the cluster
 * of the current kubeconfig, its history replayed by the lab's {@link WhatIf} with the app's own settings. The
 * other options are {@link WhatIf}'s; {@code --prometheus} overrides the app's Prometheus (for a port-forward),
 * which is otherwise its spec.prediction.prometheusUrl or the operator's default ({@code SCALABLEAPP_PROMETHEUS_URL}
 * as the operator's Deployment sets it, else the operator's built-in default).
 *
 * <p>Then it reports the policy spec.autoscaling.tuning would choose on that history ({@link WhatIfPolicy}), with its
 * replay figures, in {@code policy.md} and on stdout.
 *
 * <p>The lab is a compile-time-only dependency of the operator ({@code provided}): {@code make what-if APP=...}
 * puts it on the classpath; the operator's image never contains it.
 */
public final class AppWhatIf {
  private AppWhatIf() {}

  public static void main(String[] args) {
    WhatIf.exitOnFailure(() -> {
      WhatIf.Options options = WhatIf.Options.parse(args, Instant.now());
      if (options.app() == null) {
        throw new IllegalArgumentException("--app NAMESPACE/NAME is required");
      }
      try (KubernetesClient client = new KubernetesClientBuilder().build()) {
        ScalableApp app = AppProfiles.readApp(client, options.app());
        AppProfile profile = AppProfiles.of(app, operatorDefaults());
        WhatIf.replay(options, profile);
        Trace history = fetch(options, profile);
        String policy = WhatIfPolicy.text(options.app(), WhatIfPolicy.search(app, history),
            WhatIfPolicy.search(app, history, true));
        WhatIfPolicy.write(options.out(), policy);
        System.out.println(policy);
      }
    });
  }

  /** The app's history again, for the policy search (the lab's replay keeps its own copy to itself). */
  public static Trace fetch(WhatIf.Options options, AppProfile profile) throws Exception {
    URI prometheus = options.prometheus() != null ? options.prometheus() : profile.prometheus();
    return new PrometheusHistory(QueryListener.NONE).fetch(profile.name(), prometheus, profile.query(),
        options.from(), options.to(), options.step());
  }

  /** The operator's Prometheus default as its Deployment configures it, when this shell has it. */
  static PredictionSettings operatorDefaults() {
    PredictionSettings defaults = PredictionSettings.defaults();
    String configured = System.getenv("SCALABLEAPP_PROMETHEUS_URL");
    return configured == null || configured.isBlank() ? defaults
        : new PredictionSettings(URI.create(configured), defaults.interval(), defaults.step());
  }
}
