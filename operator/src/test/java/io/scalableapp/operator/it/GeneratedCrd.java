package io.scalableapp.operator.it;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.scalableapp.testsupport.KubernetesTestCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Installs the generated CRD before Quarkus boots, since the operator refuses to start without it.
 */
public class GeneratedCrd implements QuarkusTestResourceLifecycleManager {
  @Override
  public Map<String, String> start() {
    try (KubernetesClient client = LocalCluster.client()) {
      KubernetesTestCluster.installCrd(client);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.of();
  }

  @Override
  public void stop() {
    // The CRD stays: other test classes and the demo use it.
  }
}
