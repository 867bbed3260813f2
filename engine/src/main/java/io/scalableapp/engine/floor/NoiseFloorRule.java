package io.scalableapp.engine.floor;

import java.time.Duration;
import java.util.Locale;

/**
 * A noise-sized floor: the demand to hold at full capacity at minute t is {@code reference +
 * quantile_q(standardised errors) x reference^k}, where the reference is the forecast peak over the
 * floor's span {@code [t, t + lead + window)} or the recent level ({@link FloorFamily}), and a past
 * anchor's standardised error is {@code (actual peak over its span - its reference) / reference^k}.
 *
 * <p>Request-count noise grows like the square root of the level (Poisson-like arrivals), so the
 * default {@code k = 0.5} gives proportionally more headroom at night than at the peak. {@code k =
 * 1} is the old proportional margin ({@code actual / reference - 1}), which is the same as a lower
 * CPU target; {@code k = 0} is a constant margin. The {@code window} extends the span beyond the
 * lead: the floor rises up to {@code window} before a forecast peak and holds it until the peak has
 * passed, the forward-looking twin of a scale-down window.
 *
 * @param family what the margin is added to
 * @param quantile which quantile of the standardised errors the margin covers, in (0, 1); the z of
 *     "level + z x level^k", learned from the app's own errors instead of fixed
 * @param exponent k, how the error's spread grows with the level, in [0, 1]
 * @param window how far beyond the lead the span reaches; zero or positive, whole minutes
 */
public record NoiseFloorRule(
    FloorFamily family, double quantile, double exponent, Duration window) {

  /** The default exponent: spread proportional to the square root of the level. */
  public static final double SQRT = 0.5;

  /** The exponent of the proportional margin. */
  public static final double PROPORTIONAL = 1.0;

  /**
   * What {@link FloorFamily#RECENT_LEVEL} averages. A longer mean ignores the spikes the margin is
   * there to cover; the margin follows ramps. Of 5, 10, 20, 30, 45 and 60 minutes, 45 left the
   * fewest under-provisioned minutes summed over the scaling lab's 12 NASA validation cells
   * (hack/lab-level-window.sh; docs/scaling-lab-analysis.md).
   */
  public static final Duration LEVEL_WINDOW = Duration.ofMinutes(45);

  /**
   * How many errors are scored before the margin is trusted; fewer and the rule proposes nothing.
   */
  public static final int MIN_SAMPLES = 30;

  /** Levels are at least this before raising to k, so a zero reference cannot divide by zero. */
  static final double MIN_SCALE_LEVEL = 1.0;

  public NoiseFloorRule {
    if (family == null) {
      throw new IllegalArgumentException("a noise floor needs a family");
    }
    if (!(quantile > 0 && quantile < 1)) {
      throw new IllegalArgumentException("noise floor quantile must be in (0, 1), was " + quantile);
    }
    if (!(exponent >= 0 && exponent <= 1)) {
      throw new IllegalArgumentException("noise floor exponent must be in [0, 1], was " + exponent);
    }
    if (window == null || window.isNegative() || window.toSeconds() % 60 != 0) {
      throw new IllegalArgumentException(
          "noise floor window must be zero or whole positive minutes, was " + window);
    }
  }

  /**
   * The recommended rule: the forecast, its p-quantile of errors scaled by the square root of the
   * level.
   */
  public static NoiseFloorRule sqrtNoise(FloorFamily family, double quantile, Duration window) {
    return new NoiseFloorRule(family, quantile, SQRT, window);
  }

  /**
   * The forecast with the old proportional margin (k = 1), kept as a candidate so a selection can
   * show it losing.
   */
  public static NoiseFloorRule proportional(double quantile, Duration window) {
    return new NoiseFloorRule(FloorFamily.FORECAST, quantile, PROPORTIONAL, window);
  }

  /** The span in whole minutes for a lead of {@code leadMinutes}: at least one minute. */
  public int spanMinutes(int leadMinutes) {
    return Math.max(1, leadMinutes + (int) window.toMinutes());
  }

  /** How the error's spread scales at {@code level}. */
  public double scale(double level) {
    return Math.pow(Math.max(MIN_SCALE_LEVEL, level), exponent);
  }

  /** A past anchor's standardised error; NaN when either side is unknown. */
  public double standardised(double reference, double actualPeak) {
    if (!(reference >= 0) || Double.isNaN(actualPeak) || Double.isInfinite(reference)) {
      return Double.NaN;
    }
    return (actualPeak - reference) / scale(reference);
  }

  /**
   * The demand to hold: the reference plus the learned standardised margin at its scale, never
   * negative.
   */
  public double cover(double reference, double standardisedMargin) {
    return Math.max(0, reference + standardisedMargin * scale(reference));
  }

  /** e.g. "forecast + p99 noise x level^0.5, +10 min" or "forecast + p90 proportional". */
  public String label() {
    String noise =
        exponent == PROPORTIONAL
            ? "proportional"
            : String.format(Locale.ROOT, "noise x level^%s", trim(exponent));
    String span = window.isZero() ? "" : ", +" + window.toMinutes() + " min";
    return String.format(
        Locale.ROOT, "%s + p%s %s%s", family.label(), trim(quantile * 100), noise, span);
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
