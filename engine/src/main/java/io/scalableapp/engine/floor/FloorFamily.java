package io.scalableapp.engine.floor;

/**
 * What a noise-sized floor adds its margin to. Both families size the margin the same way ({@link
 * NoiseFloorRule}): a learned quantile of the error standardised by reference^k, times reference^k.
 */
public enum FloorFamily {

  /**
   * The forecast's peak over the floor's span: the forecast supplies the shape (daily ramps), the
   * margin the noise.
   */
  FORECAST("forecast"),
  /**
   * No forecast: the mean demand of the last {@link NoiseFloorRule#LEVEL_WINDOW}. Cheap, and robust
   * where forecasts are poor.
   */
  RECENT_LEVEL("recent level");

  private final String label;

  FloorFamily(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
