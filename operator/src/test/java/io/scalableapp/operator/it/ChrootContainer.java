package io.scalableapp.operator.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An unpacked image's entrypoint run as a container runtime runs it in a Pod with the restricted
 * securityContext the chart sets: in its own mount and PID namespaces, chrooted into the image's
 * root, which is mounted read-only, with a fresh /proc, a minimal /dev, a tmpfs at /tmp (the Pod's
 * emptyDir), as the image's user and with only the image's and the given environment. The network
 * is the host's, so it reaches the local cluster at 127.0.0.1. Needs root, as the tests' machines
 * give.
 */
final class ChrootContainer implements AutoCloseable {
  /**
   * Runs in the new namespaces as root, then becomes the container: $1 root, $2 user:group, $3...
   * env, "--", command.
   */
  private static final String SETUP =
      """
      set -euf  # -f: the environment words below are split, never globbed
      root=$1; user=$2; shift 2
      mount --make-rprivate /
      mount --bind "$root" "$root"
      mount -t proc proc "$root/proc"
      mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs "$root/tmp"
      mount -t tmpfs -o mode=755,nosuid tmpfs "$root/dev"
      for d in null zero random urandom; do touch "$root/dev/$d"; mount --bind "/dev/$d" "$root/dev/$d"; done
      mount -o remount,bind,ro "$root"
      env=""
      while [ "$1" != -- ]; do env="$env $1"; shift; done; shift
      exec env -i $env "$(command -v chroot)" --userspec="$user" "$root" "$@"
      """;

  private final Process process;
  private final Path log;

  private ChrootContainer(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code command} in {@code root} as {@code user} ("uid:gid") with {@code env} (values
   * without spaces); output goes to {@code log}.
   */
  static ChrootContainer start(
      Path root, String user, List<String> env, List<String> command, Path log) throws IOException {
    for (String dir : List.of("proc", "dev", "tmp")) {
      Files.createDirectories(root.resolve(dir));
    }
    List<String> argv =
        new ArrayList<>(
            List.of(
                "unshare",
                "--mount",
                "--pid",
                "--fork",
                "--kill-child",
                "sh",
                "-c",
                SETUP,
                "container-setup",
                root.toAbsolutePath().toString(),
                user));
    env.forEach(
        e -> {
          if (e.contains(" ")) {
            throw new IllegalArgumentException(
                "environment values must not contain spaces: " + e.split("=")[0]);
          }
          argv.add(e);
        });
    argv.add("--");
    argv.addAll(command);
    ProcessBuilder builder =
        new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().keySet().retainAll(Map.of("PATH", "").keySet());
    return new ChrootContainer(builder.start(), log);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The container's main process (the entrypoint, PID 1 in its namespace) as the host sees it. */
  Optional<ProcessHandle> mainProcess() {
    return process.children().findFirst();
  }

  String logTail() throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  /**
   * SIGTERM to the entrypoint, as the kubelet stops a container; SIGKILL if it has not exited
   * within 20 s.
   */
  @Override
  public void close() throws InterruptedException {
    mainProcess().ifPresent(ProcessHandle::destroy);
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      // unshare ignores SIGTERM while it waits; its death SIGKILLs the entrypoint (--kill-child).
      process.destroyForcibly();
      process.waitFor();
    }
  }
}
