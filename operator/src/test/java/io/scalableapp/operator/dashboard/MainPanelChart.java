package io.scalableapp.operator.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.scalableapp.charts.LineChart;
import java.awt.Color;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's main panel drawn from a real Prometheus by the lab's chart code (no Grafana): the
 * same queries and legends as the generated JSON, the same split between the left and right axes.
 * {@code make dashboard-png} draws it from the running demo for the docs.
 */
public final class MainPanelChart {
  private static final Duration STEP = Duration.ofSeconds(15);
  private static final List<Color> COLORS =
      List.of(
          new Color(25, 90, 200),
          new Color(220, 120, 20),
          new Color(150, 60, 170),
          new Color(30, 150, 60),
          new Color(200, 40, 40),
          new Color(90, 90, 90));

  private MainPanelChart() {}

  /**
   * Draws namespace/app's main panel over [from, to]; fails when a query returns no data at all.
   */
  public static void render(
      PrometheusApi prometheus,
      GrafanaDashboard dashboard,
      String namespace,
      String app,
      Instant from,
      Instant to,
      Path png)
      throws Exception {
    GrafanaDashboard.Panel panel = dashboard.panel(GrafanaDashboard.MAIN_PANEL);
    List<LineChart.Series> left = new ArrayList<>();
    List<LineChart.Series> right = new ArrayList<>();
    int colour = 0;
    for (GrafanaDashboard.Target target : panel.targets()) {
      String promql =
          GrafanaDashboard.substitute(
              target.expr(), Map.of("namespace", namespace, "app", app), "1m");
      PrometheusApi.Answer answer = prometheus.queryRange(promql, from, to, STEP);
      if (!answer.ok() || answer.series().isEmpty()) {
        throw new IllegalStateException(
            "no data for " + target.legend() + " (" + promql + "): " + answer.error());
      }
      JsonNode values = answer.series().get(0).path("values");
      double[] x = new double[values.size()];
      double[] y = new double[values.size()];
      for (int i = 0; i < values.size(); i++) {
        x[i] = (values.get(i).get(0).asDouble() - from.getEpochSecond()) / 60.0;
        y[i] = Double.parseDouble(values.get(i).get(1).asText());
      }
      LineChart.Series series =
          new LineChart.Series(target.legend(), COLORS.get(colour++ % COLORS.size()), x, y);
      (target.legend().matches(panel.rightAxis()) ? right : left).add(series);
    }
    LineChart.write(
        png,
        panel.title() + ": " + namespace + "/" + app,
        "minutes",
        "demand",
        left,
        "replicas",
        right);
  }

  /** {@code --prometheus URL --namespace NS --app NAME --minutes N --out PNG}. */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    Instant to = Instant.now();
    Instant from =
        to.minus(Duration.ofMinutes(Long.parseLong(options.getOrDefault("minutes", "60"))));
    render(
        new PrometheusApi(URI.create(options.getOrDefault("prometheus", "http://127.0.0.1:9090"))),
        GrafanaDashboard.read(
            Path.of(options.getOrDefault("dashboard", GrafanaDashboard.CHART_COPY.toString()))),
        options.getOrDefault("namespace", "default"),
        options.getOrDefault("app", "nasa-web"),
        from,
        to,
        Path.of(options.getOrDefault("out", "target/dashboard-main-panel.png")));
    System.out.println("wrote " + options.getOrDefault("out", "target/dashboard-main-panel.png"));
  }
}
