package io.scalableapp.lab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws demand against ready capacity, one panel per policy sharing the x and y scales, into a PNG. Demand is
 * a grey area, ready capacity a coloured step line, and ticks where demand exceeds capacity are shaded red so
 * under-provisioning is visible at a glance. Headless java.awt only.
 */
public final class DemandCapacityChart {

    /** One policy's ready capacity, sampled at the same ticks as the demand. */
    public record Panel(String label, double[] readyCapacity) {
    }

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

    private DemandCapacityChart() {
    }

    /**
     * @param demand       demand per minute at each tick
     * @param ticksPerHour ticks in one hour, for the hour axis
     */
    public static void write(Path png, String title, double[] demand, int ticksPerHour, List<Panel> panels) {
        System.setProperty("java.awt.headless", "true");
        int height = TOP + panels.size() * (PANEL_HEIGHT + GAP) + BOTTOM - GAP;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
            g.drawString(title, LEFT, 30);
            double yMax = niceCeiling(Math.max(max(demand), panels.stream()
                    .mapToDouble(p -> max(p.readyCapacity())).max().orElse(1)));
            for (int i = 0; i < panels.size(); i++) {
                int top = TOP + i * (PANEL_HEIGHT + GAP);
                drawPanel(g, top, demand, panels.get(i), yMax, ticksPerHour);
            }
        } finally {
            g.dispose();
        }
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
            ImageIO.write(image, "png", png.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png, e);
        }
    }

    private static void drawPanel(Graphics2D g, int top, double[] demand, Panel panel, double yMax, int ticksPerHour) {
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

    private static void drawAxes(Graphics2D g, int top, int bottom, double yMax, int n, double xScale,
                                 int ticksPerHour) {
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

    static double niceCeiling(double value) {
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
