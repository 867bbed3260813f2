package io.scalableapp.testsupport;

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
 * A test class's own namespace on the local cluster ({@link KubernetesTestCluster}), with the
 * generated CRD installed; deleted after the class's {@code @AfterAll} methods.
 */
public class TestNamespace implements BeforeAllCallback, AfterAllCallback {
  private final String prefix;
  private final boolean fixedName;
  private final Map<String, String> labels = new LinkedHashMap<>();
  private KubernetesClient client;
  private String name;

  protected TestNamespace(String prefix, boolean fixedName) {
    this.prefix = prefix;
    this.fixedName = fixedName;
  }

  /** A fresh namespace named {@code prefix-<random>}. */
  public static TestNamespace withPrefix(String prefix) {
    return new TestNamespace(prefix, false);
  }

  /** A label put on the namespace when it is created, e.g. a Pod Security level. */
  protected void addLabel(String key, String value) {
    labels.put(key, value);
  }

  public KubernetesClient client() {
    return client;
  }

  public String name() {
    return name;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    client = KubernetesTestCluster.client();
    KubernetesTestCluster.installCrd(client);
    if (fixedName) {
      client.namespaces().withName(prefix).withTimeout(60, TimeUnit.SECONDS).delete();
    }
    name = fixedName ? prefix : prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    client
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(labels)
                .endMetadata()
                .build())
        .create();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (name != null) {
      client.namespaces().withName(name).delete();
    }
    client.close();
  }
}
