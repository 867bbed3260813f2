package io.scalableapp.operator.runtime;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes Kubernetes Events on an app so `kubectl describe` tells what the operator did and why. */
public class EventRecorder {
  public static final String COMPONENT = "scalableapp-operator";
  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

  private final KubernetesClient client;
  private final Clock clock;

  public EventRecorder(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  public void normal(HasMetadata subject, String reason, String message) {
    record(subject, "Normal", reason, message);
  }

  public void warning(HasMetadata subject, String reason, String message) {
    record(subject, "Warning", reason, message);
  }

  private void record(HasMetadata subject, String type, String reason, String message) {
    String now = DateTimeFormatter.ISO_INSTANT.format(Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    var event = new EventBuilder()
        .withNewMetadata()
          .withName(subject.getMetadata().getName() + "." + UUID.randomUUID().toString().substring(0, 13).replace("-", ""))
          .withNamespace(subject.getMetadata().getNamespace())
        .endMetadata()
        .withInvolvedObject(new ObjectReferenceBuilder()
            .withApiVersion(subject.getApiVersion()).withKind(subject.getKind())
            .withName(subject.getMetadata().getName()).withNamespace(subject.getMetadata().getNamespace())
            .withUid(subject.getMetadata().getUid()).build())
        .withType(type).withReason(reason).withMessage(message)
        .withNewSource().withComponent(COMPONENT).endSource()
        .withReportingComponent(COMPONENT)
        .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
        .build();
    try {
      client.v1().events().inNamespace(subject.getMetadata().getNamespace()).resource(event).create();
    } catch (KubernetesClientException e) {
      // An Event is advice for people; losing one must never fail a reconciliation.
      LOG.warn("Could not record event {} on {}: {}", reason, subject.getMetadata().getName(), e.getMessage());
    }
  }
}
