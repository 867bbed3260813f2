package io.scalableapp.operator.it;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The repository's Helm chart, rendered by the real `helm` (on PATH from hack/cluster-env.sh). */
final class HelmChart {
  static final Path CHART = Path.of("../helm/scalableapp-operator");

  private HelmChart() {}

  /** `helm template release CHART -n namespace args...`, loaded as objects. */
  static List<HasMetadata> template(
      KubernetesClient client, String release, String namespace, String... args)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of("helm", "template", release, CHART.toString(), "--namespace", namespace));
    command.addAll(List.of(args));
    Process helm;
    try {
      helm = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "helm is not on PATH: run the tests through `make test` (make tools builds it)", e);
    }
    byte[] out = helm.getInputStream().readAllBytes();
    if (!helm.waitFor(60, TimeUnit.SECONDS) || helm.exitValue() != 0) {
      throw new IllegalStateException("helm template failed: " + String.join(" ", command));
    }
    return client.load(new ByteArrayInputStream(out)).items();
  }
}
