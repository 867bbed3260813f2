package io.scalableapp.engine.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scalableapp.engine.series.Series;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The parsing of Prometheus's range-query answer; the IT runs it against a real Prometheus. */
class PrometheusDemandSourceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void placesSamplesAtTheirStepAndLeavesGapsMissing() throws IOException {
    var body = JSON.readTree("""
        {"status":"success","data":{"resultType":"matrix","result":[
          {"metric":{},"values":[[1767225600,"10"],[1767225720,"12.5"],[1767225780,"NaN"]]}]}}""");

    Series s = PrometheusDemandSource.toSeries(body, FROM, Duration.ofMinutes(1), 4);

    assertThat(s.get(0)).isEqualTo(10);
    assertThat(s.get(1)).isNaN();
    assertThat(s.get(2)).isEqualTo(12.5);
    assertThat(s.get(3)).isNaN();
  }

  @Test
  void anEmptyResultIsAllMissingNotZero() throws IOException {
    var body = JSON.readTree("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}");

    Series s = PrometheusDemandSource.toSeries(body, FROM, Duration.ofMinutes(1), 3);

    assertThat(s.toArray()).containsOnly(Double.NaN);
  }

  @Test
  void refusesSeveralSeriesRatherThanGuessingHowToCombineThem() throws IOException {
    var body = JSON.readTree("""
        {"data":{"result":[{"metric":{"pod":"a"},"values":[]},{"metric":{"pod":"b"},"values":[]}]}}""");

    assertThatThrownBy(() -> PrometheusDemandSource.toSeries(body, FROM, Duration.ofMinutes(1), 3))
        .hasMessageContaining("returned 2 series").hasMessageContaining("sum()");
  }
}
