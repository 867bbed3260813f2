package io.scalableapp.operator.api.cdn;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

public class PurgeRecord {
  @JsonPropertyDescription("When the purge was accepted by the provider (RFC 3339).")
  private String time;

  @JsonPropertyDescription("Why the operator purged, e.g. \"rollout to revision 3\".")
  private String reason;

  @JsonPropertyDescription("The provider's id or description of the purge.")
  private String id;

  public PurgeRecord() {}

  public PurgeRecord(String time, String reason, String id) {
    this.time = time;
    this.reason = reason;
    this.id = id;
  }

  public String getTime() {
    return time;
  }

  public void setTime(String time) {
    this.time = time;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PurgeRecord other
        && Objects.equals(time, other.time)
        && Objects.equals(reason, other.reason)
        && Objects.equals(id, other.id);
  }

  @Override
  public int hashCode() {
    return Objects.hash(time, reason, id);
  }
}
