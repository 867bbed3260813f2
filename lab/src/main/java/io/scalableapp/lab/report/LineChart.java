package io.scalableapp.lab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A PNG line chart of a few x/y series on shared axes starting at zero (the fleet benchmark's plots). */
public final class LineChart {
    /** One line: its legend label, colour and points. */
    public record Series(String label, Color color, double[] x, double[] y) {
    }

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 420;
    private static final int LEFT = 80;
    private static final int RIGHT = 20;
    private static final int TOP = 50;
    private static final int BOTTOM = 50;

    private LineChart() {
    }

    public static void write(Path png, String title, String xLabel, String yLabel, List<Series> series) {
        ChartCanvas canvas = ChartCanvas.titled(WIDTH, HEIGHT, title, 18, LEFT);
        Graphics2D g = canvas.graphics();
        double xMax = ChartCanvas.niceCeiling(
                series.stream().flatMapToDouble(s -> Arrays.stream(s.x())).max().orElse(1));
        double yMax = ChartCanvas.niceCeiling(
                series.stream().flatMapToDouble(s -> Arrays.stream(s.y())).max().orElse(1));
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
        canvas.save(png);
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
