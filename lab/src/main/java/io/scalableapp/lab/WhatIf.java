package io.scalableapp.lab;

import io.scalableapp.engine.prometheus.QueryListener;
import io.scalableapp.engine.replay.trace.Trace;
import io.scalableapp.engine.text.DurationText;
import io.scalableapp.lab.experiment.RunOutcome;
import io.scalableapp.lab.trace.PrometheusHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What prediction would have done on an app's own traffic: fetches the demand query's history from
 * Prometheus and replays it through the lab (the engine, the HPA model swept over CPU targets, the
 * same-cost comparison), writing the report and plots to {@code --out}.
 *
 * <p>Usage: {@code --prometheus URL --query PROMQL [--from INSTANT] [--to INSTANT] [--step
 * DURATION] [--name NAME] [--out DIR] [--threads N]}; instants are ISO-8601 (2026-11-20T00:00:00Z),
 * {@code --to} defaults to now and {@code --from} to seven days before it, {@code --step} (1m, 30s,
 * or ISO-8601 such as PT1M; default 1m, whole seconds) is the query's resolution. The query returns
 * the app's demand as one series, a rate per second such as {@code
 * sum(rate(http_requests_total{app="shop"}[2m]))}. Here the lab sizes replicas from the trace
 * itself (see the report's setup section), so the figures compare policies on this traffic, not
 * this app's current settings.
 *
 * <p>{@code --app NAMESPACE/NAME} instead replays an existing ScalableApp with its own settings
 * ({@link #replay( Options, AppProfile)}); reading the app takes its API types and a Kubernetes
 * client, so that entry point is the what-if command, {@code
 * io.scalableapp.operator.whatif.AppWhatIf} in the whatif module's jar ({@code make what-if
 * APP=namespace/name}), which runs this one too.
 */
public final class WhatIf {
  static final String USAGE =
      "usage: (--prometheus URL --query PROMQL | --app NAMESPACE/NAME [--prometheus URL]) "
          + "[--from INSTANT] [--to INSTANT] [--step DURATION] [--name NAME] [--out DIR] [--threads N]";

  /**
   * The lab warms up a day and scores the last 30 %: less than three days leaves almost nothing to
   * score.
   */
  static final Duration MIN_RANGE = Duration.ofDays(3);

  /**
   * The command line.
   *
   * @param prometheus with {@code --app}, null unless given: it then overrides the app's own
   *     Prometheus (a port-forward, say)
   * @param app {@code namespace/name} of a ScalableApp, or null
   * @param name the trace's name in the report and its file names, or null for the default
   */
  public record Options(
      URI prometheus,
      String query,
      String app,
      Instant from,
      Instant to,
      Duration step,
      String name,
      Path out,
      int threads) {

    public static Options parse(String[] args, Instant now) {
      URI prometheus = null;
      String query = null;
      String app = null;
      Instant from = null;
      Instant to = now;
      Duration step = Duration.ofMinutes(1);
      String name = null;
      Path out = Path.of("what-if");
      int threads = Runtime.getRuntime().availableProcessors();
      for (int i = 0; i < args.length; i++) {
        String value = i + 1 < args.length ? args[i + 1] : null;
        if (value == null) {
          throw new IllegalArgumentException(args[i] + " needs a value; " + USAGE);
        }
        switch (args[i++]) {
          case "--prometheus" -> prometheus = prometheusUrl(value);
          case "--query" -> query = value;
          case "--app" -> app = value;
          case "--from" -> from = instant("--from", value);
          case "--to" -> to = instant("--to", value);
          case "--step" -> step = step(value);
          case "--name" -> name = value;
          case "--out" -> out = Path.of(value);
          case "--threads" -> threads = threads(value);
          default ->
              throw new IllegalArgumentException("unknown option " + args[i - 1] + "; " + USAGE);
        }
      }
      if (app != null) {
        if (!app.matches("[^/]+/[^/]+")) {
          throw new IllegalArgumentException("--app must be NAMESPACE/NAME, got " + app);
        }
        if (query != null) {
          throw new IllegalArgumentException(
              "--app takes the query from the app's spec.prediction.query; " + "drop --query");
        }
      } else if (prometheus == null || query == null) {
        throw new IllegalArgumentException(
            "--prometheus and --query (or --app) are required; " + USAGE);
      }
      if (from == null) {
        from = to.minus(Duration.ofDays(7));
      }
      if (Duration.between(from, to).compareTo(MIN_RANGE) < 0) {
        throw new IllegalArgumentException(
            "the range "
                + from
                + " .. "
                + to
                + " is shorter than "
                + MIN_RANGE.toDays()
                + " days: the lab warms up for a day and scores the last 30 %");
      }
      if (step.compareTo(Duration.ofSeconds(1)) < 0
          || step.compareTo(Duration.ofMinutes(30)) > 0
          || step.getNano() != 0) {
        // Prometheus steps are whole seconds: a fractional one would be rounded there, not here.
        throw new IllegalArgumentException(
            "--step must be whole seconds from 1s to 30m, got " + DurationText.format(step));
      }
      return new Options(prometheus, query, app, from, to, step, name, out, threads);
    }

    private static Duration step(String value) {
      try {
        return value.startsWith("P") ? Duration.parse(value) : DurationText.parse(value);
      } catch (IllegalArgumentException | DateTimeParseException e) {
        throw new IllegalArgumentException(
            "--step must be a duration such as 1m, 30s or PT1M, got " + value, e);
      }
    }

    private static int threads(String value) {
      try {
        int n = Integer.parseInt(value);
        if (n >= 1) {
          return n;
        }
      } catch (NumberFormatException e) {
        // refused below
      }
      throw new IllegalArgumentException("--threads must be a whole number from 1, got " + value);
    }

    /** The operator sends no credentials, and the URL goes into the report and its log. */
    private static URI prometheusUrl(String value) {
      URI url;
      try {
        url = URI.create(value);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--prometheus must be a URL, got " + value, e);
      }
      if (url.getRawUserInfo() != null) {
        throw new IllegalArgumentException(
            "--prometheus must not carry credentials (user:password@): they would be printed in"
                + " the report");
      }
      return url;
    }

    private static Instant instant(String option, String value) {
      try {
        return Instant.parse(value);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            option
                + " must be an ISO-8601 instant such as "
                + "2026-11-20T00:00:00Z, got "
                + value);
      }
    }
  }

  /** A step of the command that may fail with a message for the user. */
  @FunctionalInterface
  public interface Command {
    void run() throws Exception;
  }

  private WhatIf() {}

  public static void main(String[] args) {
    exitOnFailure(
        () -> {
          Options options = Options.parse(args, Instant.now());
          if (options.app() != null) {
            throw new IllegalArgumentException(
                "--app reads the ScalableApp from the cluster: run the what-if "
                    + "command, `java -jar scalableapp-whatif.jar --app "
                    + options.app()
                    + "` (`make what-if APP="
                    + options.app()
                    + "`)");
          }
          replay(options);
        });
  }

  /**
   * Replays {@code --query}'s history with the lab's own sizing: the policies compared on this
   * traffic.
   */
  public static List<RunOutcome> replay(Options options) throws Exception {
    String name = options.name() != null ? options.name() : "what-if";
    String preface =
        "# What-if for `"
            + options.query()
            + "`: predictive floor against the reactive HPA on this "
            + "traffic\n\nWhat prediction would have done on the demand `"
            + options.query()
            + "` returns, "
            + "written by the what-if; run it again to refresh it. Replicas are sized from the trace itself (see "
            + "the setup section), so the figures compare policies on this traffic, not any app's own settings.";
    return replay(
        options, options.prometheus(), options.query(), name, LabSetup.standard(), preface);
  }

  /**
   * Replays {@code app}'s history with its own settings: its targetPerReplica sizes the replicas,
   * its replica bounds and HPA target run the HPA, its spec.prediction runs the engine. Returns
   * every run's outcome.
   */
  public static List<RunOutcome> replay(Options options, AppProfile app) throws Exception {
    URI prometheus = options.prometheus() != null ? options.prometheus() : app.prometheus();
    String name = options.name() != null ? options.name() : app.name().replace('/', '-');
    String preface =
        "# What-if for "
            + app.name()
            + ": its predictive floor against its HPA, on its own "
            + "traffic\n\nWhat prediction would have done for the ScalableApp "
            + app.name()
            + ", replayed on its "
            + "demand history with its own settings (spec.prediction, spec.replicas, spec.autoscaling), written "
            + "by the what-if; run it again to refresh it. The policy spec.autoscaling.tuning would choose is in "
            + "[policy.md](policy.md).";
    return replay(options, prometheus, app.query(), name, LabSetup.forApp(app), preface);
  }

  /**
   * Runs {@code command}; a failure the user can act on is printed as one line and exits with
   * status 2.
   */
  public static void exitOnFailure(Command command) {
    try {
      command.run();
    } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
      System.err.println("[what-if] " + e.getMessage());
      System.exit(2);
    } catch (Exception e) {
      System.err.println("[what-if] " + e);
      System.exit(1);
    }
  }

  private static List<RunOutcome> replay(
      Options options, URI prometheus, String query, String name, LabSetup setup, String preface)
      throws Exception {
    AtomicLong queries = new AtomicLong();
    AtomicLong samples = new AtomicLong();
    QueryListener counting =
        new QueryListener() {
          @Override
          public void querySent() {
            queries.incrementAndGet();
          }

          @Override
          public void samplesFetched(int count) {
            samples.addAndGet(count);
          }
        };
    Trace trace;
    try {
      trace =
          new PrometheusHistory(counting)
              .fetch(name, prometheus, query, options.from(), options.to(), options.step());
    } catch (ConnectException | HttpConnectTimeoutException e) {
      throw new IllegalStateException(
          "Prometheus at "
              + prometheus
              + " is unreachable ("
              + e.getClass().getSimpleName()
              + (e.getMessage() != null ? ": " + e.getMessage() : "")
              + ")",
          e);
    } catch (IOException e) {
      throw new IllegalStateException(
          "Prometheus at "
              + prometheus
              + " failed on "
              + query
              + " over "
              + options.from()
              + " .. "
              + options.to()
              + ": "
              + e.getMessage(),
          e);
    }
    ScalingLab.log(
        "fetched %d samples in %d range queries from %s: %d minutes, %d observed",
        samples.get(), queries.get(), prometheus, trace.length(), trace.observedCount());
    String source =
        String.format(
            Locale.ROOT,
            "`%s` from Prometheus %s, %s .. %s at %s steps",
            query,
            prometheus,
            options.from(),
            options.to(),
            options.step());
    return ScalingLab.run(
        new LabOptions(options.out(), null, List.of(), options.threads(), false, false),
        List.of(trace),
        source,
        setup,
        preface);
  }
}
