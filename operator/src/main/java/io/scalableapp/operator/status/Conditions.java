package io.scalableapp.operator.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Kubernetes-style conditions: setting one keeps its lastTransitionTime unless its status flips.
 */
public final class Conditions {
  public static final String READY = "Ready";
  public static final String PROGRESSING = "Progressing";
  public static final String DEGRADED = "Degraded";

  /** Whether an HPA scales the app, and if not, why. */
  public static final String AUTOSCALING = "Autoscaling";

  /** kstatus' abnormal-true conditions: True while the current generation is still converging. */
  public static final String RECONCILING = "Reconciling";

  /** kstatus' abnormal-true conditions: True while the operator cannot make progress. */
  public static final String STALLED = "Stalled";

  /** Whether the edge provider serves spec.cdn as written; present while spec.cdn is set. */
  public static final String CDN_READY = "CdnReady";

  private Conditions() {}

  public static Optional<Condition> find(List<Condition> conditions, String type) {
    return conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  /** Returns a copy of {@code conditions} without {@code type}. */
  public static List<Condition> remove(List<Condition> conditions, String type) {
    return conditions.stream().filter(c -> !type.equals(c.getType())).toList();
  }

  /** Returns a copy of {@code conditions} with {@code type} set as given. */
  public static List<Condition> set(
      List<Condition> conditions,
      String type,
      boolean status,
      String reason,
      String message,
      long observedGeneration,
      Instant now) {
    String statusText = status ? "True" : "False";
    String transitionTime =
        find(conditions, type)
            .filter(old -> statusText.equals(old.getStatus()))
            .map(Condition::getLastTransitionTime)
            .orElse(DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS)));
    Condition updated =
        new ConditionBuilder()
            .withType(type)
            .withStatus(statusText)
            .withReason(reason)
            .withMessage(message)
            .withObservedGeneration(observedGeneration)
            .withLastTransitionTime(transitionTime)
            .build();
    List<Condition> result = new ArrayList<>(conditions.size() + 1);
    boolean replaced = false;
    for (Condition c : conditions) {
      if (type.equals(c.getType())) {
        result.add(updated);
        replaced = true;
      } else {
        result.add(c);
      }
    }
    if (!replaced) {
      result.add(updated);
    }
    return result;
  }
}
