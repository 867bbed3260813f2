package io.scalableapp.operator.bench;

import java.util.function.Predicate;

/**
 * Reads values from a Prometheus text exposition (an operator's, Prometheus's or the API server's
 * /metrics).
 */
final class MetricsText {
  private MetricsText() {}

  /**
   * The sum of every series of {@code name} whose label text (between the braces) passes {@code
   * labels}.
   */
  static double sum(String body, String name, Predicate<String> labels) {
    double total = 0;
    for (String line : body.split("\n")) {
      if (line.startsWith(name + " ") && labels.test("")) {
        total += value(line);
      } else if (line.startsWith(name + "{")) {
        int close = line.lastIndexOf('}');
        if (labels.test(line.substring(name.length() + 1, close))) {
          total += value(line);
        }
      }
    }
    return total;
  }

  static double sum(String body, String name) {
    return sum(body, name, labels -> true);
  }

  private static double value(String line) {
    // "name{labels} value [timestamp]" or "name value [timestamp]"
    String rest =
        line.contains("}")
            ? line.substring(line.lastIndexOf('}') + 1)
            : line.substring(line.indexOf(' '));
    double v = Double.parseDouble(rest.trim().split("\\s+")[0]);
    return Double.isNaN(v) ? 0 : v;
  }
}
