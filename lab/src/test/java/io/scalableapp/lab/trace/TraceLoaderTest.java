package io.scalableapp.lab.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        TraceGap outage = new TraceGap(LocalDateTime.of(2020, 1, 1, 0, 5), LocalDateTime.of(2020, 1, 1, 0, 7));

        Trace trace = loader.load(fixture(), "tiny", List.of(outage));

        assertThat(trace.observed(4)).isTrue();
        assertThat(trace.observed(5)).isFalse();
        assertThat(trace.observed(6)).isFalse();
        assertThat(trace.observed(7)).isTrue();
        assertThat(trace.observedCount()).isEqualTo(7);
    }

    @Test
    void gapsAreIgnoredWhenScoringPeaksAndQuantiles() throws Exception {
        TraceGap gapOverPeak = new TraceGap(LocalDateTime.of(2020, 1, 1, 0, 1), LocalDateTime.of(2020, 1, 1, 0, 2));

        Trace trace = loader.load(fixture(), "tiny", List.of(gapOverPeak));

        assertThat(trace.peak(0, trace.length())).isEqualTo(10);
        assertThat(trace.quantile(0, trace.length(), 1.0)).isEqualTo(10);
    }

    @Test
    void acceptsIsoAndEpochTimestampsForUserTraces() throws Exception {
        String csv = "timestamp,count\n2024-03-01T10:00:30Z,4\n1709287260,6\n2024-03-01T12:02:00+02:00,1\n";

        Trace trace = loader.read(new StringReader(csv), "user", List.of());

        assertThat(trace.start()).isEqualTo(LocalDateTime.of(2024, 3, 1, 10, 0));
        assertThat(trace.length()).isEqualTo(3);
        assertThat(trace.demand(0)).isEqualTo(4);
        assertThat(trace.demand(1)).isEqualTo(6);
        assertThat(trace.demand(2)).isEqualTo(1);
    }

    @Test
    void rejectsNegativeCountsAndMissingHeader() {
        assertThatThrownBy(() -> loader.read(new StringReader("minute,count\n2020-01-01 00:00:00,-1\n"), "bad",
                List.of())).hasMessageContaining("bad count");
        assertThatThrownBy(() -> loader.read(new StringReader("2020-01-01 00:00:00,1\n"), "bad", List.of()))
                .hasMessageContaining("header");
    }

    @Test
    void interpolatesMaskedMinutesLinearlyForGapFreeProtocols() throws Exception {
        TraceGap outage = new TraceGap(LocalDateTime.of(2020, 1, 1, 0, 4), LocalDateTime.of(2020, 1, 1, 0, 7));
        Trace trace = loader.load(fixture(), "tiny", List.of(outage));

        double[] filled = GapInterpolation.interpolate(trace);

        // observed 7 at minute 3 and 9 at minute 7: the three masked minutes lie on the line between them
        assertThat(filled).containsExactly(10, 12, 0, 7, 7.5, 8, 8.5, 9, 4);
    }
}
