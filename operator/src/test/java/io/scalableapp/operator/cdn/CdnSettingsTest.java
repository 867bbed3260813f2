package io.scalableapp.operator.cdn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CdnSettingsTest {
  @Test
  void withAnEmptyAllowlistOnlyCloudflaresOwnApiMayBeCalled() {
    CdnSettings settings = CdnSettings.defaults();
    assertThat(settings.cloudflareApiAllowed("https://api.cloudflare.com/client/v4")).isTrue();
    assertThat(settings.cloudflareApiAllowed("https://API.cloudflare.com/client/v4/")).isTrue();
    assertThat(settings.cloudflareApiAllowed("http://10.0.0.1/client/v4")).isFalse();
    assertThat(settings.cloudflareApiAllowed("https://api.cloudflare.com.evil.example/client/v4"))
        .isFalse();
    assertThat(settings.cloudflareApiAllowed("http://169.254.169.254/latest/meta-data")).isFalse();
  }

  @Test
  void theAllowlistAddsExactlyTheUrlsItNames() {
    CdnSettings settings =
        CdnSettings.defaults()
            .withCloudflareApiBaseUrls(List.of("https://cf-proxy.platform.example/client/v4/"));
    assertThat(settings.cloudflareApiAllowed("https://cf-proxy.platform.example/client/v4"))
        .isTrue();
    assertThat(settings.cloudflareApiAllowed("https://cf-proxy.platform.example/other")).isFalse();
    assertThat(settings.cloudflareApiAllowed("https://api.cloudflare.com/client/v4")).isTrue();
  }
}
