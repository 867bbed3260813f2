package io.scalableapp.operator.runtime;

import java.time.Duration;
import java.util.Optional;

/**
 * Leader election over a coordination.k8s.io Lease: with several replicas of the operator only the
 * holder reconciles and predicts; the others keep their caches warm and take over when the lease
 * expires.
 *
 * @param enabled off for a single process (a developer's `make run`, in-process tests)
 * @param leaseName the Lease's name
 * @param leaseNamespace the Lease's namespace; empty: the namespace of the operator's own Pod /
 *     kubeconfig
 * @param identity this instance's name in the Lease; empty: $HOSTNAME (the Pod's name), else a
 *     random one
 * @param leaseDuration how long a dead leader keeps the lease, i.e. the longest takeover time
 * @param renewDeadline how long the leader keeps retrying to renew before it gives up (and exits)
 * @param retryPeriod how often candidates try to acquire or renew
 */
public record LeaderElectionSettings(
    boolean enabled,
    String leaseName,
    Optional<String> leaseNamespace,
    Optional<String> identity,
    Duration leaseDuration,
    Duration renewDeadline,
    Duration retryPeriod) {

  public static LeaderElectionSettings disabled() {
    return new LeaderElectionSettings(
        false,
        "scalableapp-operator",
        Optional.empty(),
        Optional.empty(),
        Duration.ofSeconds(15),
        Duration.ofSeconds(10),
        Duration.ofSeconds(2));
  }
}
