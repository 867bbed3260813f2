package io.scalableapp.operator.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scalableapp.operator.events.EventRecorder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Events the reporters asked for, without a cluster. */
final class RecordedEvents extends EventRecorder {
  final List<String> warnings = new ArrayList<>();
  final List<String> normals = new ArrayList<>();

  RecordedEvents() {
    super(null, Clock.systemUTC(), new SimpleMeterRegistry());
  }

  @Override
  public void normal(HasMetadata subject, String reason, String message) {
    normals.add(reason + ": " + message);
  }

  @Override
  public void warning(HasMetadata subject, String reason, String message) {
    warnings.add(reason + ": " + message);
  }
}
