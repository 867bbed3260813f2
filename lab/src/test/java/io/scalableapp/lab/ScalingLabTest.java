package io.scalableapp.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab as a user runs it on their own traffic: one Prometheus export in, the full report and
 * plots out.
 */
class ScalingLabTest {

  @TempDir Path out;

  @Test
  void writesTheFullReportAndPlotsForOneUserTrace() throws Exception {
    // three real days of NASA traffic, exported as a 5-minute rate per second
    Path export = Path.of(ScalingLabTest.class.getResource("/nasa-3-days-5m-rate.json").toURI());

    ScalingLab.main(
        new String[] {"--trace", export.toString(), "--out", out.toString(), "--threads", "1"});

    String report = Files.readString(out.resolve("README.md"));
    assertThat(report)
        .contains("## Headline: noise-sized floors against the same-cost envelope")
        .contains("| nasa-3-days-5m-rate, startup 60 s | realistic HPA | 1.00x |")
        .contains("| nasa-3-days-5m-rate, startup 180 s | ideal HPA | 1.25x |")
        .contains("### Floor families on the training part")
        .contains(
            "| nasa-3-days-5m-rate, startup 60 s | ideal HPA | forecast, k = 1 (proportional) |")
        .contains("| nasa-3-days-5m-rate, startup 60 s | ideal HPA | perfect forecast (ceiling) |")
        .contains("## The engine's own floors against the same-cost reactive HPA")
        // the grid's test runs feed the hindsight table only, not the per-run tables or plots
        .doesNotContain("hindsight: ")
        .contains("| nasa-3-days-5m-rate, startup 60 s | ideal HPA | predictive AUTO |")
        .contains(
            "| nasa-3-days-5m-rate, startup 180 s | realistic HPA | predictive HOLT_WINTERS |")
        .contains("## Floors on a longer-window HPA")
        .contains("| nasa-3-days-5m-rate, startup 60 s | ideal HPA | predictive AUTO | 15 min |")
        .contains(
            "| nasa-3-days-5m-rate, startup 180 s | realistic HPA | predictive HOLT_WINTERS | 30 min |")
        .contains("## Jump floors, chosen on the training part")
        .contains("## Reactive envelope: CPU target x scale-down stabilisation")
        .contains("| nasa-3-days-5m-rate, startup 60 s | realistic HPA | 45 % | 60 min |")
        .contains("| surge hold: jump > x1.43, hold 60 min |")
        .contains("`nasa-3-days-5m-rate.json`")
        .doesNotContain("Against published figures");
    String hindsight =
        report.substring(
            report.indexOf("### The grid in hindsight"),
            report.indexOf("## The engine's own floors"));
    assertThat(hindsight)
        .contains("| nasa-3-days-5m-rate, startup 60 s | realistic HPA | 1.00x |")
        .contains("| nasa-3-days-5m-rate, startup 180 s | ideal HPA | 1.25x |");
    for (String png :
        new String[] {
          "frontier-nasa-3-days-5m-rate-startup-60s.png",
          "frontier-nasa-3-days-5m-rate-startup-180s.png",
          "nasa-3-days-5m-rate-startup-60s.png",
          "nasa-3-days-5m-rate-startup-180s.png"
        }) {
      assertThat(report).contains("(" + png + ")");
      assertThat(ImageIO.read(out.resolve(png).toFile())).as(png).isNotNull();
    }
  }
}
