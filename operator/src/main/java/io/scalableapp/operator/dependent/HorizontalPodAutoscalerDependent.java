package io.scalableapp.operator.dependent;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingRules;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingRulesBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehaviorBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.scalableapp.engine.auto.TunedPolicy;
import io.scalableapp.operator.api.AutoscalingSpec;
import io.scalableapp.operator.api.ChildLabels;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.translate.TuningSpecs;
import io.scalableapp.operator.api.translate.TuningText;
import io.scalableapp.operator.events.EventRecorder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

@KubernetesDependent(
    informer =
        @Informer(
            labelSelector = ChildLabels.APP_CHILDREN_SELECTOR,
            onUpdateFilter = OwnedFieldsChanged.class,
            itemStore = OwnManagedFieldsStore.class))
public class HorizontalPodAutoscalerDependent extends AppChildResource<HorizontalPodAutoscaler> {
  /** Its name in the reconciler's workflow, by which it and others look its resource up. */
  public static final String NAME = "horizontalpodautoscaler";

  public HorizontalPodAutoscalerDependent(EventRecorder events) {
    super(HorizontalPodAutoscaler.class, events);
  }

  @Override
  protected HorizontalPodAutoscaler desired(ScalableApp app, Context<ScalableApp> context) {
    TunedPolicy policy = RunningPolicy.of(app, context);
    Optional<Integer> enforcedFloor = ReplicaFloor.enforced(app, context);
    Optional<PolicySwitchHold> hold =
        Pause.of(app).isPresent()
            ? Optional.empty()
            : PolicySwitchHold.of(
                live(app, context),
                policy,
                TuningSpecs.of(app).isPresent(),
                context
                    .getSecondaryResource(Deployment.class, DeploymentDependent.NAME)
                    .map(d -> d.getSpec().getReplicas()),
                enforcedFloor.isPresent(),
                Instant.now());
    HorizontalPodAutoscaler desired = desired(app, ReplicaFloor.of(app, context), policy, hold);
    // Only a floor above replicas.min has anything to release.
    if (enforcedFloor.filter(f -> f > app.getSpec().getReplicas().getMin()).isPresent()) {
      Map<String, String> annotations =
          new TreeMap<>(
              Optional.ofNullable(desired.getMetadata().getAnnotations()).orElse(Map.of()));
      annotations.put(PolicySwitchHold.FLOOR_ENFORCED, "true");
      desired.getMetadata().setAnnotations(annotations);
    }
    return desired;
  }

  /**
   * The app's live HPA from the informers' cache. Not this dependent's own getSecondaryResource,
   * which may compute desired() to find it: called from desired(), that recurses.
   */
  private static Optional<HorizontalPodAutoscaler> live(
      ScalableApp app, Context<ScalableApp> context) {
    return context.getSecondaryResources(HorizontalPodAutoscaler.class).stream()
        .filter(h -> app.getMetadata().getName().equals(h.getMetadata().getName()))
        .findFirst();
  }

  /**
   * minReplicas is the floor, so an HPA whose minReplicas alone differs has only had its floor
   * moved; a pause pins maxReplicas to it too, so going into or out of a pin (minReplicas =
   * maxReplicas) is a floor move as well.
   */
  @Override
  protected HorizontalPodAutoscaler withFloorOf(
      HorizontalPodAutoscaler desired, HorizontalPodAutoscaler live) {
    boolean pinned = isPinned(desired) || isPinned(live);
    desired.getSpec().setMinReplicas(live.getSpec().getMinReplicas());
    if (pinned) {
      desired.getSpec().setMaxReplicas(live.getSpec().getMaxReplicas());
    }
    // Under tuning the operator moves the target, the window and their annotations itself: a policy
    // switch. Only those fields are taken from live: the rest of live's behavior holds the API
    // server's defaults, which the operator never wrote, so comparing them would call every floor
    // move on a tuned HPA drift.
    boolean tuned = isTuned(desired) || isTuned(live);
    if (tuned) {
      desired.getSpec().setMetrics(live.getSpec().getMetrics());
      desired
          .getSpec()
          .setBehavior(
              withScaleDownWindow(
                  desired.getSpec().getBehavior(), scaleDownWindowSeconds(live).orElse(null)));
    }
    // The enforced-floor mark comes and goes with the floor.
    takeAnnotations(
        desired,
        live,
        tuned
            ? List.of(
                PolicySwitchHold.FLOOR_ENFORCED,
                PolicySwitchHold.TUNED,
                PolicySwitchHold.ANNOTATION)
            : List.of(PolicySwitchHold.FLOOR_ENFORCED));
    return desired;
  }

  /** {@code desired} with live's value (or absence) of each of {@code keys}. */
  private static void takeAnnotations(
      HorizontalPodAutoscaler desired, HorizontalPodAutoscaler live, List<String> keys) {
    Map<String, String> annotations =
        new TreeMap<>(Optional.ofNullable(desired.getMetadata().getAnnotations()).orElse(Map.of()));
    for (String key : keys) {
      annotations.remove(key);
      Optional.ofNullable(live.getMetadata().getAnnotations())
          .map(a -> a.get(key))
          .ifPresent(value -> annotations.put(key, value));
    }
    // None left: as live has none (null or empty), so that alone is no difference.
    desired
        .getMetadata()
        .setAnnotations(
            annotations.isEmpty() && live.getMetadata().getAnnotations() == null
                ? null
                : annotations);
  }

