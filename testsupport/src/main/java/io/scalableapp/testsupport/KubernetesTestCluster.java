package io.scalableapp.testsupport;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The real cluster the integration tests run against (started by `make cluster-up`; KUBECONFIG
 * points at it), and the CRD this build generated (the api module's), installed on it.
 */
public final class KubernetesTestCluster {
  /** Where the api module's build writes the CRD, seen from any module beside it. */
  public static final Path GENERATED_CRD =
      Path.of("../api/target/classes/META-INF/fabric8/scalableapps.scalableapp.io-v1.yml");

  private KubernetesTestCluster() {}

  public static KubernetesClient client() {
    if (System.getenv("KUBECONFIG") == null) {
      throw new IllegalStateException(
          "KUBECONFIG is not set: run the integration tests through `make test`, "
              + "which starts the local cluster first");
    }
    return new KubernetesClientBuilder().build();
  }

  /** Applies the generated CRD and waits until the API server serves it. */
  public static void installCrd(KubernetesClient client) throws IOException {
    if (!Files.exists(GENERATED_CRD)) {
      throw new IllegalStateException(
          GENERATED_CRD
              + " is missing: the api module's build generates it in "
              + "process-classes");
    }
    try (InputStream in = Files.newInputStream(GENERATED_CRD)) {
      CustomResourceDefinition crd =
          client.apiextensions().v1().customResourceDefinitions().load(in).item();
      client.resource(crd).forceConflicts().serverSideApply();
      client
          .apiextensions()
          .v1()
          .customResourceDefinitions()
          .withName(crd.getMetadata().getName())
          .waitUntilCondition(
              c ->
                  c.getStatus() != null
                      && c.getStatus().getConditions() != null
                      && c.getStatus().getConditions().stream()
                          .anyMatch(
                              cond ->
                                  "Established".equals(cond.getType())
                                      && "True".equals(cond.getStatus())),
              60,
              TimeUnit.SECONDS);
    }
  }
}
