package io.scalableapp.lab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HpaCalibrationSectionTest {

  @Test
  void citesTheRunAndItsErrors(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("calibration.properties");
    Files.writeString(
        file,
        "run=hpa (nasa 1995-07-06 06:40, 120 min, 12x)\nmeanAbsoluteError=0.42\n"
            + "meanScaleUpLagMinutes=1.5\n");

    String md = HpaCalibrationSection.render(file, "../bench-live/README.md");

    assertThat(md)
        .contains(
            "live run hpa (nasa 1995-07-06 06:40, 120 min, 12x)",
            "0.42 replicas",
            "1.5 trace minutes",
            "(../bench-live/README.md)");
  }

  @Test
  void saysSoWhenNoLiveRunWasMeasured(@TempDir Path dir) {
    assertThat(HpaCalibrationSection.render(dir.resolve("missing"), "x"))
        .contains("No live calibration found", "make bench-live");
  }
}
