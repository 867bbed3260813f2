package io.scalableapp.operator.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Layers unpack as a container runtime stacks them: upper layers' whiteouts remove lower layers'
 * files.
 */
class OciImageTest {
  @TempDir Path dir;

  @Test
  void whiteoutsRemoveLowerFilesAndOpaqueDirectoriesHideThem() throws Exception {
    String lower = layer("lower", "a/x", "a/y", "b/z");
    String upper = layer("upper", "a/.wh.x", "b/.wh..wh..opq", "b/w");
    Path image = dir.resolve("image.tar");
    Path layout = dir.resolve("layout");
    String config = blob(layout, "{\"config\":{\"User\":\"65532:65532\"}}".getBytes());
    String manifest =
        blob(
            layout,
            ("{\"config\":{\"digest\":\""
                    + config
                    + "\"},\"layers\":[{\"digest\":\""
                    + lower
                    + "\",\"size\":1},{\"digest\":\""
                    + upper
                    + "\",\"size\":2}]}")
                .getBytes());
    Files.writeString(
        layout.resolve("index.json"), "{\"manifests\":[{\"digest\":\"" + manifest + "\"}]}");
    OciImage.run("tar", "-cf", image.toString(), "-C", layout.toString(), ".");

    OciImage oci = OciImage.open(image, dir.resolve("opened"));
    Path root = dir.resolve("root");
    oci.unpackInto(root);

    assertThat(oci.runConfig().path("User").asText()).isEqualTo("65532:65532");
    assertThat(oci.compressedSize()).isEqualTo(3);
    assertThat(root.resolve("a/y")).exists();
    assertThat(root.resolve("a/x")).doesNotExist();
    assertThat(root.resolve("a/.wh.x")).doesNotExist();
    assertThat(root.resolve("b/z")).doesNotExist();
    assertThat(root.resolve("b/w")).exists();
    assertThat(root.resolve("b/.wh..wh..opq")).doesNotExist();
  }

  /**
   * A gzipped layer holding empty files at {@code paths}, stored as a blob of the layout; its
   * digest.
   */
  private String layer(String name, String... paths) throws Exception {
    Path content = dir.resolve(name);
    for (String p : paths) {
      Files.createDirectories(content.resolve(p).getParent());
      Files.createFile(content.resolve(p));
    }
    Path tar = dir.resolve(name + ".tar.gz");
    OciImage.run("tar", "-czf", tar.toString(), "-C", content.toString(), "a", "b");
    return blob(dir.resolve("layout"), Files.readAllBytes(tar));
  }

  private static String blob(Path layout, byte[] bytes) throws Exception {
    String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    Path blobs = Files.createDirectories(layout.resolve("blobs/sha256"));
    Files.write(blobs.resolve(hex), bytes);
    return "sha256:" + hex;
  }
}
