package io.scalableapp.lab.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeasuredTest {

  private static final LiveSettings SETTINGS =
      new LiveSettings(
          "nasa-1995-per-minute.csv.gz",
          LocalDateTime.of(1995, 7, 6, 6, 40),
          2,
          0,
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

  @Test
  void aPodsCapacityIsWhatItAnsweredOverItsCpuShareAtEachNewReading() {
    List<LiveRun.Second> seconds = new ArrayList<>();
    for (int s = 0; s < 40; s++) {
      // 100 answered per second (120 sent, 20 failed) throughout
      seconds.add(new LiveRun.Second(s, s / 5, 120, 120, 20, 0, 3));
    }
    LiveRun run =
        LiveRun.parseCluster(
            "hpa",
            seconds,
            List.of(
                "-5.00|Deployment|2|2|2",
                "12.00|HorizontalPodAutoscaler|1|2|2|50",
                "22.00|HorizontalPodAutoscaler|1|2|2|50",
                "32.00|HorizontalPodAutoscaler|1|2|2|40"));

    // 100/s on 2 pods at 50 % is 100/s per pod at full CPU; at 40 % it is 125/s; the median of 100,
    // 125 is 112.5
    // (the reading at 22 s repeats 50 % and is not a new one).
    assertThat(Measured.requestsPerPodAtFullCpu(run, SETTINGS)).isCloseTo(112.5, within(1e-9));
  }

  @Test
  void theFloorAsTheWatchSawItIsTheScheduleTheModelGets() {
    LiveRun run =
        LiveRun.parseCluster(
            "predictive",
            List.of(),
            List.of(
                "-30.00|HorizontalPodAutoscaler|2|2|2|", "0.10|HorizontalPodAutoscaler|3|3|2|60"));
    var floor = LiveBenchReport.measuredFloor(run, SETTINGS);
    var start = SETTINGS.from().toInstant(java.time.ZoneOffset.UTC);

    assertThat(floor.minReplicasAt(start.minusSeconds(60)))
        .as("the warm start, 5 wall s before")
        .isEqualTo(2);
    assertThat(floor.minReplicasAt(start.plusSeconds(12))).as("1 wall s in, at 12x").isEqualTo(3);
    assertThat(floor.minReplicasAt(start.minusSeconds(3600)))
        .as("before the watch saw anything")
        .isEqualTo(1);
  }
}
