package io.scalableapp.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LabOptionsTest {

  @Test
  void aTraceFileIsNamedAfterItselfAndReplacesTheBuiltInTraces() {
    LabOptions o =
        LabOptions.parse(new String[] {"--trace", "exports/shop-rps.json", "--out", "out"});

    assertThat(o.userTraces())
        .containsExactly(new LabOptions.UserTrace("shop-rps", Path.of("exports/shop-rps.json")));
    assertThat(o.out()).isEqualTo(Path.of("out"));
    assertThat(o.published()).as("the NASA protocol is not about the user's trace").isFalse();
  }

  @Test
  void aTraceCanBeNamedExplicitly() {
    LabOptions o = LabOptions.parse(new String[] {"--trace", "shop=data/a.csv", "--tune-only"});

    assertThat(o.userTraces())
        .containsExactly(new LabOptions.UserTrace("shop", Path.of("data/a.csv")));
    assertThat(o.tuneOnly()).isTrue();
  }

  @Test
  void unknownOptionsShowTheUsage() {
    assertThatThrownBy(() -> LabOptions.parse(new String[] {"--fast"}))
        .hasMessageContaining("usage:");
  }
}
