package io.scalableapp.engine.metrics;

import io.scalableapp.engine.series.Series;
import java.time.Duration;
import java.time.Instant;

/**
 * Serves a recorded series as if it were live: only points in {@code [from, to]} are returned, so a
 * replay driven by a simulated clock can never see the future. A request for a coarser step that is
 * a whole multiple of the recording's step gets bucket means.
 */
public final class InMemoryDemandSource implements DemandSource {

  private final Series recording;

  public InMemoryDemandSource(Series recording) {
    this.recording = recording;
  }

  @Override
  public Series fetch(Instant from, Instant to, Duration step) {
    long stepNanos = recording.step().toNanos();
    if (step.toNanos() % stepNanos != 0) {
      throw new IllegalArgumentException(
          "step " + step + " is not a multiple of " + recording.step());
    }
    long first =
        Math.max(0, ceilDiv(Duration.between(recording.start(), from).toNanos(), stepNanos));
    long last =
        Math.min(
            recording.size() - 1L,
            Math.floorDiv(Duration.between(recording.start(), to).toNanos(), stepNanos));
    if (last < first) {
      return Series.empty(from, step);
    }
    return recording
        .slice((int) first, (int) last + 1)
        .downsample((int) (step.toNanos() / stepNanos));
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }
}
