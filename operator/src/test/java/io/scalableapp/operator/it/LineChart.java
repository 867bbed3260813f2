package io.scalableapp.operator.it;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** A PNG line chart of a few x/y series on shared axes, drawn like the scaling lab's charts (Java2D, headless). */
final class LineChart {
  record Series(String label, Color color, double[] x, double[] y) {}

  private static final int WIDTH = 1000;
  private static final int HEIGHT = 420;
  private static final int LEFT = 80;
  private static final int RIGHT = 20;
  private static final int TOP = 50;
  private static final int BOTTOM = 50;

  private LineChart() {}

  static void write(Path png, String title, String xLabel, String yLabel, List<Series> series) throws IOException {
    System.setProperty("java.awt.headless", "true");
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
      g.drawString(title, LEFT, 30);
      double xMax = niceCeiling(series.stream().flatMapToDouble(s -> java.util.Arrays.stream(s.x())).max().orElse(1));
      double yMax = niceCeiling(series.stream().flatMapToDouble(s -> java.util.Arrays.stream(s.y())).max().orElse(1));
      int plotW = WIDTH - LEFT - RIGHT;
      int plotH = HEIGHT - TOP - BOTTOM;
      int bottom = TOP + plotH;
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      g.setColor(Color.DARK_GRAY);
      g.drawRect(LEFT, TOP, plotW, plotH);
      for (int k = 0; k <= 4; k++) {
        int y = (int) Math.round(bottom - plotH * k / 4.0);
        g.drawLine(LEFT - 4, y, LEFT, y);
        g.drawString(format(yMax * k / 4), 8, y + 4);
        int x = (int) Math.round(LEFT + plotW * k / 4.0);
        g.drawLine(x, bottom, x, bottom + 4);
        g.drawString(format(xMax * k / 4), x - 10, bottom + 16);
      }
      g.drawString(yLabel, 8, TOP - 8);
      g.drawString(xLabel, LEFT + plotW / 2 - 30, bottom + 36);
      int legendY = TOP + 18;
      for (Series s : series) {
        Path2D line = new Path2D.Double();
        for (int i = 0; i < s.x().length; i++) {
          double px = LEFT + s.x()[i] / xMax * plotW;
          double py = bottom - s.y()[i] / yMax * plotH;
          if (i == 0) {
            line.moveTo(px, py);
          } else {
            line.lineTo(px, py);
          }
        }
        g.setColor(s.color());
        g.setStroke(new BasicStroke(2f));
        g.draw(line);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(s.label(), LEFT + 12, legendY);
        legendY += 18;
      }
    } finally {
      g.dispose();
    }
    Files.createDirectories(png.toAbsolutePath().getParent());
    ImageIO.write(image, "png", png.toFile());
  }

  /** 1, 2 or 5 times a power of ten, at least {@code value}. */
  static double niceCeiling(double value) {
    if (value <= 0) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * magnitude >= value) {
        return m * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static String format(double v) {
    return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
  }
}
