package io.scalableapp.operator.cdn.varnish;

import io.scalableapp.operator.cdn.PurgeRequest;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Ban expressions (Varnish's ban language) for a purge. They test only obj.* fields, the x-url
 * header and the tag header the generated VCL stores on every object, so Varnish's ban lurker can
 * evict matching objects in the background instead of keeping every ban until each object is next
 * requested.
 */
public final class VarnishBans {
  /**
   * Characters a tag may not contain for varnish: they would need escaping inside the ban
   * expression.
   */
  static final String UNSUPPORTED_TAG_CHARACTERS = "\"\\^]";

  private VarnishBans() {}

  public static String expression(PurgeRequest request) {
    return switch (request.mode()) {
      case EVERYTHING -> "obj.status != 0";
      case PREFIXES ->
          "obj.http." + VclGenerator.URL_HEADER + " ~ ^(" + alternatives(request.prefixes()) + ")";
      // The app lists tags comma-separated; a tag matches as a whole item, blanks around it
      // ignored.
      case TAGS ->
          "obj.http."
              + request.tagHeader()
              + " ~ (^|,)[[:blank:]]*("
              + alternatives(request.tags())
              + ")[[:blank:]]*(,|$)";
    };
  }

  /** The first tag varnish cannot ban on, if any. */
  public static Optional<String> unsupportedTag(List<String> tags) {
    return tags.stream()
        .filter(t -> t.chars().anyMatch(c -> UNSUPPORTED_TAG_CHARACTERS.indexOf(c) >= 0))
        .findFirst();
  }

  private static String alternatives(List<String> values) {
    return values.stream().map(VclGenerator::literalRegex).collect(Collectors.joining("|"));
  }
}
