package io.scalableapp.operator.cdn.varnish;

import io.scalableapp.operator.cdn.CdnDependent;
import io.scalableapp.operator.cdn.CdnProviderActive;
import io.scalableapp.operator.cdn.CdnRuntime;
import io.scalableapp.operator.events.EventRecorder;

/** The varnish provider in the workflow. */
public class VarnishCdnDependent extends CdnDependent {
  public VarnishCdnDependent(EventRecorder events, CdnRuntime runtime) {
    super(VarnishProvider.NAME, events, runtime);
  }

  /** Reconcile precondition of {@link VarnishCdnDependent}. */
  public static class Active extends CdnProviderActive {
    public Active() {
      super(VarnishProvider.NAME);
    }
  }
}
