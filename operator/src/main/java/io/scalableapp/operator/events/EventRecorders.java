package io.scalableapp.operator.events;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.lang.ref.WeakReference;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The operator's one EventRecorder, found by the client it talks through. JOSDK instantiates the
 * dependent resources itself, so they look it up from their context's client. Weakly held: a
 * stopped operator's recorder and client can be collected.
 */
public final class EventRecorders {
  private static final Map<KubernetesClient, WeakReference<EventRecorder>> BY_CLIENT =
      Collections.synchronizedMap(new WeakHashMap<>());

  private EventRecorders() {}

  /**
   * Makes {@code recorder} the one every user of {@code client} records through; the caller keeps
   * it alive.
   */
  public static EventRecorder register(KubernetesClient client, EventRecorder recorder) {
    BY_CLIENT.put(client, new WeakReference<>(recorder));
    return recorder;
  }

  public static EventRecorder forClient(KubernetesClient client) {
    WeakReference<EventRecorder> ref = BY_CLIENT.get(client);
    EventRecorder recorder = ref == null ? null : ref.get();
    if (recorder == null) {
      throw new IllegalStateException(
          "No EventRecorder for this client: operators are built by OperatorFactory");
    }
    return recorder;
  }
}
