package io.scalableapp.charts;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * What every chart of the lab and the benchmarks starts and ends with: a white, anti-aliased,
 * headless canvas with a title, saved as a PNG. The charts draw the rest on {@link #graphics()}.
 */
public final class ChartCanvas {
  private final BufferedImage image;
  private final Graphics2D graphics;

  private ChartCanvas(BufferedImage image, Graphics2D graphics) {
    this.image = image;
    this.graphics = graphics;
  }

  /** A blank canvas with {@code title} in bold at ({@code left}, 30). */
  public static ChartCanvas titled(int width, int height, String title, int titleSize, int left) {
    System.setProperty("java.awt.headless", "true");
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, titleSize));
    g.drawString(title, left, 30);
    return new ChartCanvas(image, g);
  }

  public Graphics2D graphics() {
    return graphics;
  }

  /** Releases the drawing context and writes the PNG, creating its folder. */
  public void save(Path png) {
    graphics.dispose();
    try {
      Files.createDirectories(png.toAbsolutePath().getParent());
      ImageIO.write(image, "png", png.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + png, e);
    }
  }

  /**
   * The smallest round axis maximum (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten) at
   * least {@code value}.
   */
  public static double niceCeiling(double value) {
    if (value <= 0) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
    for (double step : new double[] {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
      if (step * magnitude >= value) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }
}
