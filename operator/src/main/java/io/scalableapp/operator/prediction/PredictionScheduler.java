package io.scalableapp.operator.prediction;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each registered app's evaluation once per interval (counted from the end of its previous
 * run) on a bounded pool of workers, so one slow Prometheus cannot delay more than {@code
 * concurrency} apps. A run past the timeout is interrupted. Whatever a run throws, the app's next
 * run is scheduled: the schedule only ends when the app is unregistered.
 */
final class PredictionScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PredictionScheduler.class);

  private final Duration interval;
  private final Duration timeout;
  private final Consumer<ResourceID> evaluation;

  /** Only times runs and watchdogs; evaluations never run on it, so it is never busy. */
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(daemon("prediction-timer"));

  private final ThreadPoolExecutor workers;
  private final Map<ResourceID, AppSchedule> apps = new ConcurrentHashMap<>();
  private volatile boolean active;

  PredictionScheduler(
      Duration interval, int concurrency, Duration timeout, Consumer<ResourceID> evaluation) {
    this.interval = interval;
    this.timeout = timeout;
    this.evaluation = evaluation;
    this.workers =
        (ThreadPoolExecutor) Executors.newFixedThreadPool(concurrency, daemon("prediction-worker"));
  }

  /** Starts evaluating (e.g. on becoming leader); registered apps run right away. */
  void activate() {
    active = true;
    apps.keySet().forEach(this::runSoon);
  }

  /** Stops evaluating without forgetting the apps (e.g. before leadership is won). */
  void deactivate() {
    active = false;
  }

  boolean isActive() {
    return active;
  }

  /** Evaluates {@code app} now and then every interval; a no-op if it is already registered. */
  void register(ResourceID app) {
    apps.computeIfAbsent(
        app,
        id -> {
          AppSchedule s = new AppSchedule(id);
          s.scheduleIn(Duration.ZERO);
          return s;
        });
  }

  /** Brings a registered app's next run forward to now, unless it is running already. */
  void runSoon(ResourceID app) {
    AppSchedule s = apps.get(app);
    if (s != null) {
      s.runSoon();
    }
  }

  void unregister(ResourceID app) {
    AppSchedule s = apps.remove(app);
    if (s != null) {
      s.cancel();
    }
  }

  /** Runs due and waiting for a free worker. */
  int waiting() {
    return workers.getQueue().size();
  }

  int registered() {
    return apps.size();
  }

  @Override
  public void close() {
    active = false;
    apps.values().forEach(AppSchedule::cancel);
    apps.clear();
    timer.shutdownNow();
    workers.shutdownNow();
  }

  /** One app's place in the schedule. Guarded by its own monitor. */
  private final class AppSchedule {
    private final ResourceID app;
    private ScheduledFuture<?> next;
    private Thread runner;
    private boolean running;
    private volatile boolean cancelled;

    AppSchedule(ResourceID app) {
      this.app = app;
    }

    synchronized void scheduleIn(Duration delay) {
      if (!cancelled && !timer.isShutdown()) {
        next = timer.schedule(this::dispatch, delay.toMillis(), TimeUnit.MILLISECONDS);
      }
    }

    synchronized void runSoon() {
      if (!running && next != null && next.cancel(false)) {
        scheduleIn(Duration.ZERO);
      }
    }

    synchronized void cancel() {
      cancelled = true;
      if (next != null) {
        next.cancel(false);
      }
      if (runner != null) {
        runner.interrupt();
      }
    }

    private void dispatch() {
      if (!active) {
        scheduleIn(interval);
        return;
      }
      synchronized (this) {
        if (cancelled) {
          return;
        }
        running = true;
      }
      try {
        workers.execute(this::run);
      } catch (RuntimeException e) { // rejected: the pool is shutting down
        synchronized (this) {
          running = false;
        }
      }
    }

    private void run() {
      ScheduledFuture<?> watchdog =
          timer.schedule(this::interruptRunner, timeout.toMillis(), TimeUnit.MILLISECONDS);
      synchronized (this) {
        runner = Thread.currentThread();
      }
      try {
        if (!cancelled) {
          evaluation.accept(app);
        }
      } catch (RuntimeException | Error e) {
        // The evaluation has its own error boundary; reaching here is a bug, and must still not end
        // the schedule.
        LOG.error(
            "Prediction run for {} failed unexpectedly; it will be retried in {}",
            app,
            interval,
            e);
      } finally {
        watchdog.cancel(false);
        synchronized (this) {
          runner = null;
          running = false;
          Thread.interrupted(); // a late watchdog must not leak into the pool thread's next task
        }
        scheduleIn(interval);
      }
    }

    private synchronized void interruptRunner() {
      if (runner != null) {
        LOG.debug("Prediction run for {} exceeded {}; interrupting it", app, timeout);
        runner.interrupt();
      }
    }
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
