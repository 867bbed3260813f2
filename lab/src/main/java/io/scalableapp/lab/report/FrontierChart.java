package io.scalableapp.lab.report;

import io.scalableapp.charts.ChartCanvas;
import io.scalableapp.engine.replay.sim.HpaVariant;
import io.scalableapp.lab.frontier.ReactiveEnvelope;
import io.scalableapp.lab.frontier.SweepPoint;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Under-provisioned minutes against replica-hours: one curve per HPA variant through its reactive
 * envelope (the best HPA over CPU target x scale-down window, each point labelled "target %/window
 * min") and every other policy as a point in its variant's colour. A point below its curve falls
 * short less often than the reactive HPA tuned either way to spend the same. Headless java.awt
 * only.
 */
public final class FrontierChart {

  /** A policy's cost and shortfall. */
  public record Point(
      String label, HpaVariant variant, double replicaHours, double underProvisionedMinutes) {}

  private static final int WIDTH = 1400;
  private static final int MIN_HEIGHT = 760;
  private static final int LEGEND_ROW = 17;
  private static final int LEFT = 90;
  private static final int RIGHT = 420;
  private static final int TOP = 60;
  private static final int BOTTOM = 60;
  private static final Map<HpaVariant, Color> COLOURS =
      Map.of(
          HpaVariant.IDEAL, new Color(25, 90, 200), HpaVariant.REALISTIC, new Color(210, 110, 20));

  private FrontierChart() {}

  public static void write(
      Path png, String title, Map<HpaVariant, ReactiveEnvelope> frontiers, List<Point> points) {
    // taller than the minimum when the legend (one row per curve and per point) needs it
    int height =
        Math.max(MIN_HEIGHT, TOP + 10 + (frontiers.size() + points.size()) * LEGEND_ROW + BOTTOM);
    ChartCanvas canvas = ChartCanvas.titled(WIDTH, height, title, 17, LEFT);
    Graphics2D g = canvas.graphics();
    double xMin = Double.MAX_VALUE;
    double xMax = 0;
    double yMax = 0;
    for (ReactiveEnvelope f : frontiers.values()) {
      for (SweepPoint p : f.envelope()) {
        xMin = Math.min(xMin, p.replicaHours());
        xMax = Math.max(xMax, p.replicaHours());
        yMax = Math.max(yMax, p.underProvisionedMinutes());
      }
    }
    for (Point p : points) {
      xMin = Math.min(xMin, p.replicaHours());
      xMax = Math.max(xMax, p.replicaHours());
      yMax = Math.max(yMax, p.underProvisionedMinutes());
    }
    double pad = Math.max(1, (xMax - xMin) * 0.05);
    Axes axes = new Axes(xMin - pad, xMax + pad, ChartCanvas.niceCeiling(yMax * 1.05), height);
    axes.draw(g);

    int legendY = TOP + 10;
    for (Map.Entry<HpaVariant, ReactiveEnvelope> e : frontiers.entrySet()) {
      Color colour = COLOURS.get(e.getKey());
      drawCurve(g, axes, e.getValue(), colour);
      legendY =
          legend(
              g,
              legendY,
              colour,
              e.getKey().label() + " alone: envelope of target x window (line)",
              false);
    }
    int index = 1;
    for (Point p : points) {
      Color colour = COLOURS.get(p.variant());
      double x = axes.x(p.replicaHours());
      double y = axes.y(p.underProvisionedMinutes());
      g.setColor(colour);
      g.fill(new Ellipse2D.Double(x - 5, y - 5, 10, 10));
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      g.drawString(String.valueOf(index), (float) x + 6, (float) y - 5);
      legendY = legend(g, legendY, colour, index + ": " + p.label(), true);
      index++;
    }
    canvas.save(png);
  }

  private static void drawCurve(Graphics2D g, Axes axes, ReactiveEnvelope envelope, Color colour) {
    Path2D line = new Path2D.Double();
    boolean first = true;
    for (SweepPoint p : envelope.envelope()) {
      double x = axes.x(p.replicaHours());
      double y = axes.y(p.underProvisionedMinutes());
      if (first) {
        line.moveTo(x, y);
        first = false;
      } else {
        line.lineTo(x, y);
      }
    }
    g.setColor(colour);
    g.setStroke(new BasicStroke(2f));
    g.draw(line);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    for (SweepPoint p : envelope.envelope()) {
      double x = axes.x(p.replicaHours());
      double y = axes.y(p.underProvisionedMinutes());
      g.fill(new java.awt.geom.Rectangle2D.Double(x - 3, y - 3, 6, 6));
      g.drawString(
          p.targetPercent() + "%/" + p.scaleDownWindow().toMinutes(),
          (float) x + 4,
          (float) y + 12);
    }
  }

  private static int legend(Graphics2D g, int y, Color colour, String text, boolean dot) {
    int x = WIDTH - RIGHT + 20;
    g.setColor(colour);
    if (dot) {
      g.fill(new Ellipse2D.Double(x, y - 8, 9, 9));
    } else {
      g.setStroke(new BasicStroke(2f));
      g.drawLine(x - 2, y - 4, x + 12, y - 4);
    }
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    g.drawString(text, x + 18, y);
    return y + LEGEND_ROW;
  }

  private record Axes(double xMin, double xMax, double yMax, int height) {

    double x(double replicaHours) {
      return LEFT + (replicaHours - xMin) / (xMax - xMin) * (WIDTH - LEFT - RIGHT);
    }

    double y(double minutes) {
      return height - BOTTOM - minutes / yMax * (height - TOP - BOTTOM);
    }

    void draw(Graphics2D g) {
      g.setStroke(new BasicStroke(1f));
      g.setColor(Color.DARK_GRAY);
      g.drawRect(LEFT, TOP, WIDTH - LEFT - RIGHT, height - TOP - BOTTOM);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      for (int k = 0; k <= 5; k++) {
        double v = yMax * k / 5;
        int y = (int) Math.round(y(v));
        g.drawLine(LEFT - 4, y, LEFT, y);
        g.drawString(String.format(Locale.ROOT, "%,.0f", v), 10, y + 4);
        double h = xMin + (xMax - xMin) * k / 5;
        int x = (int) Math.round(x(h));
        g.drawLine(x, height - BOTTOM, x, height - BOTTOM + 4);
        g.drawString(String.format(Locale.ROOT, "%,.0f", h), x - 18, height - BOTTOM + 17);
      }
      g.drawString("replica-hours (test part)", (WIDTH - RIGHT) / 2 - 40, height - 15);
      g.drawString("under-provisioned minutes", 10, TOP - 8);
    }
  }
}
