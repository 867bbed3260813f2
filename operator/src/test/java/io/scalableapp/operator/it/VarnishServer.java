package io.scalableapp.operator.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.scalableapp.testsupport.PrometheusServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A real varnishd (Debian's package, installed by `make tools` through hack/install-varnish.sh) in
 * the foreground, with its own work directory and a free loopback port, so tests never touch a
 * system-wide Varnish. Also runs {@code varnishd -C}, which compiles a VCL the way varnishd does
 * when loading it.
 */
final class VarnishServer implements AutoCloseable {
  static final Path VARNISHD = Path.of("/usr/sbin/varnishd");
  static final Path VARNISHSTAT = Path.of("/usr/bin/varnishstat");
  static final Path VARNISHADM = Path.of("/usr/bin/varnishadm");
  private final Path dir;
  private final int port;
  private final int purgePort;
  private final Process process;
  private int loaded;

  private VarnishServer(Path dir, int port, int purgePort, Process process) {
    this.dir = dir;
    this.port = port;
    this.purgePort = purgePort;
    this.process = process;
  }

  /**
   * Writes the purge token file an edge mounts from its Secret, as the operator generates it, into
   * {@code dir}; returns its path, for {@link
   * io.scalableapp.operator.cdn.varnish.VclBackend#purgeTokenFile()}.
   */
  static String purgeTokenFile(Path dir, String token) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve("purge-token.vcl");
    Files.writeString(file, io.scalableapp.operator.cdn.varnish.VclGenerator.purgeTokenVcl(token));
    return file.toAbsolutePath().toString();
  }

  /**
   * The compiler's verdict on {@code vcl}: exit code 0 and no output, or what it complained about.
   */
  record Compiled(int exitCode, String errors) {}

  static Compiled compile(String vcl, Path dir) throws IOException, InterruptedException {
    requireInstalled();
    Path file = dir.resolve("compile.vcl");
    Files.writeString(file, vcl);
    Process p =
        new ProcessBuilder(
                VARNISHD.toString(),
                "-C",
                "-j",
                "none",
                "-f",
                file.toAbsolutePath().toString(),
                "-n",
                dir.resolve("compile-workdir").toAbsolutePath().toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(dir.resolve("compile.err").toFile())
            .start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("varnishd -C did not finish within 60 s");
    }
    return new Compiled(p.exitValue(), Files.readString(dir.resolve("compile.err")));
  }

  /**
   * Starts varnishd with {@code vcl} and waits until it accepts connections: the public listener
   * (named http, as in the edge pod) and the purge listener (named purge), each on a free loopback
   * port.
   */
  static VarnishServer start(String vcl, Path dir) throws IOException, InterruptedException {
    requireInstalled();
    Files.createDirectories(dir);
    Path file = dir.resolve("edge.vcl");
    Files.writeString(file, vcl);
    int port = PrometheusServer.freePort();
    int purgePort = PrometheusServer.freePort();
    List<String> command =
        new ArrayList<>(
            List.of(
                VARNISHD.toString(),
                "-F",
                // No jail: the tests run as whatever user runs them, root or not.
                "-j",
                "none",
                "-n",
                dir.resolve("workdir").toAbsolutePath().toString(),
                "-a",
                "http=127.0.0.1:" + port + ",HTTP",
                "-a",
                io.scalableapp.operator.cdn.varnish.VclGenerator.PURGE_LISTENER
                    + "=127.0.0.1:"
                    + purgePort
                    + ",HTTP",
                "-T",
                "127.0.0.1:0",
                "-f",
                file.toAbsolutePath().toString(),
                "-s",
                "malloc,32m",
                // Expired objects leave at once when their grace is over; the ban lurker works
                // promptly.
                "-p",
                "ban_lurker_sleep=0.1"));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("varnishd.log").toFile())
            .start();
    VarnishServer server = new VarnishServer(dir, port, purgePort, process);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "varnishd exited: " + Files.readString(dir.resolve("varnishd.log")));
      }
      try (Socket s = new Socket("127.0.0.1", port)) {
        return server;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    server.close();
    throw new IllegalStateException("varnishd did not listen on " + port + " within 30 s");
  }

  int port() {
    return port;
  }

  /** The public listener, where clients (and the app's Service traffic) arrive. */
  InetSocketAddress address() {
    return new InetSocketAddress("127.0.0.1", port);
  }

  /** The purge listener, where the operator's BANs go. */
  InetSocketAddress purgeAddress() {
    return new InetSocketAddress("127.0.0.1", purgePort);
  }

  /**
   * Loads {@code vcl} into the running varnishd and makes it the active one, as a reload does; the
   * cache stays.
   */
  void load(String vcl) throws IOException, InterruptedException {
    String name = "reload" + (++loaded);
    Path file = dir.resolve(name + ".vcl");
    Files.writeString(file, vcl);
    admin("vcl.load", name, file.toAbsolutePath().toString());
    admin("vcl.use", name);
  }

  /**
   * What an edge pod does: mounts the purge Secret the operator wrote for {@code app}, and loads
   * the VCL that includes it ({@code vclFor} the token file's path).
   */
  void loadPurgeSecret(
      KubernetesClient client, String namespace, String app, Function<String, String> vclFor)
      throws IOException, InterruptedException {
    var secret = client.secrets().inNamespace(namespace).withName(app + "-edge-purge").get();
    assertThat(secret).as("the operator wrote the edge's purge Secret").isNotNull();
    Path file = dir.resolve(app + "-token.vcl");
    Files.write(file, Base64.getDecoder().decode(secret.getData().get("token.vcl")));
    load(vclFor.apply(file.toAbsolutePath().toString()));
  }

  private void admin(String... command) throws IOException, InterruptedException {
    List<String> args =
        new ArrayList<>(
            List.of(
                VARNISHADM.toString(), "-n", dir.resolve("workdir").toAbsolutePath().toString()));
    args.addAll(List.of(command));
    Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(
          "varnishadm " + String.join(" ", command) + " failed: " + out);
    }
  }

  /** A counter from varnishstat, e.g. MAIN.bans_added. */
  long counter(String name) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
                VARNISHSTAT.toString(),
                "-n",
                dir.resolve("workdir").toAbsolutePath().toString(),
                "-1",
                "-f",
                name)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(30, TimeUnit.SECONDS);
    for (String line : out.lines().toList()) {
      String[] fields = line.trim().split("\\s+");
      if (fields.length >= 2 && fields[0].equals(name)) {
        return Long.parseLong(fields[1]);
      }
    }
    throw new IllegalStateException("varnishstat has no " + name + ": " + out);
  }

  @Override
  public void close() {
    // The manager stops its child on SIGTERM; the child is waited for too so the port is free
    // afterwards.
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    children.forEach(ProcessHandle::destroyForcibly);
  }

  private static void requireInstalled() {
    if (!Files.isExecutable(VARNISHD)) {
      throw new IllegalStateException(
          VARNISHD + " is missing: run `make tools` (hack/install-varnish.sh)");
    }
  }
}
