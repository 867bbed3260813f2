package io.scalableapp.operator.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, item 7: a demand query without sum() over 100 series at 10,000 points answers some 200
 * MB. Four prediction workers receiving that at once, in a JVM with the chart's flags (-Xmx160m),
 * must refuse it naming the series count, not run out of heap.
 */
class LargePrometheusAnswerTest {
  private static final int SERIES = 100;
  private static final int POINTS = 10_000;
  private static final Path CHART_VALUES = Path.of("../helm/scalableapp-operator/values.yaml");

  /** One series' samples, written once and sent for each series: the server costs little CPU. */
  private static byte[] samples() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < POINTS; i++) {
      b.append(i == 0 ? "" : ",")
          .append('[')
          .append(1767225600L + 60L * i)
          .append(",\"")
          .append(100 + i % 37)
          .append(".5\"]");
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> chartJvmFlags() throws IOException {
    Matcher m =
        Pattern.compile("(?m)^jvmOptions:\\s*\"([^\"]+)\"").matcher(Files.readString(CHART_VALUES));
    assertThat(m.find()).as("jvmOptions in the chart's values").isTrue();
    return Arrays.asList(m.group(1).trim().split("\\s+"));
  }

  @Test
  void fourHugeAnswersAtOnceAreRefusedByTheirSeriesCountUnderTheChartsHeap() throws Exception {
    byte[] samples = samples();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(PredictionSettings.DEFAULT_CONCURRENCY));
    server.createContext(
        "/api/v1/query_range",
        exchange -> {
          try (OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(200, 0);
            out.write(
                "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
                    .getBytes(StandardCharsets.UTF_8));
            for (int s = 0; s < SERIES; s++) {
              out.write(
                  ((s == 0 ? "" : ",") + "{\"metric\":{\"pod\":\"web-" + s + "\"},\"values\":[")
                      .getBytes(StandardCharsets.UTF_8));
              out.write(samples);
              out.write("]}".getBytes(StandardCharsets.UTF_8));
            }
            out.write("]}}".getBytes(StandardCharsets.UTF_8));
          } catch (IOException e) {
            exchange.close(); // the client gave up reading: as Prometheus, nothing more to do
          }
        });
    server.start();
    try {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(chartJvmFlags());
      command.addAll(
          List.of(
              "-cp",
              System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
              LargeAnswerFetch.class.getName(),
              "http://127.0.0.1:" + server.getAddress().getPort(),
              String.valueOf(POINTS)));
      Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();

      assertThat(output).doesNotContain("OutOfMemoryError");
      List<String> results = output.lines().filter(l -> l.startsWith("RESULT ")).toList();
      assertThat(results)
          .as(output)
          .hasSize(PredictionSettings.DEFAULT_CONCURRENCY)
          // The whole answer read: "returned 100 series"; on a machine too busy to read 800 MB in
          // the deadline, the
          // count so far. Either way the series are named, and the heap held.
          .allSatisfy(
              r -> assertThat(r).startsWith("RESULT IOException: ").containsPattern("\\d+ series"));
    } finally {
      server.stop(0);
    }
  }
}
