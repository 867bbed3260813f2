package io.scalableapp.operator.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EventSpamFilterTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  private final EventSpamFilter filter = new EventSpamFilter(clock, registry);

  private static ConfigMap object(String name) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("ns")
        .withUid(name + "-uid")
        .endMetadata()
        .build();
  }

  private long admitted(ConfigMap subject, int attempts) {
    return IntStream.range(0, attempts).filter(i -> filter.admit(subject, "FloorRaised")).count();
  }

  private double dropped() {
    var counter =
        registry.find("scalableapp_events_dropped").tag("reason", "FloorRaised").counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void dropsPastTheBurstAndCountsWhatItDrops() {
    assertThat(admitted(object("flappy"), 30)).isEqualTo(25);
    assertThat(dropped()).isEqualTo(5);
    assertThat(registry.find("scalableapp_events_dropped").counter().getId().getDescription())
        .contains("rate limit");
  }

  @Test
  void refillsOneEventEveryFiveMinutes() {
    ConfigMap subject = object("flappy");
    admitted(subject, 25);

    now = now.plus(Duration.ofMinutes(4));
    assertThat(filter.admit(subject, "FloorRaised")).isFalse();
    now = now.plus(Duration.ofMinutes(1));
    assertThat(filter.admit(subject, "FloorRaised")).isTrue();
    assertThat(filter.admit(subject, "FloorRaised")).isFalse();
  }

  @Test
  void limitsEachObjectOnItsOwn() {
    admitted(object("flappy"), 30);

    assertThat(admitted(object("quiet"), 3)).isEqualTo(3);
  }
}
