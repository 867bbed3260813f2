package io.scalableapp.operator.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chart's generated Grafana dashboard as the tests read it: its panels' PromQL and its query
 * variables, with Grafana's variables substituted as Grafana would before sending a query.
 */
public record GrafanaDashboard(List<Panel> panels, List<Variable> variables) {
  /** The chart's copy (the one the ConfigMap carries), from the operator module's directory. */
  public static final Path CHART_COPY =
      Path.of("../helm/scalableapp-operator/dashboards/scalableapp-operator.json");

  /** The main panel's title: the one the docs show. */
  public static final String MAIN_PANEL = "Demand, forecast and replicas";

  private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.*),\\s*(\\w+)\\)");

  public record Target(String expr, String legend) {}

  /** A panel; {@code rightAxis} matches the legends drawn on its right-hand axis (empty: none). */
  public record Panel(String title, List<Target> targets, String rightAxis) {}

  /** A query variable {@code label_values(selector, label)}. */
  public record Variable(String name, String selector, String label) {}

  public static GrafanaDashboard read(Path json) throws IOException {
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    List<Panel> panels = new ArrayList<>();
    for (JsonNode panel : root.path("panels")) {
      if (panel.path("type").asText().equals("row")) continue;
      List<Target> targets = new ArrayList<>();
      panel
          .path("targets")
          .forEach(
              t ->
                  targets.add(
                      new Target(t.path("expr").asText(), t.path("legendFormat").asText())));
      String rightAxis = "";
      for (JsonNode override : panel.path("fieldConfig").path("overrides")) {
        for (JsonNode property : override.path("properties")) {
          if (property.path("id").asText().equals("custom.axisPlacement")
              && property.path("value").asText().equals("right")) {
            rightAxis = override.path("matcher").path("options").asText();
          }
        }
      }
      panels.add(new Panel(panel.path("title").asText(), targets, rightAxis));
    }
    List<Variable> variables = new ArrayList<>();
    for (JsonNode variable : root.path("templating").path("list")) {
      if (!variable.path("type").asText().equals("query")) continue;
      Matcher m = LABEL_VALUES.matcher(variable.path("definition").asText());
      if (!m.matches()) {
        throw new IllegalStateException(
            "variable "
                + variable.path("name").asText()
                + " is not label_values(..): "
                + variable.path("definition").asText());
      }
      variables.add(new Variable(variable.path("name").asText(), m.group(1), m.group(2)));
    }
    return new GrafanaDashboard(panels, variables);
  }

  public Panel panel(String title) {
    return panels.stream()
        .filter(p -> p.title().equals(title))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no panel " + title));
  }

  /**
   * {@code text} with $name and ${name} replaced by {@code values}, and $__rate_interval by {@code
   * rateInterval} (Grafana's is at least four scrape intervals).
   */
  public static String substitute(String text, Map<String, String> values, String rateInterval) {
    String out = text.replace("$__rate_interval", rateInterval);
    for (var v : values.entrySet()) {
      out =
          out.replace("${" + v.getKey() + "}", v.getValue())
              .replace("$" + v.getKey(), v.getValue());
    }
    if (out.contains("$")) {
      throw new IllegalStateException("a variable is left in " + out);
    }
    return out;
  }
}
