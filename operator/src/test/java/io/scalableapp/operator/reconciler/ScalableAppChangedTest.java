package io.scalableapp.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.api.ScalableAppStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScalableAppChangedTest {
  private final ScalableAppChanged filter = new ScalableAppChanged();

  private static ScalableApp app() {
    ScalableApp app = TestApps.app("shop", "prod");
    app.getMetadata().setGeneration(1L);
    return app;
  }

  @Test
  void aNewSpecReconciles() {
    ScalableApp updated = app();
    updated.getMetadata().setGeneration(2L);
    assertThat(filter.accept(updated, app())).isTrue();
  }

  @Test
  void aPauseAnnotationReconcilesThoughTheGenerationStays() {
    ScalableApp updated = app();
    updated.getMetadata().setAnnotations(Map.of("scalableapp.io/paused-replicas", "3"));
    assertThat(filter.accept(updated, app())).isTrue();
  }

  @Test
  void aStatusWriteDoesNot() {
    ScalableApp updated = app();
    updated.setStatus(new ScalableAppStatus());
    updated.getStatus().setObservedGeneration(1L);
    assertThat(filter.accept(updated, app())).isFalse();
  }

  @Test
  void theStartOfDeletionReconciles() {
    ScalableApp updated = app();
    updated.getMetadata().setDeletionTimestamp("2026-11-29T12:00:00Z");
    assertThat(filter.accept(updated, app())).isTrue();
  }
}
