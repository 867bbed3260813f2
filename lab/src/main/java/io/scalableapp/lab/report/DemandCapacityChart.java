package io.scalableapp.lab.report;

import io.scalableapp.charts.ChartCanvas;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.nio.file.Path;
import java.util.List;

/**
 * Draws demand against ready capacity, one panel per policy sharing the x and y scales, into a PNG.
 * Demand is a grey area, ready capacity a coloured step line, and ticks where demand exceeds
 * capacity are shaded red so under-provisioning is visible at a glance. Headless java.awt only.
 */
public final class DemandCapacityChart {

  /** One policy's ready capacity, sampled at the same ticks as the demand. */
  public record Panel(String label, double[] readyCapacity) {}

  private static final int WIDTH = 1400;
  private static final int PANEL_HEIGHT = 190;
  private static final int LEFT = 80;
  private static final int RIGHT = 20;
  private static final int TOP = 50;
  private static final int GAP = 34;
  private static final int BOTTOM = 40;
  private static final Color DEMAND = new Color(150, 150, 150);
  private static final Color SHORTFALL = new Color(220, 40, 40, 150);
  private static final Color CAPACITY = new Color(25, 90, 200);

  private DemandCapacityChart() {}

  /**
   * @param demand demand per minute at each tick
   * @param ticksPerHour ticks in one hour, for the hour axis
   */
  public static void write(
      Path png, String title, double[] demand, int ticksPerHour, List<Panel> panels) {
    int height = TOP + panels.size() * (PANEL_HEIGHT + GAP) + BOTTOM - GAP;
    ChartCanvas canvas = ChartCanvas.titled(WIDTH, height, title, 18, LEFT);
    Graphics2D g = canvas.graphics();
    double yMax =
        ChartCanvas.niceCeiling(
            Math.max(
                max(demand),
                panels.stream().mapToDouble(p -> max(p.readyCapacity())).max().orElse(1)));
    for (int i = 0; i < panels.size(); i++) {
      int top = TOP + i * (PANEL_HEIGHT + GAP);
      drawPanel(g, top, demand, panels.get(i), yMax, ticksPerHour);
    }
    canvas.save(png);
  }

  private static void drawPanel(
      Graphics2D g, int top, double[] demand, Panel panel, double yMax, int ticksPerHour) {
    int plotWidth = WIDTH - LEFT - RIGHT;
    int n = demand.length;
    double xScale = (double) plotWidth / n;
    double yScale = PANEL_HEIGHT / yMax;
    int bottom = top + PANEL_HEIGHT;

    Path2D area = new Path2D.Double();
    area.moveTo(LEFT, bottom);
    for (int i = 0; i < n; i++) {
      area.lineTo(LEFT + i * xScale, bottom - demand[i] * yScale);
      area.lineTo(LEFT + (i + 1) * xScale, bottom - demand[i] * yScale);
    }
    area.lineTo(LEFT + n * xScale, bottom);
    area.closePath();
    g.setColor(DEMAND);
    g.fill(area);

    double[] capacity = panel.readyCapacity();
    g.setColor(SHORTFALL);
    for (int i = 0; i < n; i++) {
      if (demand[i] > capacity[i]) {
        double x = LEFT + i * xScale;
        double yTop = bottom - demand[i] * yScale;
        double yCap = bottom - capacity[i] * yScale;
        g.fill(new java.awt.geom.Rectangle2D.Double(x, yTop, Math.max(1, xScale), yCap - yTop));
      }
    }

    Path2D line = new Path2D.Double();
    line.moveTo(LEFT, bottom - capacity[0] * yScale);
    for (int i = 0; i < n; i++) {
      line.lineTo(LEFT + i * xScale, bottom - capacity[i] * yScale);
      line.lineTo(LEFT + (i + 1) * xScale, bottom - capacity[i] * yScale);
    }
    g.setColor(CAPACITY);
    g.setStroke(new BasicStroke(1.6f));
    g.draw(line);

    drawAxes(g, top, bottom, yMax, n, xScale, ticksPerHour);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.drawString(panel.label(), LEFT + 8, top + 16);
  }

  private static void drawAxes(
      Graphics2D g, int top, int bottom, double yMax, int n, double xScale, int ticksPerHour) {
    g.setStroke(new BasicStroke(1f));
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    g.setColor(Color.DARK_GRAY);
    g.drawRect(LEFT, top, WIDTH - LEFT - RIGHT, PANEL_HEIGHT);
    for (int k = 0; k <= 4; k++) {
      double value = yMax * k / 4;
      int y = (int) Math.round(bottom - PANEL_HEIGHT * k / 4.0);
      g.drawLine(LEFT - 4, y, LEFT, y);
      g.drawString(formatCount(value), 8, y + 4);
    }
    int hours = n / ticksPerHour;
    for (int h = 0; h <= hours; h += 3) {
      int x = (int) Math.round(LEFT + h * ticksPerHour * xScale);
      g.drawLine(x, bottom, x, bottom + 4);
      g.drawString(String.format("%02d:00", h % 24), x - 14, bottom + 16);
    }
    g.drawString("req/min", 8, top - 4);
  }

  private static String formatCount(double v) {
    if (v >= 1000) {
      return String.format("%.0fk", v / 1000);
    }
    return String.format("%.0f", v);
  }

  private static double max(double[] values) {
    double m = 0;
    for (double v : values) {
      m = Math.max(m, v);
    }
    return m;
  }
}
