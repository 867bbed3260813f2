package io.scalableapp.operator.it;

import static io.scalableapp.operator.it.AppAssertions.awaitApp;
import static io.scalableapp.operator.it.AppAssertions.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.Config;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.status.Conditions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operator image the build wrote (Jib, operator/target/jib-image.tar): its config is what a Pod
 * needs, and the operator boots from the image's own root filesystem, as a container, against the
 * local cluster, becomes ready and reconciles an app. kwok's Pods run no containers, so this is how
 * we know the image works.
 */
class OperatorImageIT {
  static final Path IMAGE_TAR = Path.of("target/jib-image.tar");
  static final String NON_ROOT = "65532:65532";

  @RegisterExtension
  static final ClusterNamespace cluster = ClusterNamespace.withPrefix("image-it");

  static OciImage image;

  @BeforeAll
  static void openImage() throws Exception {
    image = OciImage.open(IMAGE_TAR, Path.of("target/image-it/layout"));
  }

  @Test
  void configIsWhatAPodNeeds() {
    JsonNode config = image.runConfig();
    assertThat(image.entrypoint())
        .containsExactly(
            "/opt/java/bin/java", "-XX:MaxRAMPercentage=75", "-jar", "/app/quarkus-run.jar");
    assertThat(config.path("User").asText()).isEqualTo(NON_ROOT);
    assertThat(config.path("ExposedPorts").has("8080/tcp")).isTrue();
    JsonNode labels = config.path("Labels");
    assertThat(labels.path("org.opencontainers.image.title").asText())
        .isEqualTo("scalableapp-operator");
    assertThat(labels.path("org.opencontainers.image.version").asText()).isNotBlank();
    assertThat(labels.path("org.opencontainers.image.source").asText()).startsWith("https://");
    assertThat(labels.has("org.opencontainers.image.licenses")).isTrue();
  }

  @Test
  void bootsFromItsOwnRootFilesystemAndReconciles() throws Exception {
    Path root = Path.of("target/image-it/rootfs");
    image.unpackInto(root);
    assertThat(root.resolve("bin/sh")).as("no shell in the image").doesNotExist();
    Path kubeconfig = root.resolve("kubeconfig");
    writeFlatKubeconfig(Config.autoConfigure(null), kubeconfig);
    int port = freePort();
    List<String> env = new ArrayList<>(image.environment());
    env.addAll(
        List.of(
            "KUBECONFIG=/kubeconfig",
            "QUARKUS_HTTP_PORT=" + port,
            "SCALABLEAPP_OPERATOR_NAMESPACES=" + cluster.name(),
            "SCALABLEAPP_LEADER_ELECTION_ENABLED=false",
            "JDK_JAVA_OPTIONS=-Xmx256m"));

    long start = System.nanoTime();
    try (ChrootContainer container =
        ChrootContainer.start(
            root,
            image.runConfig().path("User").asText(),
            env,
            image.entrypoint(),
            Path.of("target/operator-image.log"))) {
      try {
        await()
            .atMost(Duration.ofMinutes(3))
            .pollInterval(Duration.ofMillis(250))
            .until(() -> !container.isAlive() || isReady(port));
      } catch (ConditionTimeoutException e) {
        throw new AssertionError(
            "the operator in the image never became ready:\n" + container.logTail(), e);
      }
      assertThat(container.isAlive()).as("the operator exited:\n%s", container.logTail()).isTrue();
      System.out.printf(
          "operator image: ready %.1f s after start, %.1f MB compressed%n",
          (System.nanoTime() - start) / 1e9, image.compressedSize() / 1e6);
      assertThat(uidOf(container.mainProcess().orElseThrow()))
          .as("the process runs as the image's user")
          .isEqualTo(NON_ROOT.split(":")[0]);

      cluster.client().resource(TestApps.app("from-image", cluster.name())).create();
      awaitApp(
          cluster.client(), cluster.name(), "from-image", hasCondition(Conditions.READY, "True"));
    } finally {
      Files.deleteIfExists(kubeconfig);
    }
  }

  private static boolean isReady(int port) {
    try {
      return HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                      .timeout(Duration.ofSeconds(2))
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The real user id of a host process, from /proc/PID/status. */
  private static String uidOf(ProcessHandle process) throws IOException {
    return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
        .filter(l -> l.startsWith("Uid:"))
        .findFirst()
        .orElseThrow()
        .split("\\s+")[1];
  }

  /**
   * The local cluster's kubeconfig with its certificates inlined, since the files it names are
   * outside the image's root. Readable by the image's user; holds the test cluster's credentials,
   * so it is deleted after.
   */
  private static void writeFlatKubeconfig(Config config, Path target) throws IOException {
    StringBuilder yaml =
        new StringBuilder()
            .append("apiVersion: v1\nkind: Config\ncurrent-context: image-it\n")
            .append("clusters:\n- name: local\n  cluster:\n    server: ")
            .append(config.getMasterUrl())
            .append('\n');
    inline(yaml, "    certificate-authority-data", config.getCaCertData(), config.getCaCertFile());
    yaml.append("contexts:\n- name: image-it\n  context: {cluster: local, user: local}\n")
        .append("users:\n- name: local\n  user:\n");
    inline(
        yaml,
        "    client-certificate-data",
        config.getClientCertData(),
        config.getClientCertFile());
    inline(yaml, "    client-key-data", config.getClientKeyData(), config.getClientKeyFile());
    if (config.getOauthToken() != null) {
      yaml.append("    token: ").append(config.getOauthToken()).append('\n');
    }
    Files.writeString(target, yaml);
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
  }

  private static void inline(StringBuilder yaml, String key, String data, String file)
      throws IOException {
    String base64 =
        data != null
            ? data
            : file != null
                ? java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of(file)))
                : null;
    if (base64 != null) {
      yaml.append(key).append(": ").append(base64).append('\n');
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
