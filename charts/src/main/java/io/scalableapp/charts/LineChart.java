package io.scalableapp.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A PNG line chart of a few x/y series on axes starting at zero, optionally some on a second y axis
 * at the right (the fleet benchmark's plots, the dashboard's main panel).
 */
public final class LineChart {
  /** One line: its legend label, colour and points. */
  public record Series(String label, Color color, double[] x, double[] y) {}

  private static final int WIDTH = 1000;
  private static final int HEIGHT = 420;
  private static final int LEFT = 80;
  private static final int RIGHT = 20;
  private static final int TOP = 50;
  private static final int BOTTOM = 50;

  private LineChart() {}

  public static void write(
      Path png, String title, String xLabel, String yLabel, List<Series> series) {
    write(png, title, xLabel, yLabel, series, "", List.of());
  }

  /**
   * As {@link #write(Path, String, String, String, List)}, with {@code rightSeries} on a second y
   * axis at the right (e.g. replicas beside requests per minute); the legend marks them "(right)".
   */
  public static void write(
      Path png,
      String title,
      String xLabel,
      String yLabel,
      List<Series> series,
      String rightLabel,
      List<Series> rightSeries) {
    int right = rightSeries.isEmpty() ? RIGHT : LEFT;
    ChartCanvas canvas = ChartCanvas.titled(WIDTH, HEIGHT, title, 18, LEFT);
    Graphics2D g = canvas.graphics();
    double xMax =
        ChartCanvas.niceCeiling(
            Stream.concat(series.stream(), rightSeries.stream())
                .flatMapToDouble(s -> Arrays.stream(s.x()))
                .max()
                .orElse(1));
    int plotW = WIDTH - LEFT - right;
    int plotH = HEIGHT - TOP - BOTTOM;
    int bottom = TOP + plotH;
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    g.setColor(Color.DARK_GRAY);
    g.drawRect(LEFT, TOP, plotW, plotH);
    for (int k = 0; k <= 4; k++) {
      int x = (int) Math.round(LEFT + plotW * k / 4.0);
      g.drawLine(x, bottom, x, bottom + 4);
      g.drawString(format(xMax * k / 4), x - 10, bottom + 16);
    }
    g.drawString(xLabel, LEFT + plotW / 2 - 30, bottom + 36);
    Axis left = new Axis(yMax(series), LEFT, -1);
    left.draw(g, yLabel, 8, plotH, bottom);
    int legendY = drawLines(g, series, left, xMax, plotW, plotH, bottom, TOP + 18, "");
    if (!rightSeries.isEmpty()) {
      Axis rightAxis = new Axis(yMax(rightSeries), LEFT + plotW, 1);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      g.setColor(Color.DARK_GRAY);
      rightAxis.draw(g, rightLabel, LEFT + plotW + 8, plotH, bottom);
      drawLines(g, rightSeries, rightAxis, xMax, plotW, plotH, bottom, legendY, " (right)");
    }
    canvas.save(png);
  }

  /**
   * A y axis: its maximum, the x it is drawn at and the side its ticks point to (-1 left, 1 right).
   */
  private record Axis(double max, int x, int side) {
    void draw(Graphics2D g, String label, int labelX, int plotH, int bottom) {
      for (int k = 0; k <= 4; k++) {
        int y = (int) Math.round(bottom - plotH * k / 4.0);
        g.drawLine(x, y, x + 4 * side, y);
        g.drawString(format(max * k / 4), side < 0 ? 8 : x + 8, y + 4);
      }
      g.drawString(label, labelX, TOP - 8);
    }
  }

  private static double yMax(List<Series> series) {
    return ChartCanvas.niceCeiling(
        series.stream()
            .flatMapToDouble(s -> Arrays.stream(s.y()))
            .filter(Double::isFinite)
            .max()
            .orElse(1));
  }

  /**
   * Draws each series (a gap where y is not finite) and its legend line; returns the next legend
   * line's y.
   */
  private static int drawLines(
      Graphics2D g,
      List<Series> series,
      Axis axis,
      double xMax,
      int plotW,
      int plotH,
      int bottom,
      int legendY,
      String legendSuffix) {
    for (Series s : series) {
      Path2D line = new Path2D.Double();
      boolean drawing = false;
      for (int i = 0; i < s.x().length; i++) {
        if (!Double.isFinite(s.y()[i])) {
          drawing = false;
          continue;
        }
        double px = LEFT + s.x()[i] / xMax * plotW;
        double py = bottom - s.y()[i] / axis.max() * plotH;
        if (drawing) {
          line.lineTo(px, py);
        } else {
          line.moveTo(px, py);
          drawing = true;
        }
      }
      g.setColor(s.color());
      g.setStroke(new BasicStroke(2f));
      g.draw(line);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
      g.drawString(s.label() + legendSuffix, LEFT + 12, legendY);
      legendY += 18;
    }
    return legendY;
  }

  private static String format(double v) {
    return v == Math.rint(v)
        ? String.format(Locale.ROOT, "%.0f", v)
        : String.format(Locale.ROOT, "%.1f", v);
  }
}
