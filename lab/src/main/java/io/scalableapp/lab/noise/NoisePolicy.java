package io.scalableapp.lab.noise;

import java.time.Duration;
import java.util.Locale;

/**
 * One policy the search may choose: a floor under an HPA with its CPU target and scale-down
 * stabilisation window.
 */
public record NoisePolicy(FloorSource floor, int hpaTargetPercent, Duration scaleDownWindow) {

  public String label() {
    return String.format(
        Locale.ROOT,
        "%s on HPA %d %%, %d min",
        floor.label(),
        hpaTargetPercent,
        scaleDownWindow.toMinutes());
  }
}
