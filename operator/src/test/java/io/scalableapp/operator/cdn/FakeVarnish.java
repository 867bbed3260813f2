package io.scalableapp.operator.cdn;

import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.ScalableAppStatus;
import io.scalableapp.operator.api.cdn.CdnSpec;
import io.scalableapp.operator.api.cdn.CdnStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A provider named varnish for tests that need no edge: it records "apply" and "remove", and does
 * on apply what the test gives it (succeed, throw, wait).
 */
final class FakeVarnish implements CdnProvider {
  final List<String> calls = Collections.synchronizedList(new ArrayList<>());
  private final Supplier<AppliedCdn> onApply;

  FakeVarnish(Supplier<AppliedCdn> onApply) {
    this.onApply = onApply;
  }

  /** Applies and removes without a word. */
  static FakeVarnish obliging() {
    return new FakeVarnish(() -> new AppliedCdn("v1", "applied"));
  }

  /** Every apply fails with {@code failure}. */
  static FakeVarnish failing(RuntimeException failure) {
    return new FakeVarnish(
        () -> {
          throw failure;
        });
  }

  /**
   * An app named {@code name} whose spec.cdn names varnish, with the cleanup finalizer on already
   * (nothing needs the API server to add it) and status.cdn naming varnish.
   */
  static ScalableApp app(String name) {
    ScalableApp app = TestApps.app(name, "team");
    app.getMetadata().setUid("uid-" + name);
    app.getMetadata().setFinalizers(List.of(CdnFinalizer.NAME));
    CdnSpec cdn = new CdnSpec();
    cdn.setProvider(CdnSpec.Provider.varnish);
    app.getSpec().setCdn(cdn);
    CdnStatus status = new CdnStatus();
    status.setProvider("varnish");
    app.setStatus(new ScalableAppStatus());
    app.getStatus().setCdn(status);
    return app;
  }

  @Override
  public String name() {
    return "varnish";
  }

  @Override
  public List<Unsupported> unsupported(CdnPolicy policy) {
    return List.of();
  }

  @Override
  public Optional<AppliedCdn> observe(CdnTarget target) {
    return Optional.empty();
  }

  @Override
  public AppliedCdn apply(CdnTarget target, CdnPolicy policy) {
    AppliedCdn applied = onApply.get();
    calls.add("apply");
    return applied;
  }

  @Override
  public PurgeResult purge(CdnTarget target, PurgeRequest request) {
    throw new UnsupportedOperationException("no purge in these tests");
  }

  @Override
  public void remove(CdnTarget target) {
    calls.add("remove");
  }
}
