package io.scalableapp.operator.runtime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Leader election (scalableapp.leader-election.*); what each setting means: {@link
 * LeaderElectionSettings}.
 */
@ConfigMapping(prefix = "scalableapp.leader-election")
public interface LeaderElectionConfig {
  @WithDefault("true")
  boolean enabled();

  @WithDefault("scalableapp-operator")
  String leaseName();

  /** Unset: the operator's own namespace (in a Pod) or the kubeconfig's. */
  Optional<String> leaseNamespace();

  Optional<String> identity();

  @WithDefault("15s")
  Duration leaseDuration();

  @WithDefault("10s")
  Duration renewDeadline();

  @WithDefault("2s")
  Duration retryPeriod();

  default LeaderElectionSettings settings() {
    return new LeaderElectionSettings(
        enabled(),
        leaseName(),
        leaseNamespace(),
        identity(),
        leaseDuration(),
        renewDeadline(),
        retryPeriod());
  }
}
