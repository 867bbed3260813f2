package io.scalableapp.operator.whatif;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.scalableapp.engine.prometheus.QueryListener;
import io.scalableapp.engine.replay.trace.Trace;
import io.scalableapp.lab.AppProfile;
import io.scalableapp.lab.WhatIf;
import io.scalableapp.lab.trace.PrometheusHistory;
import io.scalableapp.operator.api.ScalableApp;
import java.net.URI;
import java.time.Instant;

/**
 * The what-if command ({@code java -jar scalableapp-whatif.jar}, {@code make what-if}): what
 * prediction would have done for an existing app. {@code --app NAMESPACE/NAME} is read from the
 * cluster of the current kubeconfig and its history replayed by the lab's {@link WhatIf} with the
 * app's own settings; the other options are {@link WhatIf}'s. {@code --prometheus} overrides the
 * app's Prometheus (for a port-forward), which is otherwise its spec.prediction.prometheusUrl or
 * the operator's default ({@code SCALABLEAPP_PROMETHEUS_URL} as the operator's Deployment sets it,
 * else the operator's built-in default). Then it reports the policy spec.autoscaling.tuning would
 * choose on that history ({@link WhatIfPolicy}), with its replay figures, in {@code policy.md} and
 * on stdout.
 *
 * <p>Without {@code --app}, {@code --prometheus URL --query PROMQL} replays that demand with the
 * lab's own sizing.
 *
 * <p>It exits when done: status 0 with the report written, 2 with one line saying what to fix, 1 on
 * anything else.
 */
public final class AppWhatIf {
  /**
   * The operator's own default ({@code scalableapp.prometheus.url} in its application.properties).
   */
  static final URI OPERATOR_DEFAULT_PROMETHEUS = URI.create("http://localhost:9090");

  private AppWhatIf() {}

  public static void main(String[] args) {
    WhatIf.exitOnFailure(() -> run(WhatIf.Options.parse(args, Instant.now())));
    // The replay's and the client's pools are gone by now; exiting says so even if a library left a
    // thread behind.
    System.exit(0);
  }

  static void run(WhatIf.Options options) throws Exception {
    if (options.app() == null) {
      WhatIf.replay(options);
      return;
    }
    try (KubernetesClient client = new KubernetesClientBuilder().build()) {
      ScalableApp app = AppProfiles.readApp(client, options.app());
      AppProfile profile = AppProfiles.of(app, operatorPrometheus());
      WhatIf.replay(options, profile);
      Trace history = fetch(options, profile);
      String policy =
          WhatIfPolicy.text(
              options.app(),
              WhatIfPolicy.search(app, history),
              WhatIfPolicy.search(app, history, true));
      WhatIfPolicy.write(options.out(), policy);
      System.out.println(policy);
    }
  }

  /**
   * The app's history again, for the policy search (the lab's replay keeps its own copy to itself).
   */
  public static Trace fetch(WhatIf.Options options, AppProfile profile) throws Exception {
    URI prometheus = options.prometheus() != null ? options.prometheus() : profile.prometheus();
    return new PrometheusHistory(QueryListener.NONE)
        .fetch(
            profile.name(),
            prometheus,
            profile.query(),
            options.from(),
            options.to(),
            options.step());
  }

  /** The operator's Prometheus default as its Deployment configures it, when this shell has it. */
  static URI operatorPrometheus() {
    String configured = System.getenv("SCALABLEAPP_PROMETHEUS_URL");
    return configured == null || configured.isBlank()
        ? OPERATOR_DEFAULT_PROMETHEUS
        : URI.create(configured);
  }
}
