package io.scalableapp.operator.it;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.scalableapp.operator.api.ScalableApp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real GitOps status readers, built from Go modules by `make tools` (hack/gitops) and put on
 * PATH by hack/cluster-env.sh: kstatus as Flux computes it, and Argo CD's health.lua run by
 * gopher-lua.
 */
final class GitOpsCheckers {
  static final Path HEALTH_LUA = Path.of("../hack/argocd/scalableapp.io/ScalableApp/health.lua");

  /** What a tool reported: a status word and its message. */
  record Verdict(String status, String message) {}

  private GitOpsCheckers() {}

  /**
   * kstatus' status of the app as the cluster has it now: InProgress, Current, Failed, Terminating,
   * NotFound.
   */
  static Verdict kstatus(String namespace, String name) {
    return run(
        "kstatus", ScalableApp.GROUP + "/" + ScalableApp.VERSION, "scalableapps", namespace, name);
  }

  /**
   * Argo CD's health of a ScalableApp saved as YAML: Healthy, Progressing, Degraded, Suspended,
   * Missing.
   */
  static Verdict argoCdHealth(Path object) {
    return run("argocd-health", HEALTH_LUA.toString(), object.toString());
  }

  private static Verdict run(String... command) {
    try {
      Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).start();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(command[0] + " did not answer within 30s");
      }
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new AssertionError(
            command[0] + " failed (" + process.exitValue() + "): " + err + out);
      }
      @SuppressWarnings("unchecked")
      Map<String, String> verdict = Serialization.unmarshal(out, Map.class);
      return new Verdict(verdict.get("status"), verdict.get("message"));
    } catch (IOException e) {
      throw new IllegalStateException(
          command[0]
              + " is not on PATH: run `make tools` and "
              + "`eval \"$(hack/cluster-env.sh)\"` (make test does both)",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
