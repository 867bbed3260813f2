package io.scalableapp.operator.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An OCI image tarball (an OCI layout: index.json, blobs/sha256/...) as the build wrote it: its
 * config, and its layers unpacked in order into a root filesystem, as a container runtime would.
 */
final class OciImage {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WHITEOUT = ".wh.";
  private static final String OPAQUE_WHITEOUT = ".wh..wh..opq";
  private final Path layout;
  private final JsonNode manifest;
  private final JsonNode config;

  private OciImage(Path layout, JsonNode manifest, JsonNode config) {
    this.layout = layout;
    this.manifest = manifest;
    this.config = config;
  }

  /** Extracts {@code tarball} into {@code workDir} and reads its only manifest. */
  static OciImage open(Path tarball, Path workDir) throws IOException, InterruptedException {
    if (!Files.exists(tarball)) {
      throw new IllegalStateException(
          tarball + " is missing: the build writes it in package (Jib buildTar)");
    }
    deleteRecursively(workDir);
    Files.createDirectories(workDir);
    run("tar", "-xf", tarball.toString(), "-C", workDir.toString());
    JsonNode index = JSON.readTree(workDir.resolve("index.json").toFile());
    if (index.path("manifests").size() != 1) {
      throw new IllegalStateException(
          "expected one image in " + tarball + ", index.json lists " + index.path("manifests"));
    }
    JsonNode manifest = JSON.readTree(blob(workDir, index.path("manifests").get(0)).toFile());
    JsonNode config = JSON.readTree(blob(workDir, manifest.path("config")).toFile());
    return new OciImage(workDir, manifest, config);
  }

  /** The runtime configuration: Entrypoint, Cmd, User, Env, ExposedPorts, Labels, WorkingDir. */
  JsonNode runConfig() {
    return config.path("config");
  }

  /** What a container runtime executes: Entrypoint followed by Cmd. */
  List<String> entrypoint() {
    List<String> entrypoint = new ArrayList<>();
    runConfig().path("Entrypoint").forEach(n -> entrypoint.add(n.asText()));
    runConfig().path("Cmd").forEach(n -> entrypoint.add(n.asText()));
    return entrypoint;
  }

  List<String> environment() {
    List<String> env = new ArrayList<>();
    runConfig().path("Env").forEach(n -> env.add(n.asText()));
    return env;
  }

  /** The sum of the compressed layers: what a node pulls. */
  long compressedSize() {
    long size = 0;
    for (JsonNode layer : manifest.path("layers")) {
      size += layer.path("size").asLong();
    }
    return size;
  }

  /**
   * Unpacks the layers, lowest first, into a fresh {@code root}, keeping modes and numeric owners.
   * A whiteout {@code .wh.NAME} deletes NAME from the layers below; {@code .wh..wh..opq} empties
   * its directory.
   */
  void unpackInto(Path root) throws IOException, InterruptedException {
    deleteRecursively(root);
    Files.createDirectories(root);
    for (JsonNode layer : manifest.path("layers")) {
      Path blob = blob(layout, layer);
      for (String entry :
          run("tar", "--warning=no-unknown-keyword", "-tzf", blob.toString()).lines().toList()) {
        Path path = root.resolve(entry).normalize();
        if (!path.startsWith(root)) {
          throw new IllegalStateException("layer entry escapes the root: " + entry);
        }
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        if (name.equals(OPAQUE_WHITEOUT)) {
          try (Stream<Path> lower =
              Files.exists(path.getParent()) ? Files.list(path.getParent()) : Stream.empty()) {
            for (Path p : lower.toList()) {
              deleteRecursively(p);
            }
          }
        } else if (name.startsWith(WHITEOUT)) {
          deleteRecursively(path.resolveSibling(name.substring(WHITEOUT.length())));
        }
      }
      run(
          "tar",
          "--warning=no-unknown-keyword",
          "--numeric-owner",
          "-xpzf",
          blob.toString(),
          "-C",
          root.toString());
      try (Stream<Path> files = Files.walk(root)) {
        for (Path marker :
            files.filter(p -> p.getFileName().toString().startsWith(WHITEOUT)).toList()) {
          Files.delete(marker);
        }
      }
    }
  }

  private static Path blob(Path layout, JsonNode descriptor) {
    String[] digest = descriptor.path("digest").asText().split(":", 2);
    return layout.resolve("blobs").resolve(digest[0]).resolve(digest[1]);
  }

  static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> files = Files.walk(path)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Runs a host command to completion; its output, or an exception with it when it fails. */
  static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException(
          String.join(" ", command) + " failed (" + process.exitValue() + "):\n" + output);
    }
    return output;
  }
}
