package io.scalableapp.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus (Debian's package, installed by `make tools`) on a free loopback port,
 * optionally scraping one target, with history backfilled by promtool and its data kept across
 * stop() and start() like a restarted server.
 */
public final class PrometheusServer implements AutoCloseable {
  /** The job name of the scrape target, as it appears in the series' labels. */
  public static final String JOB = "demand";

  private final Path dir;
  private final int port;
  private Process process;

  /** A Prometheus scraping {@code 127.0.0.1:scrapeTargetPort} every 5 s as job {@link #JOB}. */
  public PrometheusServer(Path dir, int scrapeTargetPort) throws IOException {
    this(dir, scrapeConfig(Map.of(JOB, scrapeTargetPort)));
  }

  /** A Prometheus scraping, every 5 s, {@code 127.0.0.1:port} as each job of {@code portsByJob}. */
  public static PrometheusServer scraping(Path dir, Map<String, Integer> portsByJob)
      throws IOException {
    return new PrometheusServer(dir, scrapeConfig(portsByJob));
  }

  private static String scrapeConfig(Map<String, Integer> portsByJob) {
    StringBuilder config = new StringBuilder("global:\n  scrape_interval: 5s\nscrape_configs:\n");
    new TreeMap<>(portsByJob)
        .forEach(
            (job, port) ->
                config.append(
                    """
          - job_name: %s
            static_configs:
              - targets: ['127.0.0.1:%d']
        """
                        .formatted(job, port)));
    return config.toString();
  }

  private PrometheusServer(Path dir, String config) throws IOException {
    this.dir = dir;
    this.port = freePort();
    Files.writeString(dir.resolve("prometheus.yml"), config);
    Files.createDirectories(dir.resolve("data"));
  }

  /** A Prometheus that scrapes nothing: it serves only what was backfilled. */
  public static PrometheusServer withoutTargets(Path dir) throws IOException {
    return new PrometheusServer(dir, "global:\n  scrape_interval: 1m\n");
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /**
   * Writes OpenMetrics history into the TSDB before the server starts, as `promtool` backfills it.
   */
  public void backfill(String openMetrics) throws IOException, InterruptedException {
    Path input = dir.resolve("backfill.om");
    Files.writeString(input, openMetrics);
    // Few large blocks instead of one per 2 hours: 15 days backfill in under a second instead of
    // ~20 s.
    run(
        "promtool",
        "tsdb",
        "create-blocks-from",
        "openmetrics",
        "--max-block-duration=768h",
        input.toString(),
        dir.resolve("data").toString());
  }

  /**
   * Starts the server and returns once it answers /-/ready (within a minute, or fails naming its
   * log).
   */
  public void start() throws IOException, InterruptedException {
    process =
        new ProcessBuilder(
                "prometheus",
                "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"),
                // Backfilled traces may be decades old (NASA 1995): nothing a test wrote may be
                // dropped by retention.
                "--storage.tsdb.retention.time=100y",
                "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("prometheus.log").toFile())
            .start();
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      try {
        var ready =
            http.send(
                HttpRequest.newBuilder(url().resolve("/-/ready")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (ready.statusCode() == 200) return;
      } catch (IOException notYet) {
        // still starting
      }
      if (!process.isAlive()) break;
      TimeUnit.MILLISECONDS.sleep(200);
    }
    throw new IllegalStateException(
        "Prometheus did not become ready; see " + dir.resolve("prometheus.log"));
  }

  public void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }

  /** A loopback port free at the time of the call. */
  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) throw new IOException(String.join(" ", command) + " failed: " + output);
  }
}
