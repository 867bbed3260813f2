package io.scalableapp.operator.dependent;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.scalableapp.operator.api.ChildLabels;
import io.scalableapp.operator.api.HttpProbeSpec;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.ScalableAppSpec;
import io.scalableapp.operator.api.SecurityProfile;
import io.scalableapp.operator.events.EventRecorder;
import java.util.Optional;

@KubernetesDependent(
    informer =
        @Informer(
            labelSelector = ChildLabels.APP_CHILDREN_SELECTOR,
            itemStore = OwnManagedFieldsStore.class))
public class DeploymentDependent extends AppChildResource<Deployment> {
  /** Its name in the reconciler's workflow, by which it and others look its resource up. */
  public static final String NAME = "deployment";

  public static final String CONTAINER_NAME = "app";
  public static final String PORT_NAME = "http";

  public DeploymentDependent(EventRecorder events) {
    super(Deployment.class, events);
  }

  @Override
  protected Deployment desired(ScalableApp app, Context<ScalableApp> context) {
    // Not getSecondaryResource(app, context): that computes desired() to find the Deployment.
    return desired(
        app,
        ReplicaFloor.of(app, context),
        context.getSecondaryResource(Deployment.class, DeploymentDependent.NAME));
  }

  /**
   * The Deployment for a new app, given the replica floor that prediction (or replicas.min) asks
   * for.
   */
  static Deployment desired(ScalableApp app, int replicaFloor) {
    return desired(app, replicaFloor, Optional.empty());
  }

  /** The Deployment for an app whose Deployment is {@code live} now (empty: not created yet). */
  static Deployment desired(ScalableApp app, int replicaFloor, Optional<Deployment> live) {
    ScalableAppSpec spec = app.getSpec();
    return new DeploymentBuilder()
        .withMetadata(childMetadata(app))
        .withNewSpec()
        // None while the HPA runs, so the two never fight; ReplicasHandover keeps the handover
        // dip-free.
        .withReplicas(ReplicasHandover.desiredReplicas(app, replicaFloor, live))
        .withNewSelector()
        .withMatchLabels(ChildLabels.selector(app))
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(ChildLabels.all(app))
        .endMetadata()
        .withNewSpec()
        .withSecurityContext(podSecurityContext(spec.getSecurityProfile()))
        .withContainers(container(spec))
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  @Override
  public Deployment update(
      Deployment actual, Deployment desired, ScalableApp app, Context<ScalableApp> context) {
    ReplicasHandover.parkReplicasBeforeRelease(
        context.getClient(), actual, desired, ReplicaFloor.of(app, context));
    return super.update(actual, desired, app, context);
  }

  /**
   * Only spec.replicas follows the floor, so a Deployment whose replicas alone differ has only had
   * its floor moved.
   */
  @Override
  protected Deployment withFloorOf(Deployment desired, Deployment live) {
    if (desired.getSpec().getReplicas() != null) {
      desired.getSpec().setReplicas(live.getSpec().getReplicas());
    }
    return desired;
  }

  private static Container container(ScalableAppSpec spec) {
    var probes = spec.getProbes();
    return new ContainerBuilder()
        .withName(CONTAINER_NAME)
        .withImage(spec.getImage())
        .addNewPort()
        .withName(PORT_NAME)
        .withContainerPort(spec.getPort())
        .withProtocol("TCP")
        .endPort()
        .withEnv(spec.getEnv())
        .withResources(spec.getResources())
        .withReadinessProbe(probes == null ? null : httpProbe(probes.getReadiness()))
        .withLivenessProbe(probes == null ? null : httpProbe(probes.getLiveness()))
        .withSecurityContext(containerSecurityContext(spec.getSecurityProfile()))
        .build();
  }

  /**
   * Restricted: what Pod Security "restricted" asks of the pod. Baseline: the image's own user, as
   * it was built.
   */
  static PodSecurityContext podSecurityContext(SecurityProfile profile) {
    if (profile != SecurityProfile.Restricted) {
      return null;
    }
    return new PodSecurityContextBuilder()
        .withRunAsNonRoot(true)
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .build();
  }

  /**
   * Restricted: no capabilities and no privilege escalation, as Pod Security "restricted" asks of
   * each container.
   */
  static SecurityContext containerSecurityContext(SecurityProfile profile) {
    if (profile != SecurityProfile.Restricted) {
      return null;
    }
    return new SecurityContextBuilder()
        .withAllowPrivilegeEscalation(false)
        .withNewCapabilities()
        .withDrop("ALL")
        .endCapabilities()
        .build();
  }

  private static Probe httpProbe(HttpProbeSpec probe) {
    if (probe == null) {
      return null;
    }
    return new ProbeBuilder()
        .withNewHttpGet()
        .withPath(probe.getPath())
        .withPort(new IntOrString(PORT_NAME))
        .endHttpGet()
        .withInitialDelaySeconds(probe.getInitialDelaySeconds())
        .withPeriodSeconds(probe.getPeriodSeconds())
        .withTimeoutSeconds(probe.getTimeoutSeconds())
        .withFailureThreshold(probe.getFailureThreshold())
        .build();
  }
}
