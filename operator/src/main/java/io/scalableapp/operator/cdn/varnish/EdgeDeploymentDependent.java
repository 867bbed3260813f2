package io.scalableapp.operator.cdn.varnish;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.scalableapp.operator.api.ChildLabels;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.cdn.CdnSettings;
import io.scalableapp.operator.events.EventRecorder;
import java.util.Map;

/**
 * The edge pods: varnishd with the generated VCL. The VCL's hash is in the pod template, so a
 * changed VCL rolls the edge out like a new image (Varnish reads its VCL at start), and so does a
 * new purge token. Two listeners: the public one behind the edge Service, and the purge listener
 * only the operator's BANs go to (not in the Service). Replicas are left to the edge's HPA.
 */
@KubernetesDependent(informer = @Informer(labelSelector = ChildLabels.EDGE_SELECTOR))
public class EdgeDeploymentDependent extends EdgeChildResource<Deployment> {
  /** Its name in the reconciler's workflow, by which it and others look its resource up. */
  public static final String NAME = "edge-deployment";

  public static final String CONTAINER_NAME = "varnish";
  public static final String PURGE_TOKEN_ANNOTATION = "scalableapp.io/purge-token-hash";

  /** Varnish's own memory beside its cache: threads, workspaces, the shared memory log. */
  static final int OVERHEAD_MIB = 128;

  private final CdnSettings settings;

  public EdgeDeploymentDependent(EventRecorder events, CdnSettings settings) {
    super(Deployment.class, events);
    this.settings = settings;
  }

  @Override
  protected Deployment desired(ScalableApp app, Context<ScalableApp> context) {
    return desired(app, settings);
  }

  static Deployment desired(ScalableApp app, CdnSettings settings) {
    if (beingRemoved(app)) {
      return new DeploymentBuilder().withMetadata(edgeMetadata(app)).build();
    }
    var varnish = varnish(app);
    String vclHash = EdgeVcl.hash(EdgeVcl.of(app));
    Quantity memory = new Quantity((varnish.getCacheSizeMiB() + OVERHEAD_MIB) + "Mi");
    return new DeploymentBuilder()
        .withMetadata(edgeMetadata(app))
        .withNewSpec()
        .withNewSelector()
        .withMatchLabels(ChildLabels.edgeSelector(app))
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(ChildLabels.edgeAll(app))
        .withAnnotations(
            Map.of(
                EdgeConfigMapDependent.VCL_HASH_ANNOTATION,
                vclHash,
                PURGE_TOKEN_ANNOTATION,
                EdgePurgeSecretDependent.tokenFingerprint(app, settings)))
        .endMetadata()
        .withNewSpec()
        .withNewSecurityContext()
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .endSecurityContext()
        .withContainers(
            new ContainerBuilder()
                .withName(CONTAINER_NAME)
                .withImage(varnish.getImage())
                .withCommand("varnishd")
                .withArgs(
                    "-F",
                    "-f",
                    "/etc/varnish/" + EdgeConfigMapDependent.VCL_KEY,
                    "-a",
                    "http=:" + EDGE_PORT + ",HTTP",
                    "-a",
                    VclGenerator.PURGE_LISTENER + "=:" + PURGE_PORT + ",HTTP",
                    "-s",
                    "malloc," + varnish.getCacheSizeMiB() + "M",
                    "-n",
                    "/var/lib/varnish/edge")
                .addNewPort()
                .withName(PORT_NAME)
                .withContainerPort(EDGE_PORT)
                .withProtocol("TCP")
                .endPort()
                .addNewPort()
                .withName(PURGE_PORT_NAME)
                .withContainerPort(PURGE_PORT)
                .withProtocol("TCP")
                .endPort()
                .withNewReadinessProbe()
                .withNewTcpSocket()
                .withPort(new IntOrString(PORT_NAME))
                .endTcpSocket()
                .withPeriodSeconds(5)
                .endReadinessProbe()
                .withNewResources()
                // A CPU request, so the edge's HPA can measure utilisation.
                .withRequests(Map.of("cpu", new Quantity("100m"), "memory", memory))
                .withLimits(Map.of("memory", memory))
                .endResources()
                .withNewSecurityContext()
                .withAllowPrivilegeEscalation(false)
                .endSecurityContext()
                .addNewVolumeMount()
                .withName("vcl")
                .withMountPath("/etc/varnish")
                .withReadOnly(true)
                .endVolumeMount()
                .addNewVolumeMount()
                .withName("purge")
                .withMountPath(parent(VclBackend.EDGE_PURGE_TOKEN_FILE))
                .withReadOnly(true)
                .endVolumeMount()
                .addNewVolumeMount()
                .withName("workdir")
                .withMountPath("/var/lib/varnish")
                .endVolumeMount()
                .build())
        .addNewVolume()
        .withName("vcl")
        .withNewConfigMap()
        .withName(ChildLabels.edgeName(app))
        .endConfigMap()
        .endVolume()
        .addNewVolume()
        .withName("purge")
        .withNewSecret()
        .withSecretName(EdgePurgeSecretDependent.secretName(app))
        .endSecret()
        .endVolume()
        // Varnish's shared memory log wants memory-backed storage.
        .addNewVolume()
        .withName("workdir")
        .withNewEmptyDir()
        .withMedium("Memory")
        .endEmptyDir()
        .endVolume()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static String parent(String file) {
    return file.substring(0, file.lastIndexOf('/'));
  }
}
