package io.scalableapp.operator.runtime;

/**
 * JOSDK's thread pools: each reconciliation holds a reconciliation thread until its workflow is
 * done, and the workflow applies the app's dependents on workflow threads. Both pools grow to their
 * size and keep their threads, so each thread costs its stack for the life of the process.
 *
 * <p>The defaults are below JOSDK's 50 and 50: a reconciliation mostly waits on the API server,
 * whose ClusterIP allocation takes Service creates one at a time, so more threads only queue more
 * creates there; at 1,000 apps 20 and 20 converged no slower than 50 and 50 and the process was
 * smaller (docs/fleet-benchmark-analysis.md, "Issue 18, second round"), and 100 and 100 were
 * slower.
 *
 * @param reconciliations apps reconciled at once
 * @param workflows dependents applied at once, over all apps
 */
public record ReconcilerThreads(int reconciliations, int workflows) {
  public static final int DEFAULT_RECONCILIATIONS = 20;
  public static final int DEFAULT_WORKFLOWS = 20;

  public ReconcilerThreads {
    if (reconciliations < 1 || workflows < 1) {
      throw new IllegalArgumentException(
          "the operator needs at least one reconciliation and one workflow thread, got "
              + reconciliations
              + " and "
              + workflows);
    }
  }

  public static ReconcilerThreads defaults() {
    return new ReconcilerThreads(DEFAULT_RECONCILIATIONS, DEFAULT_WORKFLOWS);
  }
}
