package io.scalableapp.operator.events;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The Events asked for, kept in memory: recording needs no cluster. */
public final class RecordedEvents extends EventRecorder {
  public final List<String> warnings = new ArrayList<>();
  public final List<String> normals = new ArrayList<>();

  public RecordedEvents() {
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
