package io.scalableapp.operator.it;

import io.scalableapp.testsupport.TestNamespace;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's own namespace on the local cluster, with the CRD this build generated installed,
 * and optionally an in-process operator watching it. Deleted after the class's {@code @AfterAll}
 * methods, so operators they stop are gone first.
 */
final class ClusterNamespace extends TestNamespace {
  private boolean withOperator;
  private LocalCluster.RunningOperator operator;

  private ClusterNamespace(String prefix, boolean fixedName) {
    super(prefix, fixedName);
  }

  /** A fresh namespace named {@code prefix-<random>}. */
  public static ClusterNamespace withPrefix(String prefix) {
    return new ClusterNamespace(prefix, false);
  }

  /** Exactly {@code name}, recreated if a previous run left it behind. */
  static ClusterNamespace named(String name) {
    return new ClusterNamespace(name, true);
  }

  /** A label put on the namespace when it is created, e.g. a Pod Security level. */
  ClusterNamespace withLabel(String key, String value) {
    addLabel(key, value);
    return this;
  }

  /**
   * Runs an in-process operator watching this namespace for the whole class; it stops before the
   * namespace goes.
   */
  ClusterNamespace withOperator() {
    withOperator = true;
    return this;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    super.beforeAll(context);
    if (withOperator) {
      operator = LocalCluster.startOperator(this);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (operator != null) {
      operator.stop();
    }
    super.afterAll(context);
  }
}
