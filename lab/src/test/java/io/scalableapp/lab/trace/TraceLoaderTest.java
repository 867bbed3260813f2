package io.scalableapp.lab.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scalableapp.engine.replay.trace.Trace;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceLoaderTest {

  private final TraceLoader loader = new TraceLoader();

  private static Path fixture() throws URISyntaxException {
    return Path.of(TraceLoaderTest.class.getResource("/tiny-trace.csv").toURI());
  }

  @Test
  void fillsMinutesWithoutRequestsWithZero() throws Exception {
    Trace trace = loader.load(fixture(), "tiny", List.of());

    assertThat(trace.start()).isEqualTo(LocalDateTime.of(2020, 1, 1, 0, 0));
    assertThat(trace.length()).isEqualTo(9);
    assertThat(trace.demand(2)).isZero();
    assertThat(trace.observed(2)).isTrue();
    assertThat(trace.demand(5)).isZero();
    assertThat(trace.demand(6)).isZero();
    assertThat(trace.demand(7)).isEqualTo(9);
  }

  @Test
  void sumsRowsFallingInTheSameMinute() throws Exception {
    Trace trace = loader.load(fixture(), "tiny", List.of());

    assertThat(trace.demand(4)).isEqualTo(5);
  }

  @Test
  void masksGapsInsteadOfTreatingThemAsZeroDemand() throws Exception {
    TraceGap outage =
        new TraceGap(LocalDateTime.of(2020, 1, 1, 0, 5), LocalDateTime.of(2020, 1, 1, 0, 7));

    Trace trace = loader.load(fixture(), "tiny", List.of(outage));

    assertThat(trace.observed(4)).isTrue();
    assertThat(trace.observed(5)).isFalse();
    assertThat(trace.observed(6)).isFalse();
    assertThat(trace.observed(7)).isTrue();
    assertThat(trace.observedCount()).isEqualTo(7);
  }

  @Test
  void gapsAreIgnoredWhenScoringPeaksAndQuantiles() throws Exception {
    TraceGap gapOverPeak =
        new TraceGap(LocalDateTime.of(2020, 1, 1, 0, 1), LocalDateTime.of(2020, 1, 1, 0, 2));

    Trace trace = loader.load(fixture(), "tiny", List.of(gapOverPeak));

    assertThat(trace.peak(0, trace.length())).isEqualTo(10);
    assertThat(trace.quantile(0, trace.length(), 1.0)).isEqualTo(10);
  }

  @Test
  void acceptsIsoAndEpochTimestampsForUserTraces() throws Exception {
    String csv =
        "timestamp,count\n2024-03-01T10:00:30Z,4\n1709287260,6\n2024-03-01T12:02:00+02:00,1\n";

    Trace trace = loader.read(new StringReader(csv), "user", List.of());

    assertThat(trace.start()).isEqualTo(LocalDateTime.of(2024, 3, 1, 10, 0));
    assertThat(trace.length()).isEqualTo(3);
    assertThat(trace.demand(0)).isEqualTo(4);
    assertThat(trace.demand(1)).isEqualTo(6);
    assertThat(trace.demand(2)).isEqualTo(1);
  }

  @Test
  void rejectsNegativeCountsAndMissingHeader() {
    assertThatThrownBy(
            () ->
                loader.read(
                    new StringReader("minute,count\n2020-01-01 00:00:00,-1\n"), "bad", List.of()))
        .hasMessageContaining("line 2: bad value '-1'");
    assertThatThrownBy(
            () -> loader.read(new StringReader("2020-01-01 00:00:00,1\n"), "bad", List.of()))
        .hasMessageContaining("header");
  }

  @Test
  void interpolatesMaskedMinutesLinearlyForGapFreeProtocols() throws Exception {
    TraceGap outage =
        new TraceGap(LocalDateTime.of(2020, 1, 1, 0, 4), LocalDateTime.of(2020, 1, 1, 0, 7));
    Trace trace = loader.load(fixture(), "tiny", List.of(outage));

    double[] filled = GapInterpolation.interpolate(trace);

    // observed 7 at minute 3 and 9 at minute 7: the three masked minutes lie on the line between
    // them
    assertThat(filled).containsExactly(10, 12, 0, 7, 7.5, 8, 8.5, 9, 4);
  }

  @Test
  void spreadsACoarseSeriesOverItsMinutesAsARate() throws Exception {
    String csv =
        "minute,count\n2020-01-01 00:00:00,50\n2020-01-01 00:05:00,100\n2020-01-01 00:15:00,5\n";

    Trace trace = loader.read(new StringReader(csv), "five-minute", List.of());

    assertThat(trace.length()).isEqualTo(20);
    assertThat(trace.demand(0)).isEqualTo(10);
    assertThat(trace.demand(4)).isEqualTo(10);
    assertThat(trace.demand(5)).isEqualTo(20);
    assertThat(trace.demand(9)).isEqualTo(20);
    // no row for 00:10: a quiet interval of a log, zero demand
    assertThat(trace.demand(12)).isZero();
    assertThat(trace.observed(12)).isTrue();
    assertThat(trace.demand(19)).isEqualTo(1);
  }

  @Test
  void spreadsAThirtyMinuteSeriesEvenly() throws Exception {
    String csv = "timestamp,count\n2020-01-01T00:00:00Z,300\n2020-01-01T00:30:00Z,600\n";

    Trace trace = loader.read(new StringReader(csv), "half-hour", List.of());

    assertThat(trace.length()).isEqualTo(60);
    assertThat(trace.peak(0, 30)).isEqualTo(10);
    assertThat(trace.quantile(0, 30, 0.01)).isEqualTo(10);
    assertThat(trace.peak(30, 60)).isEqualTo(20);
    assertThat(trace.quantile(30, 60, 0.01)).isEqualTo(20);
  }

  @Test
  void badRowsAreErrorsNamingTheirLine() {
    assertThatThrownBy(
            () ->
                loader.read(
                    new StringReader(
                        "minute,count\n2020-01-01 00:00:00,1\n2020-01-01 00:01:00,abc\n"),
                    "bad",
                    List.of()))
        .hasMessageContaining("bad line 3")
        .hasMessageContaining("bad value 'abc'");
    assertThatThrownBy(
            () ->
                loader.read(
                    new StringReader(
                        "minute,count\n2020-01-01 00:00:00,1\n\n2020-13-01 00:01:00,2\n"),
                    "bad",
                    List.of()))
        .hasMessageContaining("bad line 4")
        .hasMessageContaining("bad timestamp '2020-13-01 00:01:00'");
    assertThatThrownBy(
            () ->
                loader.read(
                    new StringReader("minute,count\n2020-01-01 00:00:00,Infinity\n"),
                    "bad",
                    List.of()))
        .hasMessageContaining("bad line 2");
  }

  @Test
  void readsAPrometheusRangeQueryExportAsARatePerSecond() throws Exception {
    // 30 s step, rate 2/s then 4/s; the step ending 00:03:30 is missing (no data) and so is
    // 00:04:00
    String json =
        """
                {"status":"success","data":{"resultType":"matrix","result":[
                  {"metric":{"app":"shop"},"values":[
                    [1577836830,"2"],[1577836860,"2"],
                    [1577836890,"4"],[1577836920,"4"],
                    [1577836950,"1"],[1577836980,"3"],
                    [1577837010,"NaN"],[1577837040,"NaN"],
                    [1577837070.0,"5"],[1577837100,"5"]
                  ]}]}}
                """;

    Trace trace = load(json);

    assertThat(trace.start()).isEqualTo(LocalDateTime.of(2020, 1, 1, 0, 0));
    assertThat(trace.length()).isEqualTo(5);
    assertThat(trace.demand(0)).isEqualTo(120);
    assertThat(trace.demand(1)).isEqualTo(240);
    assertThat(trace.demand(2)).isEqualTo(120);
    assertThat(trace.observed(3)).isFalse();
    assertThat(trace.demand(4)).isEqualTo(300);
  }

  @Test
  void spreadsACoarsePrometheusStepOverItsMinutes() throws Exception {
    String json =
        """
                {"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[
                [1577837100,"1"],[1577837400,"3"]]}]}}
                """;

    Trace trace = load(json);

    assertThat(trace.length()).isEqualTo(10);
    assertThat(trace.demand(0)).isEqualTo(60);
    assertThat(trace.demand(4)).isEqualTo(60);
    assertThat(trace.demand(5)).isEqualTo(180);
    assertThat(trace.observedCount()).isEqualTo(10);
  }

  @Test
  void rejectsBadPrometheusExportsNamingTheLine() {
    assertThatThrownBy(
            () ->
                load(
                    """
                {"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[
                [1577837100,"1"],
                [1577837160,"-3"]]}]}}
                """))
        .hasMessageContaining("line 3")
        .hasMessageContaining("bad value '-3'");
    assertThatThrownBy(
            () ->
                load(
                    """
                {"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[
                ["yesterday","1"]]}]}}
                """))
        .hasMessageContaining("line 2")
        .hasMessageContaining("bad timestamp 'yesterday'");
    assertThatThrownBy(
            () ->
                load(
                    """
                {"status":"success","data":{"resultType":"matrix","result":[
                {"metric":{"pod":"a"},"values":[[1577837100,"1"]]},
                {"metric":{"pod":"b"},"values":[[1577837100,"1"]]}]}}
                """))
        .hasMessageContaining("exactly one series, got 2");
    assertThatThrownBy(() -> load("{\"status\":\"error\",\"errorType\":\"bad_data\"}"))
        .hasMessageContaining("status error");
    assertThatThrownBy(() -> load("{\"status\":\"success\",\n\"data\": [}"))
        .hasMessageContaining("line 2");
  }

  private Trace load(String json) throws Exception {
    Path file = java.nio.file.Files.createTempFile("prometheus", ".json");
    try {
      java.nio.file.Files.writeString(file, json);
      return loader.load(file, "export", List.of());
    } finally {
      java.nio.file.Files.delete(file);
    }
  }
}
