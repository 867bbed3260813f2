package io.scalableapp.operator.api.cdn;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

@ValidationRule(
    value = "self.mode != 'prefixes' || (has(self.prefixes) && size(self.prefixes) > 0)",
    message = "cdn.purge.prefixes is required when cdn.purge.mode is prefixes")
@ValidationRule(
    value = "self.mode != 'tags' || (has(self.tags) && size(self.tags) > 0)",
    message = "cdn.purge.tags is required when cdn.purge.mode is tags")
@ValidationRule(
    value = "self.mode == 'prefixes' || !has(self.prefixes) || size(self.prefixes) == 0",
    message = "cdn.purge.prefixes is only read when cdn.purge.mode is prefixes")
@ValidationRule(
    value = "self.mode == 'tags' || !has(self.tags) || size(self.tags) == 0",
    message = "cdn.purge.tags is only read when cdn.purge.mode is tags")
public class PurgeSpec {
  public enum Mode {
    everything,
    prefixes,
    tags
  }

  @JsonPropertyDescription(
      "Purge the edge once after each rollout of a new app version, when the new pods are ready, "
          + "so clients never get the old version's cached responses.")
  @Default("true")
  private boolean onRollout = true;

  @JsonPropertyDescription(
      "What a purge removes: everything the edge cached for the app's hosts, the paths under "
          + "prefixes, or the responses tagged with tags (in the tagHeader response header).")
  @Default("everything")
  private Mode mode = Mode.everything;

  @JsonPropertyDescription("Path prefixes purged when mode is prefixes, e.g. /static/.")
  @Size(max = 30)
  @ValidationRule(
      value = "self.all(p, p.matches('^/[-A-Za-z0-9._~/%@:+,;=!$]*$'))",
      message = "cdn.purge.prefixes must start with '/' and contain only URL path characters")
  private List<@Size(max = 256) String> prefixes = new ArrayList<>();

  @JsonPropertyDescription("Cache tags purged when mode is tags, e.g. html.")
  @Size(max = 30)
  @ValidationRule(
      value = "self.all(t, t.matches('^[[:graph:]]+$') && !t.contains(','))",
      message =
          "cdn.purge.tags must be printable ASCII without spaces or commas, 1 to 1024 characters each")
  private List<@Size(min = 1, max = 1024) String> tags = new ArrayList<>();

  @JsonPropertyDescription(
      "Response header in which the app lists a response's tags, comma-separated.")
  @Default("Cache-Tag")
  @Size(max = 64)
  @ValidationRule(
      value = "self.matches('^[A-Za-z][A-Za-z0-9-]{0,63}$')",
      message = "cdn.purge.tagHeader must be a header name: a letter, then letters, digits and '-'")
  private String tagHeader = "Cache-Tag";

  public boolean isOnRollout() {
    return onRollout;
  }

  public void setOnRollout(boolean onRollout) {
    this.onRollout = onRollout;
  }

  public Mode getMode() {
    return mode;
  }

  public void setMode(Mode mode) {
    this.mode = mode;
  }

  public List<String> getPrefixes() {
    return prefixes;
  }

  public void setPrefixes(List<String> prefixes) {
    this.prefixes = prefixes;
  }

  public List<String> getTags() {
    return tags;
  }

  public void setTags(List<String> tags) {
    this.tags = tags;
  }

  public String getTagHeader() {
    return tagHeader;
  }

  public void setTagHeader(String tagHeader) {
    this.tagHeader = tagHeader;
  }
}
