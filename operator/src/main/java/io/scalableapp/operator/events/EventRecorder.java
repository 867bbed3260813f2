package io.scalableapp.operator.events;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes Kubernetes Events on an app so `kubectl describe` tells what the operator did and why.
 * Behaves like client-go's recorder: a repeat of the same Event (same object, type, reason, message
 * and source) raises the existing Event's count and lastTimestamp instead of adding an object, and
 * each object is rate limited by {@link EventSpamFilter}. One instance per operator, handed to
 * everything that records (OperatorFactory builds it), so repeats are recognised across
 * reconciliations.
 */
public class EventRecorder {
  public static final String COMPONENT = "scalableapp-operator";

  /** As client-go's maxLruCacheEntries: enough for every recent Event of a large cluster. */
  private static final int MAX_CORRELATED_EVENTS = 4096;

  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

  private final KubernetesClient client;
  private final Clock clock;
  private final EventSpamFilter spamFilter;
  private final Map<EventKey, Recorded> recorded = new BoundedLruMap<>(MAX_CORRELATED_EVENTS);

  public EventRecorder(KubernetesClient client, Clock clock, MeterRegistry registry) {
    this.client = client;
    this.clock = clock;
    this.spamFilter = new EventSpamFilter(clock, registry);
  }

  public void normal(HasMetadata subject, String reason, String message) {
    record(subject, "Normal", reason, message);
  }

  public void warning(HasMetadata subject, String reason, String message) {
    record(subject, "Warning", reason, message);
  }

  private void record(HasMetadata subject, String type, String reason, String message) {
    if (!spamFilter.admit(subject, reason)) {
      return;
    }
    EventKey key = EventKey.of(subject, type, reason, message);
    String now =
        DateTimeFormatter.ISO_INSTANT.format(Instant.now(clock).truncatedTo(ChronoUnit.SECONDS));
    Recorded previous;
    synchronized (recorded) {
      previous = recorded.get(key);
    }
    try {
      Recorded written =
          previous == null
              ? create(subject, type, reason, message, now)
              : repeat(previous, subject, type, reason, message, now);
      synchronized (recorded) {
        recorded.put(key, written);
      }
    } catch (KubernetesClientException e) {
      // An Event is advice for people; losing one must never fail a reconciliation.
      LOG.warn(
          "Could not record event {} on {}: {}",
          reason,
          subject.getMetadata().getName(),
          e.getMessage());
    }
  }

  /**
   * Raises the count of the Event written before; if it has expired meanwhile, writes a new one.
   */
  private Recorded repeat(
      Recorded previous,
      HasMetadata subject,
      String type,
      String reason,
      String message,
      String now) {
    int count = previous.count() + 1;
    try {
      client
          .v1()
          .events()
          .inNamespace(subject.getMetadata().getNamespace())
          .withName(previous.name())
          .patch(
              PatchContext.of(PatchType.JSON_MERGE),
              "{\"count\":%d,\"lastTimestamp\":\"%s\"}".formatted(count, now));
      return new Recorded(previous.name(), count);
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
        throw e;
      }
      return create(subject, type, reason, message, now);
    }
  }

  private Recorded create(
      HasMetadata subject, String type, String reason, String message, String now) {
    Event event =
        new EventBuilder()
            .withNewMetadata()
            .withName(
                subject.getMetadata().getName()
                    + "."
                    + UUID.randomUUID().toString().substring(0, 13).replace("-", ""))
            .withNamespace(subject.getMetadata().getNamespace())
            .endMetadata()
            .withInvolvedObject(
                new ObjectReferenceBuilder()
                    .withApiVersion(subject.getApiVersion())
                    .withKind(subject.getKind())
                    .withName(subject.getMetadata().getName())
                    .withNamespace(subject.getMetadata().getNamespace())
                    .withUid(subject.getMetadata().getUid())
                    .build())
            .withType(type)
            .withReason(reason)
            .withMessage(message)
            .withNewSource()
            .withComponent(COMPONENT)
            .endSource()
            .withReportingComponent(COMPONENT)
            .withFirstTimestamp(now)
            .withLastTimestamp(now)
            .withCount(1)
            .build();
    client.v1().events().inNamespace(subject.getMetadata().getNamespace()).resource(event).create();
    return new Recorded(event.getMetadata().getName(), 1);
  }

  /**
   * What makes two Events the same one, as client-go's getEventKey (the source is always this
   * operator).
   */
  private record EventKey(
      String apiVersion,
      String kind,
      String namespace,
      String name,
      String uid,
      String type,
      String reason,
      String message) {
    static EventKey of(HasMetadata subject, String type, String reason, String message) {
      var meta = subject.getMetadata();
      return new EventKey(
          subject.getApiVersion(),
          subject.getKind(),
          meta.getNamespace(),
          meta.getName(),
          meta.getUid(),
          type,
          reason,
          message);
    }
  }

  private record Recorded(String name, int count) {}
}
