package io.scalableapp.lab;

import io.scalableapp.engine.prometheus.QueryListener;
import io.scalableapp.lab.trace.PrometheusHistory;
import io.scalableapp.engine.replay.trace.Trace;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What prediction would have done on an app's own traffic: fetches the demand query's history from Prometheus and
 * replays it through the lab (the engine, the HPA model swept over CPU targets, the same-cost comparison), writing
 * the report and plots to {@code --out}.
 *
 * <p>Usage: {@code --prometheus URL --query PROMQL [--from INSTANT] [--to INSTANT] [--step DURATION] [--name NAME]
 * [--out DIR] [--threads N]}; instants are ISO-8601 (2026-11-20T00:00:00Z), {@code --to} defaults to now and
 * {@code --from} to seven days before it, {@code --step} (ISO-8601, default PT1M) is the query's resolution. The
 * query returns the app's demand as one series, a rate per second such as
 * {@code sum(rate(http_requests_total{app="shop"}[2m]))}. The lab sizes replicas from the trace itself (see the
 * report's setup section), so the figures compare policies on this traffic, not this app's current settings.
 */
public final class WhatIf {
    static final String USAGE = "usage: --prometheus URL --query PROMQL [--from INSTANT] [--to INSTANT] "
            + "[--step DURATION] [--name NAME] [--out DIR] [--threads N]";
    /** The lab warms up a day and scores the last 30 %: less than three days leaves almost nothing to score. */
    static final Duration MIN_RANGE = Duration.ofDays(3);

    record Options(URI prometheus, String query, Instant from, Instant to, Duration step, String name, Path out,
                   int threads) {

        static Options parse(String[] args, Instant now) {
            URI prometheus = null;
            String query = null;
            Instant from = null;
            Instant to = now;
            Duration step = Duration.ofMinutes(1);
            String name = "what-if";
            Path out = Path.of("what-if");
            int threads = Runtime.getRuntime().availableProcessors();
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                if (value == null) {
                    throw new IllegalArgumentException(args[i] + " needs a value; " + USAGE);
                }
                switch (args[i++]) {
                    case "--prometheus" -> prometheus = URI.create(value);
                    case "--query" -> query = value;
                    case "--from" -> from = instant("--from", value);
                    case "--to" -> to = instant("--to", value);
                    case "--step" -> step = Duration.parse(value);
                    case "--name" -> name = value;
                    case "--out" -> out = Path.of(value);
                    case "--threads" -> threads = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i - 1] + "; " + USAGE);
                }
            }
            if (prometheus == null || query == null) {
                throw new IllegalArgumentException("--prometheus and --query are required; " + USAGE);
            }
            if (from == null) {
                from = to.minus(Duration.ofDays(7));
            }
            if (Duration.between(from, to).compareTo(MIN_RANGE) < 0) {
                throw new IllegalArgumentException("the range " + from + " .. " + to + " is shorter than "
                        + MIN_RANGE.toDays() + " days: the lab warms up for a day and scores the last 30 %");
            }
            if (step.isNegative() || step.isZero() || step.compareTo(Duration.ofMinutes(30)) > 0) {
                throw new IllegalArgumentException("--step must be between 1s and 30m, got " + step);
            }
            return new Options(prometheus, query, from, to, step, name, out, threads);
        }

        private static Instant instant(String option, String value) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(option + " must be an ISO-8601 instant such as "
                        + "2026-11-20T00:00:00Z, got " + value);
            }
        }
    }

    private WhatIf() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args, Instant.now());
        AtomicLong queries = new AtomicLong();
        AtomicLong samples = new AtomicLong();
        QueryListener counting = new QueryListener() {
            @Override
            public void querySent() {
                queries.incrementAndGet();
            }

            @Override
            public void samplesFetched(int count) {
                samples.addAndGet(count);
            }
        };
        Trace trace = new PrometheusHistory(counting).fetch(options.name(), options.prometheus(), options.query(),
                options.from(), options.to(), options.step());
        ScalingLab.log("fetched %d samples in %d range queries from %s: %d minutes, %d observed", samples.get(),
                queries.get(), options.prometheus(), trace.length(), trace.observedCount());
        String source = String.format(Locale.ROOT, "`%s` from Prometheus %s, %s .. %s at %s steps",
                options.query(), options.prometheus(), options.from(), options.to(), options.step());
        ScalingLab.run(new LabOptions(options.out(), null, List.of(), options.threads(), false, false),
                List.of(trace), source);
    }
}