  /** The scale-down stabilisation window {@code hpa} states, if it states one. */
  static Optional<Integer> scaleDownWindowSeconds(HorizontalPodAutoscaler hpa) {
    return Optional.ofNullable(hpa.getSpec().getBehavior())
        .map(HorizontalPodAutoscalerBehavior::getScaleDown)
        .map(HPAScalingRules::getStabilizationWindowSeconds);
  }

  /** {@code behavior} with its scale-down window set to {@code seconds}; null leaves it unset. */
  private static HorizontalPodAutoscalerBehavior withScaleDownWindow(
      HorizontalPodAutoscalerBehavior behavior, Integer seconds) {
    if (seconds != null) {
      return new HorizontalPodAutoscalerBehaviorBuilder(
              behavior == null ? new HorizontalPodAutoscalerBehavior() : behavior)
          .editOrNewScaleDown()
          .withStabilizationWindowSeconds(seconds)
          .endScaleDown()
          .build();
    }
    if (behavior == null || behavior.getScaleDown() == null) {
      return behavior;
    }
    HPAScalingRules scaleDown =
        new HPAScalingRulesBuilder(behavior.getScaleDown())
            .withStabilizationWindowSeconds(null)
            .build();
    boolean scaleDownEmpty = scaleDown.getPolicies() == null && scaleDown.getSelectPolicy() == null;
    if (scaleDownEmpty && behavior.getScaleUp() == null) {
      return null;
    }
    return new HorizontalPodAutoscalerBehaviorBuilder(behavior)
        .withScaleDown(scaleDownEmpty ? null : scaleDown)
        .build();
  }

  private static boolean isTuned(HorizontalPodAutoscaler hpa) {
    Map<String, String> annotations = hpa.getMetadata().getAnnotations();
    return annotations != null
        && (annotations.containsKey(PolicySwitchHold.TUNED)
            || annotations.containsKey(PolicySwitchHold.ANNOTATION));
  }

  private static boolean isPinned(HorizontalPodAutoscaler hpa) {
    return Objects.equals(hpa.getSpec().getMinReplicas(), hpa.getSpec().getMaxReplicas());
  }

  /**
   * The HPA for an app. The replica floor goes into minReplicas: the HPA keeps reacting above the
   * forecast, and if the operator stops, the app still scales on its own. While the app is paused
   * the HPA stays, pinned at the held count (minReplicas = maxReplicas), so it moves nothing.
   */
  static HorizontalPodAutoscaler desired(ScalableApp app, int replicaFloor) {
    return desired(app, replicaFloor, TuningSpecs.user(app), Optional.empty());
  }

  /**
   * With the policy that runs: a tuned policy sets the CPU target and
   * behavior.scaleDown.stabilizationWindowSeconds (the rest of the user's behavior stays), and a
   * policy switch holds the running replicas in minReplicas.
   */
  static HorizontalPodAutoscaler desired(
      ScalableApp app, int replicaFloor, TunedPolicy policy, Optional<PolicySwitchHold> hold) {
    AutoscalingSpec autoscaling = app.getSpec().getAutoscaling();
    TunedPolicy user = TuningSpecs.user(app);
    boolean tuned = !policy.equals(user);
    ObjectMeta metadata = childMetadata(app);
    Map<String, String> annotations = new TreeMap<>();
    if (tuned) {
      annotations.put(PolicySwitchHold.TUNED, TuningText.policy(policy));
    }
    hold.ifPresent(h -> annotations.put(PolicySwitchHold.ANNOTATION, h.annotationValue()));
    if (!annotations.isEmpty()) {
      metadata.setAnnotations(annotations);
    }
    int max = app.getSpec().getReplicas().getMax();
    int floor =
        hold.map(h -> Math.min(max, Math.max(replicaFloor, h.replicas()))).orElse(replicaFloor);
    HorizontalPodAutoscalerBehavior behavior =
        tuned
            ? new HorizontalPodAutoscalerBehaviorBuilder(
                    autoscaling.getBehavior() == null
                        ? new HorizontalPodAutoscalerBehavior()
                        : autoscaling.getBehavior())
                .editOrNewScaleDown()
                .withStabilizationWindowSeconds((int) policy.scaleDownWindow().toSeconds())
                .endScaleDown()
                .build()
            : autoscaling.getBehavior();
    return new HorizontalPodAutoscalerBuilder()
        .withMetadata(metadata)
        .withNewSpec()
        .withNewScaleTargetRef("apps/v1", "Deployment", app.getMetadata().getName())
        .withMinReplicas(floor)
        .withMaxReplicas(Pause.of(app).isPresent() ? replicaFloor : max)
        .withMetrics(
            new MetricSpecBuilder()
                .withType("Resource")
                .withNewResource()
                .withName("cpu")
                .withNewTarget()
                .withType("Utilization")
                .withAverageUtilization(policy.targetPercent())
                .endTarget()
                .endResource()
                .build())
        .withBehavior(behavior)
        .endSpec()
        .build();
  }
}
