package io.scalableapp.operator.cdn.cloudflare;

import io.scalableapp.operator.cdn.CdnDependent;
import io.scalableapp.operator.cdn.CdnProviderActive;

/**
 * The cloudflare provider ({@link CloudflareProvider}, registered in OperatorFactory) in the
 * workflow.
 */
public class CloudflareCdnDependent extends CdnDependent {
  public static final String NAME = CloudflareProvider.NAME;

  public CloudflareCdnDependent() {
    super(NAME);
  }

  /** Reconcile precondition of {@link CloudflareCdnDependent}. */
  public static class Active extends CdnProviderActive {
    public Active() {
      super(NAME);
    }
  }
}
