package io.scalableapp.operator.cdn.cloudflare;

import io.scalableapp.operator.cdn.CdnDependent;
import io.scalableapp.operator.cdn.CdnProviderActive;

/**
 * The cloudflare provider in the workflow. The provider itself (the Rulesets and purge_cache API client) is
 * registered in OperatorFactory under the name "cloudflare"; until it is, apps naming it get CdnReady=False,
 * reason ProviderNotAvailable.
 */
public class CloudflareCdnDependent extends CdnDependent {
  public static final String NAME = "cloudflare";

  public CloudflareCdnDependent() {
    super(NAME);
  }

  /** Activation condition of {@link CloudflareCdnDependent}. */
  public static class Active extends CdnProviderActive {
    public Active() {
      super(NAME);
    }
  }
}
