package io.scalableapp.operator.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged operator (the Quarkus jar `mvn package` built) run as a separate process against the
 * local cluster, as a Deployment's Pod would run it, so it can be killed with SIGKILL.
 */
public final class OperatorProcess implements AutoCloseable {
  public static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
  private final Process process;
  private final int port;
  private final Path log;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private OperatorProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts the jar with {@code settings} as system properties (scalableapp.* and quarkus.*). */
  public static OperatorProcess start(String name, Map<String, String> settings)
      throws IOException {
    return start(name, settings, Map.of());
  }

  /**
   * Starts the jar with {@code settings} as system properties and {@code env} added to its
   * environment.
   */
  public static OperatorProcess start(
      String name, Map<String, String> settings, Map<String, String> env) throws IOException {
    return start(name, List.of("-Xmx256m"), settings, env);
  }

  /**
   * Starts the jar with the given JVM flags, {@code settings} as system properties and {@code env}
   * added.
   */
  public static OperatorProcess start(
      String name, List<String> jvmFlags, Map<String, String> settings, Map<String, String> env)
      throws IOException {
    return start(name, freePort(), jvmFlags, settings, env);
  }

  /**
   * Starts the jar serving HTTP (probes, /metrics) on {@code port}, e.g. one a Prometheus was told
   * to scrape.
   */
  public static OperatorProcess start(
      String name,
      int port,
      List<String> jvmFlags,
      Map<String, String> settings,
      Map<String, String> env)
      throws IOException {
    if (!Files.exists(JAR)) {
      throw new IllegalStateException(
          JAR + " is missing: integration tests run after `mvn package`");
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port));
    command.addAll(1, jvmFlags);
    settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.addAll(List.of("-jar", JAR.toString()));
    Path log = Path.of("target", "operator-" + name + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    return new OperatorProcess(process, port, log);
  }

  public boolean isReady() {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The value of a counter on the process's /metrics, summed over its series; 0 when absent. */
  public double metric(String name) throws IOException, InterruptedException {
    return metrics()
        .lines()
        .filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  public long pid() {
    return process.pid();
  }

  public Path logFile() {
    return log;
  }

  /** The body of the process's /metrics. */
  public String metrics() throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Everything the process has written to stdout and stderr so far. */
  public String log() throws IOException {
    return Files.readString(log);
  }

  public String logTail() throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  /** SIGKILL: no shutdown hook runs, the Lease is not released, as when a node dies. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /**
   * SIGSTOP: the process keeps its sockets and its Lease but does nothing, as a replica stuck in a
   * long GC pause.
   */
  public void freeze() throws IOException, InterruptedException {
    signal("STOP");
  }

  /** SIGCONT after {@link #freeze()}. */
  public void thaw() throws IOException, InterruptedException {
    signal("CONT");
  }

  private void signal(String name) throws IOException, InterruptedException {
    Process kill =
        new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
    if (kill.waitFor() != 0) {
      throw new IOException("kill -" + name + " " + process.pid() + " exited " + kill.exitValue());
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(
        java.util.concurrent.TimeUnit.SECONDS.toMillis(20),
        java.util.concurrent.TimeUnit.MILLISECONDS)) {
      kill();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
