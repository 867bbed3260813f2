package io.scalableapp.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

public class ProbesSpec {
  @JsonPropertyDescription(
      "Readiness probe: a Pod receives traffic only while it passes. Omit for no readiness probe.")
  private HttpProbeSpec readiness;

  @JsonPropertyDescription(
      "Liveness probe: a container that fails it is restarted. Omit for no liveness probe.")
  private HttpProbeSpec liveness;

  public HttpProbeSpec getReadiness() {
    return readiness;
  }

  public void setReadiness(HttpProbeSpec readiness) {
    this.readiness = readiness;
  }

  public HttpProbeSpec getLiveness() {
    return liveness;
  }

  public void setLiveness(HttpProbeSpec liveness) {
    this.liveness = liveness;
  }
}
