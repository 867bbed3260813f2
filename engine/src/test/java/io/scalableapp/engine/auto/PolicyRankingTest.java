package io.scalableapp.engine.auto;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyRankingTest {

  static final Comparator<PolicyChoice.Scored> RANKING =
      PolicyRanking.bestFirst(
          s -> s.training().underProvisionedMinutes(),
          s -> s.policy().reactive(),
          s -> s.training().replicaHours());

  static PolicyChoice.Scored scored(TunedPolicy policy, double under, double replicaHours) {
    PolicyFigures figures = new PolicyFigures(under, replicaHours);
    return new PolicyChoice.Scored(policy, figures, figures);
  }

  static TunedPolicy floored(int target) {
    return new TunedPolicy(target, Duration.ofMinutes(5), FloorCandidates.FORECAST, "");
  }

  @Test
  void fewerMissesWinWhateverTheyCost() {
    var floor = scored(floored(60), 3, 130);
    var hpa = scored(TunedPolicy.reactive(70, Duration.ofMinutes(15)), 4, 100);
    assertThat(List.of(hpa, floor).stream().min(RANKING)).contains(floor);
  }

  @Test
  void onATieTheHpaAloneRunsEvenWhenTheFloorIsCheaper() {
    var floor = scored(floored(80), 2, 90);
    var hpa = scored(TunedPolicy.reactive(70, Duration.ofMinutes(5)), 2, 100);
    assertThat(List.of(floor, hpa).stream().min(RANKING)).contains(hpa);
  }

  @Test
  void betweenEqualMissesOfTheSameKindTheOneWithMoreCapacityRuns() {
    var cheap = scored(TunedPolicy.reactive(60, Duration.ofMinutes(5)), 0, 110);
    var roomy = scored(TunedPolicy.reactive(60, Duration.ofMinutes(15)), 0, 119);
    assertThat(List.of(cheap, roomy).stream().min(RANKING)).contains(roomy);
    var cheapFloor = scored(floored(70), 1, 105);
    var roomyFloor = scored(floored(65), 1, 112);
    assertThat(List.of(cheapFloor, roomyFloor).stream().min(RANKING)).contains(roomyFloor);
  }
}
