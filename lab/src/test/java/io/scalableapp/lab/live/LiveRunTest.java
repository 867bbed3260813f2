package io.scalableapp.lab.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveRunTest {

  private static LiveRun.Second second(int s) {
    return new LiveRun.Second(s, s / 5, 100, 100, 0, 0, 3.0);
  }

  @Test
  void readsTheWatchLinesInTimeOrderWhateverOrderTheyArrivedIn() {
    List<String> lines =
        List.of(
            "-60.00|Deployment|2|2|",
            "-59.00|Pod|web-a|10.244.0.5|2026-12-07T05:00:00Z|False||",
            "-57.50|Pod|web-a|10.244.0.5|2026-12-07T05:00:00Z|True|2026-12-07T05:00:02Z|",
            "-58.00|Deployment|2|2|2",
            "-58.00|HorizontalPodAutoscaler|2|2|2|",
            "4.00|HorizontalPodAutoscaler|1|3|2|95",
            "4.50|Deployment|3|3|2",
            "4.60|Pod|web-b||2026-12-07T05:01:04Z|False||",
            "8.00|Pod|web-b|10.244.0.6|2026-12-07T05:01:04Z|True|2026-12-07T05:01:07Z|",
            "9.00|Deployment|3|3|3",
            "5.00|Load|3.5");
    LiveRun run =
        LiveRun.parseCluster(
            "hpa",
            List.of(
                second(0), second(1), second(2), second(3), second(4), second(5), second(6),
                second(7), second(8), second(9)),
            lines);

    assertThat(run.readyReplicas().at(-59)).as("readyReplicas unset means none ready").isZero();
    assertThat(run.readyReplicas().at(0)).isEqualTo(2);
    assertThat(run.specReplicas().at(5)).isEqualTo(3);
    assertThat(run.hpaMinReplicas().at(5)).isEqualTo(1);
    assertThat(run.cpuUtilization().at(0)).as("no metric before the first reading").isNaN();
    assertThat(run.cpuUtilization().at(5)).isEqualTo(95);
    assertThat(run.podSeconds()).as("2 pods for 4.5 s, 3 for 5.5 s").isEqualTo(25.5);
    assertThat(run.startupSeconds())
        .as("only the pod created during the replay")
        .containsExactly(3.0);
    assertThat(run.pods().get("web-a").ready()).isEqualTo(Instant.parse("2026-12-07T05:00:02Z"));
    assertThat(run.sent()).isEqualTo(1000);
  }
}
