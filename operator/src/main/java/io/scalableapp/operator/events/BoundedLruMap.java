package io.scalableapp.operator.events;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that forgets its least recently used entry beyond {@code capacity}, so per-object state
 * stays bounded.
 */
final class BoundedLruMap<K, V> extends LinkedHashMap<K, V> {
  private final int capacity;

  BoundedLruMap(int capacity) {
    super(16, 0.75f, true);
    this.capacity = capacity;
  }

  @Override
  protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
    return size() > capacity;
  }
}
