package io.scalableapp.operator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which apps an operator process reconciled and when, from its log: the benchmark runs it with
 * JOSDK's ReconciliationDispatcher at DEBUG, which logs every reconciliation with the app's
 * ResourceID.
 */
final class ReconcileLog {
  /** The log settings that make the process write the lines this class reads. */
  static final Map<String, String> SETTINGS =
      Map.of(
          "quarkus.log.category.\"io.javaoperatorsdk.operator.processing.event.ReconciliationDispatcher\".level",
              "DEBUG",
          "user.timezone", "UTC",
          "quarkus.log.console.format",
              "%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z'} %-5p [%c{1.}] (%t) %s%e%n");

  private static final Pattern LINE =
      Pattern.compile(
          "^(\\S+) DEBUG .*Reconciling resource execution scope: ExecutionScope\\{resource=ResourceID\\{name='([^']+)'");

  /** One app's reconciliations: how many and the first one's time. */
  record AppReconciles(int count, Instant first) {}

  private ReconcileLog() {}

  static Map<String, AppReconciles> read(Path log) throws IOException {
    Map<String, AppReconciles> apps = new HashMap<>();
    for (String line : Files.readAllLines(log)) {
      Matcher m = LINE.matcher(line);
      if (m.find()) {
        Instant at = Instant.parse(m.group(1));
        apps.merge(
            m.group(2),
            new AppReconciles(1, at),
            (a, b) ->
                new AppReconciles(
                    a.count() + 1, a.first().isBefore(b.first()) ? a.first() : b.first()));
      }
    }
    return apps;
  }
}
