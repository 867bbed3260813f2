package io.scalableapp.lab.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.scalableapp.engine.replay.hpa.HpaSettings;
import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class HpaCalibrationTest {

  @Test
  void comparesTrajectoriesByMeanAbsoluteErrorAndByWhenEachCountWasFirstReached() {
    double[] at = {0, 60, 120, 180, 240};
    HpaCalibration c =
        new HpaCalibration("hpa", at, new double[] {2, 2, 3, 4, 4}, new double[] {2, 3, 4, 4, 3});

    assertThat(c.meanAbsoluteError()).as("|0|+|1|+|1|+|0|+|1| over 5").isCloseTo(0.6, within(1e-9));
    assertThat(c.scaleUps())
        .containsExactly(new HpaCalibration.ScaleUp(3, 2, 1), new HpaCalibration.ScaleUp(4, 3, 2));
    assertThat(LiveBenchReport.meanLag(c))
        .as("the real HPA one minute later each time")
        .isEqualTo(1.0);
  }

  @Test
  void bringsTheBenchsScaledTimersBackToTraceTime() {
    LiveSettings s =
        new LiveSettings(
            "nasa-1995-per-minute.csv.gz",
            LocalDateTime.of(1995, 7, 6, 6, 40),
            120,
            6,
            12,
            3,
            "100m",
            70,
            60,
            10,
            Duration.ofMillis(250),
            2,
            10,
            2);

    HpaSettings hpa = HpaCalibration.hpaSettings(s);

    assertThat(hpa.syncPeriod()).as("1250 ms x 12").isEqualTo(Duration.ofSeconds(15));
    assertThat(hpa.scaleDownStabilization()).as("25 s x 12").isEqualTo(Duration.ofMinutes(5));
    assertThat(hpa.longestScaleUpPeriod())
        .as("policy periods are whole seconds: 1 s x 12")
        .isEqualTo(Duration.ofSeconds(12));
    assertThat(LiveSettings.goDuration("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(LiveSettings.goDuration("1.5s")).isEqualTo(Duration.ofMillis(1500));
  }
}
