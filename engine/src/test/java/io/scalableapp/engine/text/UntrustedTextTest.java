package io.scalableapp.engine.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UntrustedTextTest {

  @Test
  void nullAndBlankBecomeEmpty() {
    assertThat(UntrustedText.excerpt(null)).isEmpty();
    assertThat(UntrustedText.excerpt(" \r\n\t ")).isEmpty();
  }

  @Test
  void shortPrintableTextIsKept() {
    assertThat(UntrustedText.excerpt("10000 Authentication error: ünïcode ok"))
        .isEqualTo("10000 Authentication error: ünïcode ok");
  }

  @Test
  void lineBreaksAndControlCharactersCannotForgeALogLine() {
    String forged = "bad gateway\r\n2026-12-07 INFO Reconciled storefront\u001b[2K\u0000 done";
    assertThat(UntrustedText.excerpt(forged))
        .isEqualTo("bad gateway 2026-12-07 INFO Reconciled storefront [2K done")
        .doesNotContain("\n", "\r", "\u001b", "\u0000");
  }

  @Test
  void bidiOverridesAndZeroWidthCharactersAreRemoved() {
    assertThat(UntrustedText.excerpt("abc\u202Edcb\u200Bx\u2028y\u00A0z"))
        .isEqualTo("abc dcb x y z");
  }

  @Test
  void longTextIsCutToTheBoundWithAnEllipsis() {
    String page = "<html>" + "x".repeat(100_000) + "</html>";
    String excerpt = UntrustedText.excerpt(page);
    assertThat(excerpt)
        .hasSize(UntrustedText.DEFAULT_MAX_CHARS)
        .startsWith("<html>xxx")
        .endsWith("…");
    assertThat(UntrustedText.excerpt("abcdefghij", 5)).isEqualTo("abcd…");
    assertThat(UntrustedText.excerpt("abcde", 5)).isEqualTo("abcde");
    assertThat(UntrustedText.excerpt("abcde\n\n\n", 5)).isEqualTo("abcde");
  }

  @Test
  void aCutNeverSplitsASurrogatePair() {
    String emoji = "\uD83D\uDE00";
    String excerpt = UntrustedText.excerpt("abc" + emoji + "def", 5);
    assertThat(excerpt).isEqualTo("abc…");
    excerpt.chars().forEach(c -> assertThat(Character.isSurrogate((char) c)).isFalse());
  }

  @Test
  void theBoundMustBePositive() {
    assertThatThrownBy(() -> UntrustedText.excerpt("x", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
