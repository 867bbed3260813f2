package io.scalableapp.operator.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scalableapp.operator.events.EventRecorder;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EventRecorderIT {
  @RegisterExtension static final ClusterNamespace cluster = ClusterNamespace.withPrefix("events");

  private ConfigMap subject(String name) {
    return cluster
        .client()
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(cluster.name())
                .endMetadata()
                .build())
        .create();
  }

  private List<Event> eventsOn(String name) {
    return AppAssertions.events(cluster.client(), cluster.name(), name);
  }

  @Test
  void aRepeatedEventIsOneEventWithACount() {
    ConfigMap subject = subject("repeated");
    EventRecorder events =
        new EventRecorder(cluster.client(), Clock.systemUTC(), new SimpleMeterRegistry());

    for (int i = 0; i < 10; i++) {
      events.normal(subject, "FloorRaised", "Raised the floor from 2 to 3");
    }
    events.normal(subject, "FloorLowered", "Lowered the floor from 3 to 2");

    assertThat(eventsOn("repeated"))
        .hasSize(2)
        .filteredOn(e -> "FloorRaised".equals(e.getReason()))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getCount()).isEqualTo(10);
              assertThat(e.getLastTimestamp()).isGreaterThanOrEqualTo(e.getFirstTimestamp());
            });
  }
}
