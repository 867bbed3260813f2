package io.scalableapp.operator.cdn.varnish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EdgePurgeTokensTest {
  static final String KEY = "k".repeat(40);

  @Test
  void everyReplicaWithTheKeyDerivesTheSameTokenAndEachAppItsOwn() {
    EdgePurgeTokens one = EdgePurgeTokens.fromKey(KEY);
    EdgePurgeTokens other = EdgePurgeTokens.fromKey(KEY);
    assertThat(one.tokenFor("uid-1")).isEqualTo(other.tokenFor("uid-1")).matches("[0-9a-f]{64}");
    assertThat(one.tokenFor("uid-1")).isNotEqualTo(one.tokenFor("uid-2"));
    assertThat(EdgePurgeTokens.fromKey("z".repeat(40)).tokenFor("uid-1"))
        .isNotEqualTo(one.tokenFor("uid-1"));
  }

  @Test
  void theKeyIsNeverShownAndAShortOneIsRefused() {
    assertThat(EdgePurgeTokens.fromKey(KEY).toString()).doesNotContain(KEY).contains("redacted");
    assertThatThrownBy(() -> EdgePurgeTokens.fromKey("short"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("short");
    assertThat(EdgePurgeTokens.random().ephemeral()).isTrue();
    assertThat(EdgePurgeTokens.random().tokenFor("u"))
        .isNotEqualTo(EdgePurgeTokens.random().tokenFor("u"));
  }
}
