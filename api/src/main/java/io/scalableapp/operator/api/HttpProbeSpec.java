package io.scalableapp.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;

/** An HTTP GET probe on the app's port. */
public class HttpProbeSpec {
  @JsonPropertyDescription("HTTP path probed on the container's port.")
  @Default("/")
  @Pattern("^/.*")
  private String path = "/";

  @JsonPropertyDescription("Seconds after the container starts before the first probe.")
  @Default("0")
  @Min(0)
  private int initialDelaySeconds = 0;

  @JsonPropertyDescription("Seconds between probes.")
  @Default("10")
  @Min(1)
  private int periodSeconds = 10;

  @JsonPropertyDescription("Seconds after which a probe times out.")
  @Default("1")
  @Min(1)
  private int timeoutSeconds = 1;

  @JsonPropertyDescription("Consecutive failures after which the probe counts as failed.")
  @Default("3")
  @Min(1)
  private int failureThreshold = 3;

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  public int getInitialDelaySeconds() {
    return initialDelaySeconds;
  }

  public void setInitialDelaySeconds(int value) {
    this.initialDelaySeconds = value;
  }

  public int getPeriodSeconds() {
    return periodSeconds;
  }

  public void setPeriodSeconds(int value) {
    this.periodSeconds = value;
  }

  public int getTimeoutSeconds() {
    return timeoutSeconds;
  }

  public void setTimeoutSeconds(int value) {
    this.timeoutSeconds = value;
  }

  public int getFailureThreshold() {
    return failureThreshold;
  }

  public void setFailureThreshold(int value) {
    this.failureThreshold = value;
  }
}
