package io.scalableapp.operator.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scalableapp.engine.metrics.InMemoryDemandSource;
import io.scalableapp.engine.series.Series;
import io.scalableapp.engine.time.ManualClock;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.prediction.PredictionFailure.Kind;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, item 2: an app names only Prometheus servers the platform team allowed; the default is
 * always allowed.
 */
class PrometheusAllowlistTest {
  private static final URI DEFAULT = URI.create("http://prometheus.monitoring:9090");
  private final PrometheusAllowlist allowlist =
      new PrometheusAllowlist(
          List.of(
              URI.create("https://metrics.example.com/prometheus/"),
              URI.create("http://thanos.monitoring:10902")));

  @Test
  void permitsTheDefaultAndTheEntriesAndNothingElse() {
    assertThat(
            PrometheusAllowlist.none()
                .permits(URI.create("http://prometheus.monitoring:9090/"), DEFAULT))
        .isTrue();
    assertThat(PrometheusAllowlist.none().permits(URI.create("http://10.0.0.1:9090"), DEFAULT))
        .isFalse();
    assertThat(
            allowlist.permits(URI.create("https://metrics.example.com/prometheus/team-a"), DEFAULT))
        .isTrue();
    assertThat(allowlist.permits(URI.create("https://metrics.example.com:443/prometheus"), DEFAULT))
        .isTrue();
    assertThat(allowlist.permits(URI.create("http://thanos.monitoring:10902"), DEFAULT)).isTrue();

    assertThat(allowlist.permits(URI.create("https://metrics.example.com/admin"), DEFAULT))
        .as("outside the path")
        .isFalse();
    assertThat(
            allowlist.permits(URI.create("https://metrics.example.com/prometheus-evil"), DEFAULT))
        .isFalse();
    assertThat(
            allowlist.permits(
                URI.create("https://metrics.example.com/prometheus/../admin"), DEFAULT))
        .isFalse();
    assertThat(allowlist.permits(URI.create("http://metrics.example.com/prometheus/"), DEFAULT))
        .as("other scheme")
        .isFalse();
    assertThat(allowlist.permits(URI.create("http://thanos.monitoring:10903"), DEFAULT))
        .as("other port")
        .isFalse();
    assertThat(
            allowlist.permits(
                URI.create("http://thanos.monitoring:10902@169.254.169.254/"), DEFAULT))
        .as("user info naming an allowed host")
        .isFalse();
  }

  @Test
  void anAppNamingAServerNotAllowedIsRefusedBeforeAnyRequest() {
    AtomicInteger sourcesBuilt = new AtomicInteger();
    Instant start = Instant.parse("2026-03-02T12:00:00Z");
    var demand =
        new InMemoryDemandSource(
            Series.of(start.minus(Duration.ofDays(1)), Duration.ofMinutes(1), new double[24 * 60]));
    var settings = new PredictionSettings(DEFAULT, Duration.ofSeconds(30), Duration.ofMinutes(1));
    var service =
        new PredictionService(
            settings,
            null,
            Set.of(),
            new SimpleMeterRegistry(),
            new ManualClock(start),
            io.scalableapp.engine.forecast.ForecasterFactory.DEFAULT,
            (app, url, query, spec) -> {
              sourcesBuilt.incrementAndGet();
              return demand;
            });
    ScalableApp app = TestApps.predicted("shop", "prod", 30.0);
    app.getSpec().getPrediction().setLookback("1d");
    app.getSpec().getPrediction().setPrometheusUrl("http://169.254.169.254:80");

    PredictionOutcome outcome = service.evaluate(app);

    assertThat(outcome.failure().kind()).isEqualTo(Kind.InvalidSettings);
    assertThat(outcome.failure().message())
        .contains("http://169.254.169.254:80 is not allowed")
        .contains(PrometheusAllowlist.SETTING);
    assertThat(sourcesBuilt).as("no request may be sent to it").hasValue(0);
  }

  @Test
  void credentialsInAUrlAreRefusedWithoutRepeatingThem() {
    ScalableApp app = TestApps.predicted("shop", "prod", 30.0);
    app.getSpec()
        .getPrediction()
        .setPrometheusUrl("http://reader:s3cret@prometheus.monitoring:9090");
    var settings = new PredictionSettings(DEFAULT, Duration.ofSeconds(30), Duration.ofMinutes(1));

    assertThatThrownBy(() -> settings.allowedPrometheusFor(app.getSpec().getPrediction()))
        .hasMessageContaining("must not carry credentials")
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(
            () ->
                new PredictionSettings(
                    URI.create("http://admin:s3cret@prometheus:9090"),
                    Duration.ofSeconds(30),
                    Duration.ofMinutes(1)))
        .hasMessageContaining("scalableapp.prometheus.url must not carry credentials")
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(
            () -> new PrometheusAllowlist(List.of(URI.create("http://admin:s3cret@thanos:10902"))))
        .hasMessageContaining("must not carry credentials")
        .hasMessageContaining("thanos")
        .hasMessageNotContaining("s3cret");
  }
}
