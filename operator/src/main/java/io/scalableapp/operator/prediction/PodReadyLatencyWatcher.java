package io.scalableapp.operator.prediction;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.ReducedStateItemStore;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.scalableapp.operator.api.ChildLabels;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Watches the operator's own Pods and reports, once per Pod, how long it took from creation to
 * Ready: the default forecast horizon follows this latency.
 */
final class PodReadyLatencyWatcher implements AutoCloseable {
  private final KubernetesClient client;
  private final BiConsumer<ResourceID, Duration> sink;
  private final Set<String> namespaces;
  private final Set<String> reported = ConcurrentHashMap.newKeySet();
  private final List<SharedIndexInformer<Pod>> informers = new ArrayList<>();

  /**
   * @param namespaces the operator's namespaces (its RBAC may cover no others); empty means all
   */
  PodReadyLatencyWatcher(
      KubernetesClient client, Set<String> namespaces, BiConsumer<ResourceID, Duration> sink) {
    this.client = client;
    this.namespaces = namespaces;
    this.sink = sink;
  }

  void start() {
    ResourceEventHandler<Pod> handler =
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(Pod pod) {
            observe(pod);
          }

          @Override
          public void onUpdate(Pod old, Pod pod) {
            observe(pod);
          }

          @Override
          public void onDelete(Pod pod, boolean unknown) {
            reported.remove(pod.getMetadata().getUid());
          }
        };
    if (namespaces.isEmpty()) {
      informers.add(
          start(
              client
                  .pods()
                  .inAnyNamespace()
                  .withLabel(ChildLabels.MANAGED_BY, ChildLabels.OPERATOR)
                  .runnableInformer(0),
              handler));
    } else {
      for (String namespace : namespaces) {
        informers.add(
            start(
                client
                    .pods()
                    .inNamespace(namespace)
                    .withLabel(ChildLabels.MANAGED_BY, ChildLabels.OPERATOR)
                    .runnableInformer(0),
                handler));
      }
    }
  }

  /**
   * Caches only what {@link #observe} reads: a fleet has thousands of Pods, and a whole Pod (spec,
   * managedFields) costs the heap tens of times more.
   */
  private SharedIndexInformer<Pod> start(
      SharedIndexInformer<Pod> informer, ResourceEventHandler<Pod> handler) {
    informer.itemStore(
        new ReducedStateItemStore<>(
            ReducedStateItemStore.NAME_KEY_STATE,
            Pod.class,
            client.getKubernetesSerialization(),
            "metadata.uid",
            "metadata.labels",
            "metadata.creationTimestamp",
            "status.conditions"));
    informer.addEventHandler(handler);
    informer.start();
    return informer;
  }

  private void observe(Pod pod) {
    Map<String, String> labels = pod.getMetadata().getLabels();
    String app = labels == null ? null : labels.get(ChildLabels.INSTANCE);
    if (app == null || pod.getStatus() == null || pod.getStatus().getConditions() == null) {
      return;
    }
    for (PodCondition c : pod.getStatus().getConditions()) {
      if ("Ready".equals(c.getType())
          && "True".equals(c.getStatus())
          && c.getLastTransitionTime() != null
          && reported.add(pod.getMetadata().getUid())) {
        Duration latency =
            Duration.between(
                Instant.parse(pod.getMetadata().getCreationTimestamp()),
                Instant.parse(c.getLastTransitionTime()));
        sink.accept(new ResourceID(app, pod.getMetadata().getNamespace()), latency);
      }
    }
  }

  @Override
  public void close() {
    informers.forEach(SharedIndexInformer::close);
  }
}
