package io.scalableapp.operator.cdn.cloudflare;

import io.scalableapp.operator.cdn.CdnDependent;
import io.scalableapp.operator.cdn.CdnProviderActive;
import io.scalableapp.operator.cdn.CdnRuntime;
import io.scalableapp.operator.events.EventRecorder;

/**
 * The cloudflare provider ({@link CloudflareProvider}, registered in OperatorFactory) in the
 * workflow.
 */
public class CloudflareCdnDependent extends CdnDependent {
  public static final String NAME = CloudflareProvider.NAME;

  public CloudflareCdnDependent(EventRecorder events, CdnRuntime runtime) {
    super(NAME, events, runtime);
  }

  /** Reconcile precondition of {@link CloudflareCdnDependent}. */
  public static class Active extends CdnProviderActive {
    public Active() {
      super(NAME);
    }
  }
}
