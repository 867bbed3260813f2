package io.scalableapp.operator.it;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's own namespace on the local cluster, with the CRD this build generated installed.
 * Deleted after the class's {@code @AfterAll} methods, so operators they stop are gone first.
 */
final class ClusterNamespace implements BeforeAllCallback, AfterAllCallback {
  private final String prefix;
  private final boolean fixedName;
  private final Map<String, String> labels = new LinkedHashMap<>();
  private boolean withOperator;
  private KubernetesClient client;
  private String name;
  private LocalCluster.RunningOperator operator;

  private ClusterNamespace(String prefix, boolean fixedName) {
    this.prefix = prefix;
    this.fixedName = fixedName;
  }

  /** A fresh namespace named {@code prefix-<random>}. */
  static ClusterNamespace withPrefix(String prefix) {
    return new ClusterNamespace(prefix, false);
  }

  /** Exactly {@code name}, recreated if a previous run left it behind. */
  static ClusterNamespace named(String name) {
    return new ClusterNamespace(name, true);
  }

  /** A label put on the namespace when it is created, e.g. a Pod Security level. */
  ClusterNamespace withLabel(String key, String value) {
    labels.put(key, value);
    return this;
  }

  /** Runs an in-process operator watching this namespace for the whole class; it stops before the namespace goes. */
  ClusterNamespace withOperator() {
    withOperator = true;
    return this;
  }

  KubernetesClient client() {
    return client;
  }

  String name() {
    return name;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    client = LocalCluster.client();
    LocalCluster.installCrd(client);
    if (fixedName) {
      client.namespaces().withName(prefix).withTimeout(60, TimeUnit.SECONDS).delete();
    }
    name = fixedName ? prefix : prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata().build()).create();
    if (withOperator) {
      operator = LocalCluster.startOperator(this);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (operator != null) {
      operator.stop();
    }
    if (name != null) {
      client.namespaces().withName(name).delete();
    }
    client.close();
  }
}
