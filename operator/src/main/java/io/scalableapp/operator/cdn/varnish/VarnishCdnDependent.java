package io.scalableapp.operator.cdn.varnish;

import io.scalableapp.operator.cdn.CdnDependent;
import io.scalableapp.operator.cdn.CdnProviderActive;

/** The varnish provider in the workflow. */
public class VarnishCdnDependent extends CdnDependent {
  public VarnishCdnDependent() {
    super(VarnishProvider.NAME);
  }

  /** Reconcile precondition of {@link VarnishCdnDependent}. */
  public static class Active extends CdnProviderActive {
    public Active() {
      super(VarnishProvider.NAME);
    }
  }
}
