package io.scalableapp.operator.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The cluster's own kubectl (hack/cluster-env.sh puts it first on PATH), run as a user runs it. */
final class Kubectl {
  /** Exit code and what kubectl printed. */
  record Result(int exitCode, String out, String err) {}

  private Kubectl() {}

  static Result run(String... args) {
    List<String> command = new ArrayList<>(List.of("kubectl"));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish within 60s");
      }
      return new Result(
          process.exitValue(),
          new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
          new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(
          "kubectl is not on PATH: eval \"$(hack/cluster-env.sh)\" (make test does)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Runs kubectl and fails the test, with kubectl's own words, unless it succeeds. */
  static String succeed(String... args) {
    Result r = run(args);
    if (r.exitCode() != 0) {
      throw new AssertionError(
          "kubectl "
              + String.join(" ", args)
              + " failed ("
              + r.exitCode()
              + "): "
              + r.err()
              + r.out());
    }
    return r.out();
  }
}
