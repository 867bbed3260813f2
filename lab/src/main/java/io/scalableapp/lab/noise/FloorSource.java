package io.scalableapp.lab.noise;

import io.scalableapp.engine.floor.NoiseFloorRule;
import java.time.Duration;

/**
 * What sits under the HPA in a searched policy: nothing, an engine noise floor, or the perfect
 * forecast.
 */
public sealed interface FloorSource {

  String label();

  /** No floor: the HPA alone, so the search can always fall back to the tuned reactive HPA. */
  record None() implements FloorSource {
    @Override
    public String label() {
      return "HPA alone";
    }
  }

  /** An engine floor family with its knobs. */
  record Rule(NoiseFloorRule rule) implements FloorSource {
    @Override
    public String label() {
      return rule.label();
    }
  }

  /**
   * The ceiling: the actual demand peak over {@code [t, t + lead + window)}, known in advance, no
   * margin.
   */
  record Oracle(Duration window) implements FloorSource {
    @Override
    public String label() {
      return "perfect forecast" + (window.isZero() ? "" : ", +" + window.toMinutes() + " min");
    }
  }
}
