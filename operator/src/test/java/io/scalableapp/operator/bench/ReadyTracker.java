package io.scalableapp.operator.bench;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Records, from watch events as they arrive, the first moment each object of a kind met a
 * condition, in seconds since {@link #start()}.
 */
final class ReadyTracker<T extends HasMetadata> implements ResourceEventHandler<T> {
  private final Predicate<T> ready;
  private final Map<String, Double> firstReady = new ConcurrentHashMap<>();
  private volatile long start = System.nanoTime();

  ReadyTracker(Predicate<T> ready) {
    this.ready = ready;
  }

  void start() {
    firstReady.clear();
    start = System.nanoTime();
  }

  int count() {
    return firstReady.size();
  }

  /** Seconds since start at which each object first met the condition, ascending. */
  List<Double> times() {
    return firstReady.values().stream().sorted().toList();
  }

  @Override
  public void onAdd(T obj) {
    observe(obj);
  }

  @Override
  public void onUpdate(T old, T obj) {
    observe(obj);
  }

  @Override
  public void onDelete(T obj, boolean finalStateUnknown) {
    // A deleted object keeps the time it was first ready.
  }

  private void observe(T obj) {
    if (ready.test(obj)) {
      firstReady.putIfAbsent(obj.getMetadata().getName(), (System.nanoTime() - start) / 1e9);
    }
  }
}
