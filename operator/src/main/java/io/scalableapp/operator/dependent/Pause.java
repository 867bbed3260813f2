package io.scalableapp.operator.dependent;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.scalableapp.operator.api.ReplicasSpec;
import io.scalableapp.operator.api.ScalableApp;
import java.util.Map;
import java.util.Optional;

/**
 * The pause annotations, with KEDA's semantics ({@code autoscaling.keda.sh/paused-replicas}, {@code
 * autoscaling.keda.sh/paused}): {@value #PAUSED_REPLICAS}: "N" holds the app at N replicas, {@value
 * #PAUSED}: "true" holds it at the replicas it has; with both, the count wins. While paused neither
 * the forecast nor the HPA moves replicas (the HPA stays, pinned at minReplicas = maxReplicas = the
 * held count) and nothing is deleted. Holding at fewer replicas than run is the user's explicit
 * decision; an unreadable value holds the current replicas, so a typo never drops capacity.
 *
 * @param replicas the count asked for, or null for the current replicas
 * @param problem why the annotation could not be read as written, or null
 */
public record Pause(Integer replicas, String problem) {
  public static final String PAUSED = "scalableapp.io/paused";
  public static final String PAUSED_REPLICAS = "scalableapp.io/paused-replicas";

  /** The app's pause, or empty when it is not paused. */
  public static Optional<Pause> of(ScalableApp app) {
    Map<String, String> annotations = app.getMetadata().getAnnotations();
    if (annotations == null) {
      return Optional.empty();
    }
    String count = annotations.get(PAUSED_REPLICAS);
    if (count != null) {
      String trimmed = count.trim();
      if (trimmed.matches("[0-9]{1,5}")
          && Integer.parseInt(trimmed) >= 1
          && Integer.parseInt(trimmed) <= ReplicasSpec.MAX_REPLICAS) {
        return Optional.of(new Pause(Integer.parseInt(trimmed), null));
      }
      return Optional.of(
          new Pause(
              null,
              PAUSED_REPLICAS
                  + " must be a whole number of replicas from 1 to "
                  + ReplicasSpec.MAX_REPLICAS
                  + ", got \""
                  + count
                  + "\""));
    }
    String flag = annotations.get(PAUSED);
    if (flag == null || "false".equalsIgnoreCase(flag.trim())) {
      return Optional.empty();
    }
    if ("true".equalsIgnoreCase(flag.trim())) {
      return Optional.of(new Pause(null, null));
    }
    return Optional.of(
        new Pause(null, PAUSED + " must be \"true\" or \"false\", got \"" + flag + "\""));
  }

  /**
   * The count to hold: the one asked for, else what the Deployment asks for now (at least 1: an HPA
   * cannot be pinned at 0), else replicas.min.
   */
  public int heldReplicas(ScalableApp app, Optional<Deployment> live) {
    if (replicas != null) {
      return replicas;
    }
    return live.map(d -> d.getSpec().getReplicas())
        .map(r -> Math.max(1, r))
        .orElse(app.getSpec().getReplicas().getMin());
  }

  /** Which annotation holds the app, and at what, for the Paused condition and Events. */
  public String describe(int held) {
    if (problem != null) {
      return problem + "; paused at the current " + held + " replicas instead";
    }
    return replicas != null
        ? "Paused at " + held + " replicas by " + PAUSED_REPLICAS
        : "Paused at the current " + held + " replicas by " + PAUSED + "=true";
  }
}
