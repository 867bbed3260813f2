package io.scalableapp.operator.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.PredictionSchedule;
import io.scalableapp.operator.api.PredictionSpec;
import io.scalableapp.operator.api.ScalableApp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The API server refuses bad spec.prediction.schedules with messages a person can act on; no
 * operator runs here.
 */
class ScheduleValidationIT {
  @RegisterExtension
  static final ClusterNamespace cluster = ClusterNamespace.withPrefix("schedule-validation");

  private static PredictionSchedule schedule(String name) {
    PredictionSchedule s = new PredictionSchedule();
    s.setName(name);
    s.setCron("0 8 27 11 *");
    s.setTimeZone("Europe/Paris");
    s.setDuration("14h");
    s.setMinReplicas(4);
    return s;
  }

  private static ScalableApp withSchedules(String name, List<PredictionSchedule> schedules) {
    ScalableApp app = TestApps.app(name, cluster.name());
    TestApps.enforcePrediction(app, 10);
    app.getSpec().getPrediction().setSchedules(schedules);
    return app;
  }

  private static ScalableApp withSchedule(String name, Consumer<PredictionSchedule> change) {
    PredictionSchedule s = schedule("sale");
    change.accept(s);
    return withSchedules(name, List.of(s));
  }

  private static void assertRejected(ScalableApp app, String message) {
    AppAssertions.assertRejected(cluster.client(), app, message);
  }

  @Test
  void validSchedulesAreAccepted() {
    PredictionSchedule nights = schedule("nights");
    nights.setCron("30 22 * * mon-fri,SUN");
    nights.setMinReplicas(null);
    nights.setFloorCap(2);
    PredictionSchedule every = schedule("every-quarter");
    every.setCron("*/15 0-6,20-23 1,15 JAN-MAR,12 *");
    every.setTimeZone("UTC");
    ScalableApp created =
        cluster
            .client()
            .resource(withSchedules("valid", List.of(schedule("sale"), nights, every)))
            .create();

    assertThat(created.getSpec().getPrediction().getSchedules()).hasSize(3);
  }

  @Test
  void aCronWithoutFiveFieldsOrWithAnOutOfRangeValueIsRefused() {
    String message = "cron must be five fields, minute (0-59) hour (0-23)";
    assertRejected(withSchedule("four-fields", s -> s.setCron("0 8 27 11")), message);
    assertRejected(withSchedule("six-fields", s -> s.setCron("0 0 8 27 11 *")), message);
    assertRejected(withSchedule("minute-60", s -> s.setCron("60 8 * * *")), message);
    assertRejected(withSchedule("hour-24", s -> s.setCron("0 24 * * *")), message);
    assertRejected(withSchedule("month-13", s -> s.setCron("0 8 1 13 *")), message);
    assertRejected(withSchedule("macro", s -> s.setCron("@daily")), message);
  }

  @Test
  void exactlyOneOfMinReplicasAndFloorCap() {
    String message =
        "a schedule sets exactly one of minReplicas (raise the floor, e.g. for a sale) or floorCap";
    assertRejected(withSchedule("both", s -> s.setFloorCap(2)), message);
    assertRejected(withSchedule("neither", s -> s.setMinReplicas(null)), message);
  }

  @Test
  void durationsBetweenAMinuteAndAMonth() {
    assertRejected(
        withSchedule("short", s -> s.setDuration("30s")),
        "schedule duration must be between 1m and 31d");
    assertRejected(
        withSchedule("long", s -> s.setDuration("32d")),
        "schedule duration must be between 1m and 31d");
    assertRejected(
        withSchedule("unreadable", s -> s.setDuration("2 hours")), "duration in body should match");
  }

  @Test
  void namesAreUniqueAndTheListIsBounded() {
    assertRejected(
        withSchedules("twins", List.of(schedule("sale"), schedule("sale"))),
        "prediction.schedules names must be unique");
    List<PredictionSchedule> many = new ArrayList<>();
    for (int i = 0; i <= PredictionSpec.MAX_SCHEDULES; i++) {
      many.add(schedule("s" + i));
    }
    assertRejected(withSchedules("many", many), "must have at most 20 items");
  }

  @Test
  void schedulesNeedPredictionOn() {
    ScalableApp app = TestApps.app("off", cluster.name());
    app.getSpec().getPrediction().setSchedules(List.of(schedule("sale")));
    assertRejected(
        app, "prediction.schedules act on the prediction floor: set prediction.mode to Enforce");
  }
}
